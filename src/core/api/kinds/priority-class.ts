import type { Pod } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { ApiError } from '../../store/api-error';
import type { AdmissionPlugin, ObjectStore } from '../../store/object-store';
import { type FieldError, forbidden, invalid, notSupported, required } from '../field-errors';
import { bool, int, str } from '../schema/dsl';
import { topLevel } from '../schema/meta';
import type { KubeObject } from '../types';
import { validateObjectMeta } from '../validation/metadata';
import type { KindStrategy } from './strategy';

/** The highest priority a user-defined class may have (HighestUserDefinablePriority). */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
const SYSTEM_PREFIX = 'system-';
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];

/** The classes the API server creates at start-up (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: readonly PriorityClass[] = [
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: 2_000_001_000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: 2_000_000_000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

const schema = topLevel('PriorityClass', 'Maps a class name to a pod priority: pods of higher priority are scheduled first and may preempt lower ones.', {
  value: int('The priority of pods of this class; higher is more important. At most 1000000000 for user classes.'),
  globalDefault: bool('Whether pods that name no class get this one. Only one class may be the default.'),
  description: str('When to use this class.'),
  preemptionPolicy: str('Whether pods of this class may preempt lower-priority pods. Default PreemptLowerPriority.', PREEMPTION_POLICIES),
}, ['value']);

/** IsKnownSystemPriorityClass: a `system-` name must be one of the built-in classes, with its value. */
function systemClassError(pc: PriorityClass): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((s) => s.metadata!.name === pc.metadata?.name);
  if (!known) return `name ${pc.metadata?.name} is not a known system priority class`;
  if (known.value !== pc.value) return `value of ${known.metadata!.name} PriorityClass must be ${known.value}`;
  if (Boolean(pc.globalDefault) !== Boolean(known.globalDefault)) return `globalDefault of ${known.metadata!.name} PriorityClass must be ${Boolean(known.globalDefault)}`;
  return undefined;
}

/** scheduling.k8s.io/v1 PriorityClass (ValidatePriorityClass / ValidatePriorityClassUpdate). */
export const priorityClassStrategy: KindStrategy<PriorityClass> = {
  type: { kind: 'PriorityClass', group: 'scheduling.k8s.io', version: 'v1', plural: 'priorityclasses', singular: 'priorityclass', shortNames: ['pc'], namespaced: false },
  schema,
  nameRule: 'subdomain',
  prepareForCreate: (pc) => {
    pc.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  prepareForUpdate: (pc) => {
    pc.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validate: (pc) => {
    const errs: FieldError[] = validateObjectMeta(pc.metadata, false, 'subdomain');
    if (typeof pc.value !== 'number') errs.push(required('value', ''));
    const name = pc.metadata?.name ?? '';
    if (name.startsWith(SYSTEM_PREFIX)) {
      const err = systemClassError(pc);
      if (err) errs.push(forbidden('metadata.name', `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${err}`));
    } else if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
    }
    if (pc.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(pc.preemptionPolicy)) errs.push(notSupported('preemptionPolicy', pc.preemptionPolicy, PREEMPTION_POLICIES));
    return errs;
  },
  validateUpdate: (pc, old) => {
    const errs = priorityClassStrategy.validate(pc);
    if (pc.value !== old.value) errs.push(forbidden('value', 'may not be changed in an update.'));
    if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(invalid('preemptionPolicy', pc.preemptionPolicy, 'field is immutable'));
    return errs;
  },
};

/** The global default class; if several claim it (a race upstream), the lowest value wins. */
function defaultClass(store: ObjectStore): PriorityClass | undefined {
  let best: PriorityClass | undefined;
  for (const pc of store.list<PriorityClass>('PriorityClass')) if (pc.globalDefault && (!best || pc.value < best.value)) best = pc;
  return best;
}

/**
 * The Priority admission plugin. For a new pod it resolves spec.priorityClassName — or the
 * global default class — into spec.priority and spec.preemptionPolicy, and refuses a class that
 * does not exist. For PriorityClasses it allows only one global default.
 */
export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(operation, object: KubeObject, _old, store) {
    if (object.kind === 'PriorityClass') return admitPriorityClass(operation, object as PriorityClass, store);
    if (object.kind !== 'Pod' || operation !== 'CREATE') return;
    const pod = object as Pod;
    const spec = pod.spec!;
    let cls: PriorityClass | undefined;
    if (spec.priorityClassName) {
      cls = store.get<PriorityClass>('PriorityClass', spec.priorityClassName);
      if (!cls) throw new ApiError('Forbidden', `pods ${JSON.stringify(pod.metadata?.name ?? '')} is forbidden: no PriorityClass with name ${spec.priorityClassName} was found`);
    } else {
      cls = defaultClass(store);
      if (cls) spec.priorityClassName = cls.metadata!.name;
    }
    const priority = cls?.value ?? 0;
    // Defaulting has already set 0 when the manifest gave none, so only a non-zero value can be told apart.
    if (spec.priority !== undefined && spec.priority !== 0 && spec.priority !== priority) {
      throw new ApiError(
        'Forbidden',
        `pods ${JSON.stringify(pod.metadata?.name ?? '')} is forbidden: the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
      );
    }
    spec.priority = priority;
    if (cls?.preemptionPolicy) spec.preemptionPolicy = cls.preemptionPolicy;
  },
};

function admitPriorityClass(operation: 'CREATE' | 'UPDATE', pc: PriorityClass, store: ObjectStore): void {
  if (!pc.globalDefault) return;
  const existing = defaultClass(store);
  if (existing && (operation === 'CREATE' || existing.metadata!.name !== pc.metadata?.name)) {
    throw new ApiError(
      'Forbidden',
      `priorityclasses.scheduling.k8s.io ${JSON.stringify(pc.metadata?.name ?? '')} is forbidden: PriorityClass ${existing.metadata!.name} is already marked as default. Only one default can exist`,
    );
  }
}
