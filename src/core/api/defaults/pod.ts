import type { Container, Pod, PodSpec, Probe } from 'kubernetes-types/core/v1';
import { canonicalQuantity } from '../quantity';
import { qosClass } from '../pod-resources';
import type { Writable } from '../types';

/**
 * Defaulting as the API server does it for a new Pod: the v1 defaulters (SetDefaults_Pod,
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe) plus what the default admission
 * plugins add (ServiceAccount, DefaultTolerationSeconds, Priority).
 */
export interface PodDefaultingContext {
  /** A random 5-character suffix for the projected service account token volume. */
  readonly randomSuffix: () => string;
}

export function defaultPod(pod: Pod, ctx: PodDefaultingContext): void {
  const spec: PodSpec = (pod.spec ??= { containers: [] });
  defaultPodSpec(spec);
  // SetDefaults_Pod: a container with limits but no requests gets requests equal to the limits.
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
  }
  admitServiceAccount(spec, ctx);
  admitDefaultTolerationSeconds(spec);
  // Priority admission: no priorityClassName and no global default means priority 0.
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  (pod as Writable<Pod>).status = { phase: 'Pending', qosClass: qosClass(pod) };
}

/** The PodSpec defaults shared by pods and pod templates. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) {
    if (v.configMap) v.configMap.defaultMode ??= 0o644;
    if (v.secret) v.secret.defaultMode ??= 0o644;
    const hasSource = Object.keys(v).some((k) => k !== 'name');
    if (!hasSource) v.emptyDir = {};
  }
}

export function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const list of [c.resources.limits, c.resources.requests]) {
    if (!list) continue;
    for (const [k, v] of Object.entries(list)) list[k] = canonicalQuantity(v as string | number);
  }
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
}

/** Always for `:latest` or no tag, IfNotPresent otherwise; a digest counts as a tag. */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Probe): void {
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
}

/** The ServiceAccount admission plugin: the default account and its projected token volume. */
function admitServiceAccount(spec: PodSpec, ctx: PodDefaultingContext): void {
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const volumeName = `kube-api-access-${ctx.randomSuffix()}`;
  (spec.volumes ??= []).push({
    name: volumeName,
    projected: {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  });
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    (c.volumeMounts ??= []).push({ name: volumeName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' });
  }
}

/**
 * DefaultTolerationSeconds admission: pods tolerate not-ready and unreachable nodes for 300 s,
 * which is what makes eviction from a dead node happen five minutes later.
 */
function admitDefaultTolerationSeconds(spec: PodSpec): void {
  const tolerations = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!has) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
}
