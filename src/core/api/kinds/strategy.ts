import type { FieldError } from '../field-errors';
import type { ResourceType } from '../resource-types';
import type { ObjectSchema } from '../schema/dsl';
import type { KubeObject } from '../types';
import type { NameRule } from '../validation/metadata';
import type { ObjectStore } from '../../store/object-store';
import type { Rng } from '../../engine/rng';

/** What defaulting and admission may use: randomness for generated names, and the clock. */
export interface AdmissionContext {
  /** A random 5-character suffix from Kubernetes' name alphabet. */
  randomSuffix(): string;
  /** Virtual milliseconds since the simulation started. */
  now(): number;
  /** The seeded RNG, for allocators that choose at random (cluster IPs, node ports). */
  readonly rng: Rng;
  /** The store, for allocators that must see what is taken (Service cluster IPs and node ports). */
  readonly store: ObjectStore;
}

/**
 * How the API server treats one kind, as a registry "strategy" does upstream: its type, schema,
 * name rule, defaulting/admission on create, and validation on create and update.
 */
export interface KindStrategy<T extends KubeObject = KubeObject> {
  readonly type: ResourceType;
  readonly schema: ObjectSchema;
  readonly nameRule: NameRule;
  /** Defaulting and mutating admission for a new object. */
  prepareForCreate?(obj: T, ctx: AdmissionContext): void;
  /** Defaulting for an update (the same defaulters run on every write upstream). */
  prepareForUpdate?(obj: T, old: T): void;
  /**
   * Checks done while decoding the request body, before defaulting (e.g. Secret data must be
   * base64): the message kubectl shows after `cannot be handled as a <Kind>: `.
   */
  decode?(obj: T): string | undefined;
  validate(obj: T): FieldError[];
  validateUpdate?(obj: T, old: T): FieldError[];
}
