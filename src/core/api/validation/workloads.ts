import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { type FieldError, forbidden, invalid, notSupported } from '../field-errors';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { deepEqual } from '../clone';
import { goLabelSelector, invalidRaw, nonNegative, notMoreThan100Percent, validateIntOrPercent } from './common';
import { validateObjectMeta } from './metadata';
import { validateSelectorAndTemplate } from './pod-template';

/** pkg/apis/apps/validation for the fields the simulation gives meaning to. */

const ALWAYS = ['Always'];

function isZero(v: number | string | undefined): boolean {
  return v === 0 || v === '0%';
}

export function validateDeployment(d: Deployment): FieldError[] {
  const spec = d.spec;
  const errs = validateObjectMeta(d.metadata, true, 'subdomain');
  if (!spec) return errs;
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, { kindWord: 'deployment', restartPolicies: ALWAYS }));
  const strategy = spec.strategy ?? {};
  const types = ['Recreate', 'RollingUpdate'];
  if (strategy.type !== undefined && !types.includes(strategy.type)) errs.push(notSupported('spec.strategy.type', strategy.type, types));
  if (strategy.type === 'Recreate' && strategy.rollingUpdate) {
    errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  }
  const ru = strategy.rollingUpdate;
  if (strategy.type === 'RollingUpdate' && ru) {
    const p = 'spec.strategy.rollingUpdate';
    errs.push(...validateIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    errs.push(...validateIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
    if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
      errs.push(invalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** A workload's selector cannot change after creation (apps/v1). */
function immutableSelector(obj: { spec?: { selector?: LabelSelector } }, old: { spec?: { selector?: LabelSelector } }): FieldError[] {
  const sel = obj.spec?.selector;
  return deepEqual(sel, old.spec?.selector) ? [] : [invalidRaw('spec.selector', goLabelSelector(sel), 'field is immutable')];
}

export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  return [...validateDeployment(d), ...immutableSelector(d, old)];
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const errs = validateObjectMeta(rs.metadata, true, 'subdomain');
  const spec = rs.spec;
  if (!spec) return errs;
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, { kindWord: 'replicaset', restartPolicies: ALWAYS }));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  return [...validateReplicaSet(rs), ...immutableSelector(rs, old)];
}

export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const errs = validateObjectMeta(ds.metadata, true, 'subdomain');
  const spec = ds.spec;
  if (!spec) return errs;
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, { kindWord: 'daemonset', restartPolicies: ALWAYS }));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const strategy = spec.updateStrategy;
  const types = ['RollingUpdate', 'OnDelete'];
  if (strategy?.type !== undefined && !types.includes(strategy.type)) errs.push(notSupported('spec.updateStrategy.type', strategy.type, types));
  const ru = strategy?.rollingUpdate;
  if (ru) {
    const p = 'spec.updateStrategy.rollingUpdate';
    errs.push(...validateIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    errs.push(...validateIntOrPercent(ru.maxSurge, `${p}.maxSurge`), ...notMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`));
    if (isZero(ru.maxUnavailable ?? 1) && isZero(ru.maxSurge ?? 0)) {
      errs.push(invalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  return errs;
}

export function validateDaemonSetUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  return [...validateDaemonSet(ds), ...immutableSelector(ds, old)];
}

export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  const errs = validateObjectMeta(sts.metadata, true, 'subdomain');
  const spec = sts.spec;
  if (!spec) return errs;
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, { kindWord: 'statefulset', restartPolicies: ALWAYS }));
  const policies = ['OrderedReady', 'Parallel'];
  if (spec.podManagementPolicy !== undefined && !policies.includes(spec.podManagementPolicy)) {
    errs.push(notSupported('spec.podManagementPolicy', spec.podManagementPolicy, policies));
  }
  const types = ['RollingUpdate', 'OnDelete'];
  const strategy = spec.updateStrategy;
  if (strategy?.type !== undefined && !types.includes(strategy.type)) errs.push(notSupported('spec.updateStrategy.type', strategy.type, types));
  errs.push(...nonNegative(strategy?.rollingUpdate?.partition, 'spec.updateStrategy.rollingUpdate.partition'));
  (spec.volumeClaimTemplates ?? []).forEach((t, i) => {
    errs.push(...validateObjectMeta(t.metadata, false, 'subdomain').map((e) => ({ ...e, field: e.field.replace(/^metadata/, `spec.volumeClaimTemplates[${i}].metadata`) })));
  });
  return errs;
}

/**
 * ValidateStatefulSetUpdate: only replicas, ordinals, template, updateStrategy,
 * persistentVolumeClaimRetentionPolicy and minReadySeconds may change.
 */
export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const errs = validateStatefulSet(sts);
  const strip = (s: StatefulSet['spec']) => {
    const { replicas: _r, template: _t, updateStrategy: _u, persistentVolumeClaimRetentionPolicy: _p, minReadySeconds: _m, ordinals: _o, revisionHistoryLimit: _h, ...rest } = s ?? ({} as NonNullable<StatefulSet['spec']>);
    return JSON.stringify(rest);
  };
  if (strip(sts.spec) !== strip(old.spec)) {
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}
