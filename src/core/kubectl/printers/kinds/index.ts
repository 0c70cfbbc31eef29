import { configMapPrinter, secretPrinter } from './config';
import { cronJobPrinter, jobPrinter } from './batch';
import { eventPrinter } from './event';
import { namespacePrinter } from './namespace';
import { endpointSlicePrinter, servicePrinter } from './network';
import { nodePrinter } from './node';
import { podDisruptionBudgetPrinter } from './pod-disruption-budget';
import { podPrinter } from './pod';
import { horizontalPodAutoscalerPrinter, leasePrinter, priorityClassPrinter, resourceQuotaPrinter } from './policy';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage';
import { anyKind, defaultPrinter, type TablePrinter } from './table-printer';
import { controllerRevisionPrinter, daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './workloads';

/** The table printer of each kind; kinds without one (LimitRange) get the server's NAME / CREATED AT table. */
const PRINTERS: Readonly<Record<string, TablePrinter>> = {
  Pod: anyKind(podPrinter),
  Node: anyKind(nodePrinter),
  Namespace: anyKind(namespacePrinter),
  Event: anyKind(eventPrinter),
  PodDisruptionBudget: anyKind(podDisruptionBudgetPrinter),
  Deployment: anyKind(deploymentPrinter),
  ReplicaSet: anyKind(replicaSetPrinter),
  DaemonSet: anyKind(daemonSetPrinter),
  StatefulSet: anyKind(statefulSetPrinter),
  ControllerRevision: anyKind(controllerRevisionPrinter),
  Job: anyKind(jobPrinter),
  CronJob: anyKind(cronJobPrinter),
  EndpointSlice: anyKind(endpointSlicePrinter),
  ConfigMap: anyKind(configMapPrinter),
  Secret: anyKind(secretPrinter),
  PersistentVolume: anyKind(persistentVolumePrinter),
  PersistentVolumeClaim: anyKind(persistentVolumeClaimPrinter),
  StorageClass: anyKind(storageClassPrinter),
  ResourceQuota: anyKind(resourceQuotaPrinter),
  HorizontalPodAutoscaler: anyKind(horizontalPodAutoscalerPrinter),
  PriorityClass: anyKind(priorityClassPrinter),
  Lease: anyKind(leasePrinter),
};

const SERVICE = { narrow: anyKind(servicePrinter(false)), wide: anyKind(servicePrinter(true)) };

export function tablePrinterFor(kind: string, wide = false): TablePrinter {
  if (kind === 'Service') return wide ? SERVICE.wide : SERVICE.narrow;
  return PRINTERS[kind] ?? defaultPrinter;
}

export type { TablePrinter };
