import { amountOf } from '../api/pod-resources';

/**
 * A set of resource amounts in the scheduler's units (framework.Resource): millicores, bytes,
 * a pod count, and the "scalar" resources — extended resources such as `nvidia.com/gpu` or
 * `nvidia.com/mig-1g.5gb`, hugepages and attachable volumes — by name.
 */
export class Resource {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  allowedPodNumber = 0;
  readonly scalar = new Map<string, number>();

  /** Add a resource list (`{cpu: "500m", "nvidia.com/gpu": "1"}`) or amounts already in base units. */
  addList(list: Readonly<Record<string, string | number>> | undefined, parsed = false): void {
    if (!list) return;
    for (const name in list) {
      const q = list[name]!;
      this.addAmount(name, parsed ? (q as number) : amountOf(name, q));
    }
  }

  addAmount(name: string, value: number): void {
    switch (name) {
      case 'cpu':
        this.milliCPU += value;
        return;
      case 'memory':
        this.memory += value;
        return;
      case 'ephemeral-storage':
        this.ephemeralStorage += value;
        return;
      case 'pods':
        this.allowedPodNumber += value;
        return;
      default:
        if (isScalarResourceName(name)) this.scalar.set(name, (this.scalar.get(name) ?? 0) + value);
    }
  }

  /** `this += sign × other`. */
  add(other: Resource, sign = 1): void {
    this.milliCPU += sign * other.milliCPU;
    this.memory += sign * other.memory;
    this.ephemeralStorage += sign * other.ephemeralStorage;
    this.allowedPodNumber += sign * other.allowedPodNumber;
    for (const [k, v] of other.scalar) this.scalar.set(k, (this.scalar.get(k) ?? 0) + sign * v);
  }

  /** The amount of one resource by its API name. */
  get(name: string): number {
    switch (name) {
      case 'cpu':
        return this.milliCPU;
      case 'memory':
        return this.memory;
      case 'ephemeral-storage':
        return this.ephemeralStorage;
      case 'pods':
        return this.allowedPodNumber;
      default:
        return this.scalar.get(name) ?? 0;
    }
  }

  clone(): Resource {
    const r = new Resource();
    r.add(this);
    return r;
  }
}

/**
 * Whether the scheduler counts a resource as a "scalar" (schedutil.IsScalarResourceName):
 * extended resources and prefixed native ones (any name with a domain, such as
 * `nvidia.com/gpu`), hugepages and attachable volumes.
 */
export function isScalarResourceName(name: string): boolean {
  return (name.includes('/') && !name.startsWith('requests.')) || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}
