/**
 * The API resources the simulation serves, as `kubectl api-resources` lists them, and the
 * resolution of the names kubectl accepts for a type: plural, singular, short names, Kind, and
 * the group-qualified forms (`deployments.apps`, `deployment.v1.apps`).
 */
export interface ResourceType {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  readonly categories?: readonly string[];
  /** Verbs the API server accepts, as api-resources -o wide prints them. */
  readonly verbs?: readonly string[];
}

export const apiVersionOf = (t: ResourceType): string => (t.group ? `${t.group}/${t.version}` : t.version);

/** `pod`, `deployment.apps`: the TYPE kubectl prints in `deployment.apps/web created`. */
export const qualifiedSingular = (t: ResourceType): string => (t.group ? `${t.singular}.${t.group}` : t.singular);

export class ResourceTypes {
  private readonly byKind = new Map<string, ResourceType>();
  private readonly byName = new Map<string, ResourceType>();
  private readonly ordered: ResourceType[] = [];

  add(t: ResourceType): void {
    this.ordered.push(t);
    this.byKind.set(t.kind, t);
    const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    for (const n of names) {
      this.byName.set(n, t);
      if (t.group) {
        this.byName.set(`${n}.${t.group}`, t);
        this.byName.set(`${n}.${t.version}.${t.group}`, t);
      } else {
        this.byName.set(`${n}.${t.version}`, t);
      }
    }
  }

  all(): readonly ResourceType[] {
    return this.ordered;
  }

  byKindName(kind: string): ResourceType | undefined {
    return this.byKind.get(kind);
  }

  /** Resolve any form kubectl accepts (`po`, `Pods`, `deployment.apps`, `Deployment`). */
  resolve(name: string): ResourceType | undefined {
    return this.byName.get(name) ?? this.byName.get(name.toLowerCase()) ?? this.byKind.get(name);
  }

  /** The type for an object's apiVersion and kind, or undefined when the pair is not served. */
  forObject(apiVersion: string | undefined, kind: string | undefined): ResourceType | undefined {
    if (!kind) return undefined;
    const t = this.byKind.get(kind);
    return t && apiVersionOf(t) === apiVersion ? t : undefined;
  }
}
