import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { deepEqual } from '../clone';
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from '../field-errors';
import { validateLabels, validateObjectMeta } from './metadata';
import { isDns1123Label } from './names';
import { validateResourceRequirements } from './resources';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** ValidatePodCreate, for the fields the simulation gives meaning to. */
export function validatePod(pod: Pod): FieldError[] {
  return [...validateObjectMeta(pod.metadata, true, 'subdomain'), ...validatePodSpec(pod.spec, 'spec')];
}

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec) return [required(path, '')];
  const volumeNames = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => {
    const vp = `${path}.volumes[${i}]`;
    if (!v.name) errs.push(required(`${vp}.name`, ''));
    else {
      for (const msg of isDns1123Label(v.name)) errs.push(invalid(`${vp}.name`, v.name, msg));
      if (volumeNames.has(v.name)) errs.push(duplicate(`${vp}.name`, v.name));
      volumeNames.add(v.name);
    }
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (sources.length > 1) errs.push(forbidden(`${vp}.${sources[1]}`, `may not specify more than 1 volume type`));
  });

  const names = new Set<string>();
  (spec.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, names, volumeNames, true)));
  if (!spec.containers || spec.containers.length === 0) errs.push(required(`${path}.containers`, ''));
  else spec.containers.forEach((c, i) => errs.push(...validateContainer(c, `${path}.containers[${i}]`, names, volumeNames, false)));

  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  (spec.tolerations ?? []).forEach((t, i) => {
    const tp = `${path}.tolerations[${i}]`;
    if (t.operator === 'Exists' && t.value) errs.push(invalid(`${tp}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
    if (t.operator !== undefined && t.operator !== 'Exists' && t.operator !== 'Equal') {
      errs.push(notSupported(`${tp}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (!t.key && t.operator !== 'Exists') errs.push(invalid(`${tp}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(`${tp}.effect`, t.effect, TAINT_EFFECTS));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalid(`${tp}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
  });
  return errs;
}

function validateContainer(c: Container, path: string, names: Set<string>, volumes: Set<string>, init: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`, ''));
  else {
    for (const msg of isDns1123Label(c.name)) errs.push(invalid(`${path}.name`, c.name, msg));
    if (names.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    names.add(c.name);
  }
  if (!c.image) errs.push(required(`${path}.image`, ''));
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  if (c.restartPolicy !== undefined) {
    if (!init) errs.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
    else if (c.restartPolicy !== 'Always') errs.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
  }
  (c.ports ?? []).forEach((p, i) => {
    if (p.containerPort === undefined) errs.push(required(`${path}.ports[${i}].containerPort`, ''));
    else if (p.containerPort < 1 || p.containerPort > 65535) {
      errs.push(invalid(`${path}.ports[${i}].containerPort`, p.containerPort, 'must be between 1 and 65535, inclusive'));
    }
  });
  (c.env ?? []).forEach((e, i) => {
    if (!e.name) errs.push(required(`${path}.env[${i}].name`, ''));
  });
  (c.volumeMounts ?? []).forEach((m, i) => {
    if (!volumes.has(m.name)) errs.push({ type: 'NotFound', field: `${path}.volumeMounts[${i}].name`, value: m.name });
    if (!m.mountPath) errs.push(required(`${path}.volumeMounts[${i}].mountPath`, ''));
  });
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * ValidatePodUpdate: a pod's spec is immutable except container images, activeDeadlineSeconds
 * and added tolerations. The scheduler's binding sets nodeName through its own subresource.
 */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validatePod(pod);
  // Objects compare by content, not by the order their keys were written in (an edited manifest
  // lists them alphabetically): apiequality.Semantic.DeepEqual, as ValidatePodUpdate uses.
  const strip = (spec: PodSpec | undefined): PodSpec => {
    const s = structuredCloneJson(spec ?? { containers: [] });
    for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) c.image = '';
    delete s.activeDeadlineSeconds;
    delete s.tolerations;
    return s;
  };
  const removedToleration = (old.spec?.tolerations ?? []).some((t) => !(pod.spec?.tolerations ?? []).some((n) => deepEqual(n, t)));
  if (!deepEqual(strip(pod.spec), strip(old.spec)) || removedToleration) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
