import type { KubeObject, Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';
import { describeCronJob, describeJob } from './batch';
import { describeConfigMap, describeSecret } from './config';
import { describeNamespace } from './namespace';
import { describeService } from './network';
import { describeNode } from './node';
import { describePod } from './pod';
import { describePodDisruptionBudget, describePriorityClass, describeStorageClass } from './policy';
import { describePersistentVolumeClaim } from './storage';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet } from './workloads';

export type Describer = (store: ObjectStore, obj: Stored<KubeObject>, nowMs: number, showEvents: boolean) => string;

/** The describers by kind (kubectl's DescriberFor). */
export const DESCRIBERS: Readonly<Record<string, Describer>> = {
  Pod: (s, o, now, ev) => describePod(s, o as never, now, ev),
  Node: (s, o, now, ev) => describeNode(s, o as never, now, ev),
  Namespace: (s, o) => describeNamespace(s, o as never),
  Deployment: (s, o, now, ev) => describeDeployment(s, o as never, now, ev),
  ReplicaSet: (s, o, now, ev) => describeReplicaSet(s, o as never, now, ev),
  DaemonSet: (s, o, now, ev) => describeDaemonSet(s, o as never, now, ev),
  StatefulSet: (s, o, now, ev) => describeStatefulSet(s, o as never, now, ev),
  Job: (s, o, now, ev) => describeJob(s, o as never, now, ev),
  CronJob: (s, o, now, ev) => describeCronJob(s, o as never, now, ev),
  Service: (s, o, now, ev) => describeService(s, o as never, now, ev),
  PersistentVolumeClaim: (s, o, now, ev) => describePersistentVolumeClaim(s, o as never, now, ev),
  ConfigMap: (s, o, now, ev) => describeConfigMap(s, o as never, now, ev),
  Secret: (s, o) => describeSecret(s, o as never),
  PodDisruptionBudget: (s, o, now, ev) => describePodDisruptionBudget(s, o as never, now, ev),
  PriorityClass: (s, o, now, ev) => describePriorityClass(s, o as never, now, ev),
  StorageClass: (s, o, now, ev) => describeStorageClass(s, o as never, now, ev),
};
