import { type FieldError, formatInvalid } from '../api/field-errors';

/**
 * An error from the simulated API server, with the status reason and HTTP code a real one would
 * return (metav1.StatusReason). kubectl prints these as `Error from server (Reason): message`,
 * except Invalid, which it prints as `The Kind "name" is invalid: …`.
 */
export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed';

const CODES: Record<StatusReason, number> = {
  BadRequest: 400,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
};

export class ApiError extends Error {
  readonly code: number;
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly causes: readonly FieldError[] = [],
  ) {
    super(message);
    this.code = CODES[reason];
  }

  static notFound(resource: string, name: string): ApiError {
    return new ApiError('NotFound', `${resource} ${JSON.stringify(name)} not found`);
  }

  static alreadyExists(resource: string, name: string): ApiError {
    return new ApiError('AlreadyExists', `${resource} ${JSON.stringify(name)} already exists`);
  }

  static invalid(kind: string, name: string, causes: readonly FieldError[]): ApiError {
    return new ApiError('Invalid', formatInvalid(kind, name, causes), causes);
  }

  /** How kubectl prints this error. */
  kubectlMessage(): string {
    return this.reason === 'Invalid' ? this.message : `Error from server (${this.reason}): ${this.message}`;
  }

  /**
   * The error of a request made for an object read from a manifest (`-f`): kubectl names the
   * source in the status message (cmdutil.AddSourceToErr: `error when deleting "web.yaml": …`).
   */
  kubectlMessageFrom(verb: string, source: string): string {
    return `Error from server (${this.reason}): error when ${verb} ${JSON.stringify(source)}: ${this.message}`;
  }
}
