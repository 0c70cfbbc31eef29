import { type FieldError, invalid, notSupported, required, forbidden } from '../../api/field-errors';

/**
 * Validation of plugin arguments with kube-scheduler's wording
 * (pkg/scheduler/apis/config/validation/validation_pluginargs.go). `args` is already merged with
 * the defaults; `path` is the field path of the args object.
 */
type Args = Readonly<Record<string, unknown>>;

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function inRange(errs: FieldError[], path: string, v: unknown, min: number, max: number, text = `not in valid range [${min}, ${max}]`): void {
  const n = num(v);
  if (n === undefined || n < min || n > max || !Number.isInteger(n)) errs.push(invalid(path, v, text));
}

function validateResources(errs: FieldError[], path: string, resources: unknown, minWeight: number, maxWeight: number): void {
  if (!Array.isArray(resources)) return;
  resources.forEach((r: { name?: unknown; weight?: unknown }, i) => {
    const p = `${path}[${i}]`;
    if (!r.name) errs.push(required(`${p}.name`, ''));
    const w = num(r.weight);
    if (w === undefined || w < minWeight || w > maxWeight) errs.push(invalid(`${p}.weight`, r.weight, `resource weight of ${String(r.name)} not in valid range [${minWeight}, ${maxWeight}]`));
  });
}

const STRATEGIES = ['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio'];

export const ARGS_VALIDATORS: Readonly<Record<string, (args: Args, path: string) => FieldError[]>> = {
  DefaultPreemption(args, path) {
    const errs: FieldError[] = [];
    inRange(errs, `${path}.minCandidateNodesPercentage`, args.minCandidateNodesPercentage, 0, 100);
    const abs = num(args.minCandidateNodesAbsolute);
    if (abs === undefined || abs < 0) errs.push(invalid(`${path}.minCandidateNodesAbsolute`, args.minCandidateNodesAbsolute, 'not in valid range [0, inf)'));
    if (args.minCandidateNodesPercentage === 0 && args.minCandidateNodesAbsolute === 0) {
      errs.push(invalid(`${path}.minCandidateNodesPercentage`, 0, 'cannot be zero at the same time as minCandidateNodesAbsolute'));
    }
    return errs;
  },
  InterPodAffinity(args, path) {
    const errs: FieldError[] = [];
    inRange(errs, `${path}.hardPodAffinityWeight`, args.hardPodAffinityWeight, 0, 100);
    return errs;
  },
  NodeResourcesFit(args, path) {
    const errs: FieldError[] = [];
    const s = (args.scoringStrategy ?? {}) as { type?: string; resources?: unknown; requestedToCapacityRatio?: { shape?: { utilization?: unknown; score?: unknown }[] } };
    const sp = `${path}.scoringStrategy`;
    if (!STRATEGIES.includes(s.type ?? '')) errs.push(notSupported(`${sp}.type`, s.type ?? '', STRATEGIES));
    validateResources(errs, `${sp}.resources`, s.resources, 1, 100);
    if (s.type === 'RequestedToCapacityRatio') {
      const shape = s.requestedToCapacityRatio?.shape ?? [];
      const shapePath = `${sp}.requestedToCapacityRatio.shape`;
      if (shape.length === 0) errs.push(required(shapePath, 'at least one point must be specified'));
      shape.forEach((pt, i) => {
        inRange(errs, `${shapePath}[${i}].utilization`, pt.utilization, 0, 100);
        inRange(errs, `${shapePath}[${i}].score`, pt.score, 0, 10);
        if (i > 0 && num(pt.utilization)! <= num(shape[i - 1]!.utilization)!) {
          errs.push(invalid(`${shapePath}[${i}].utilization`, pt.utilization, 'utilization values must be sorted in increasing order'));
        }
      });
    }
    return errs;
  },
  NodeResourcesBalancedAllocation(args, path) {
    const errs: FieldError[] = [];
    validateResources(errs, `${path}.resources`, args.resources, 1, 1);
    return errs;
  },
  PodTopologySpread(args, path) {
    const errs: FieldError[] = [];
    const type = args.defaultingType as string;
    if (type !== 'System' && type !== 'List') errs.push(notSupported(`${path}.defaultingType`, type, ['List', 'System']));
    const constraints = (args.defaultConstraints ?? []) as { maxSkew?: unknown; topologyKey?: string; whenUnsatisfiable?: string; labelSelector?: unknown }[];
    if (type === 'System' && constraints.length > 0) errs.push(invalid(`${path}.defaultConstraints`, constraints, 'should be empty for System defaulting type'));
    constraints.forEach((c, i) => {
      const p = `${path}.defaultConstraints[${i}]`;
      const skew = num(c.maxSkew);
      if (skew === undefined || skew <= 0) errs.push(invalid(`${p}.maxSkew`, c.maxSkew, 'not in valid range (0, inf)'));
      if (!c.topologyKey) errs.push(required(`${p}.topologyKey`, 'can not be empty'));
      if (c.whenUnsatisfiable !== 'DoNotSchedule' && c.whenUnsatisfiable !== 'ScheduleAnyway') {
        errs.push(notSupported(`${p}.whenUnsatisfiable`, c.whenUnsatisfiable ?? '', ['DoNotSchedule', 'ScheduleAnyway']));
      }
      if (c.labelSelector !== undefined) errs.push(forbidden(`${p}.labelSelector`, 'constraint must not define a selector, as they deduced for each pod'));
    });
    return errs;
  },
  VolumeBinding(args, path) {
    const t = num(args.bindTimeoutSeconds);
    return t === undefined || t < 0 ? [invalid(`${path}.bindTimeoutSeconds`, args.bindTimeoutSeconds, 'invalid BindTimeoutSeconds, should not be a negative value')] : [];
  },
};
