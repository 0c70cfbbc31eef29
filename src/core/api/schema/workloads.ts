import { any, arrayOf, bool, int, intOrString, object, str, type Schema } from './dsl';
import { labelSelector, objectMeta, statusAny, topLevel } from './meta';
import { podTemplateSpec } from './pod';

/** Schemas of the apps/v1 workload kinds. Descriptions are our own words. */

const replicas = int('Desired number of pods. Default 1.');
const minReadySeconds = int('Seconds a new pod must be ready, without any container crashing, to count as available. Default 0.');
const revisionHistoryLimit = int('Old revisions kept for rollback. Default 10.');

const rollingUpdateDeployment = object('RollingUpdateDeployment', 'How fast a rolling update replaces pods.', {
  maxUnavailable: intOrString('Pods that may be unavailable during the update, as a number or a percentage of replicas (rounded down). Default 25%.'),
  maxSurge: intOrString('Pods that may be created above the desired count, as a number or a percentage (rounded up). Default 25%.'),
});

export const deploymentSchema = topLevel('Deployment', 'Declarative updates for pods through ReplicaSets: rollouts, rollbacks and scaling.', {
  spec: object('DeploymentSpec', 'The desired state of the Deployment.', {
    replicas,
    selector: labelSelector,
    template: podTemplateSpec,
    strategy: object('DeploymentStrategy', 'How old pods are replaced by new ones.', {
      type: str('Recreate or RollingUpdate. Default RollingUpdate.', ['Recreate', 'RollingUpdate']),
      rollingUpdate: rollingUpdateDeployment,
    }),
    minReadySeconds,
    revisionHistoryLimit,
    paused: bool('Pause the rollout: template changes are not rolled out until resumed.'),
    progressDeadlineSeconds: int('Seconds a rollout may make no progress before it is reported as failed (ProgressDeadlineExceeded). Default 600.'),
  }, ['selector', 'template']),
  status: statusAny,
});

export const replicaSetSchema = topLevel('ReplicaSet', 'Keeps a number of identical pods running.', {
  spec: object('ReplicaSetSpec', 'The desired state of the ReplicaSet.', {
    replicas,
    minReadySeconds,
    selector: labelSelector,
    template: podTemplateSpec,
  }, ['selector']),
  status: statusAny,
});

export const daemonSetSchema = topLevel('DaemonSet', 'Runs one pod on every eligible node.', {
  spec: object('DaemonSetSpec', 'The desired state of the DaemonSet.', {
    selector: labelSelector,
    template: podTemplateSpec,
    updateStrategy: object('DaemonSetUpdateStrategy', 'How pods are replaced when the template changes.', {
      type: str('RollingUpdate or OnDelete. Default RollingUpdate.', ['RollingUpdate', 'OnDelete']),
      rollingUpdate: object('RollingUpdateDaemonSet', 'How fast a rolling update replaces pods.', {
        maxUnavailable: intOrString('Nodes whose pod may be unavailable during the update. Default 1.'),
        maxSurge: intOrString('Nodes that may run an old and a new pod at once. Default 0.'),
      }),
    }),
    minReadySeconds,
    revisionHistoryLimit,
  }, ['selector', 'template']),
  status: statusAny,
});

const pvcTemplate: Schema = object('PersistentVolumeClaim', 'A claim created for each pod of the set.', {
  apiVersion: str('API version, v1.'),
  kind: str('PersistentVolumeClaim.'),
  metadata: objectMeta,
  spec: any('The claim spec (accessModes, resources.requests.storage, storageClassName, …).'),
  status: statusAny,
});

export const statefulSetSchema = topLevel('StatefulSet', 'Pods with stable names, network identities and storage, created and updated in order.', {
  spec: object('StatefulSetSpec', 'The desired state of the StatefulSet.', {
    replicas,
    selector: labelSelector,
    template: podTemplateSpec,
    volumeClaimTemplates: arrayOf(pvcTemplate, 'Claims each pod gets, named <template>-<set>-<ordinal>.'),
    serviceName: str('The headless Service that gives the pods their DNS names.'),
    podManagementPolicy: str('OrderedReady (one at a time, in order) or Parallel. Default OrderedReady.', ['OrderedReady', 'Parallel']),
    updateStrategy: object('StatefulSetUpdateStrategy', 'How pods are replaced when the template changes.', {
      type: str('RollingUpdate or OnDelete. Default RollingUpdate.', ['RollingUpdate', 'OnDelete']),
      rollingUpdate: object('RollingUpdateStatefulSetStrategy', 'Ordered rolling update.', {
        partition: int('Only pods with an ordinal at or above the partition are updated. Default 0.'),
        maxUnavailable: intOrString('Pods that may be unavailable during the update. Default 1.'),
      }),
    }),
    revisionHistoryLimit,
    minReadySeconds,
    persistentVolumeClaimRetentionPolicy: object('StatefulSetPersistentVolumeClaimRetentionPolicy', 'What happens to the claims when the set is deleted or scaled down.', {
      whenDeleted: str('Retain or Delete. Default Retain.', ['Retain', 'Delete']),
      whenScaled: str('Retain or Delete. Default Retain.', ['Retain', 'Delete']),
    }),
    ordinals: object('StatefulSetOrdinals', 'Numbering of the pods.', { start: int('The first ordinal. Default 0.') }),
  }, ['selector', 'template']),
  status: statusAny,
});

export const controllerRevisionSchema = topLevel('ControllerRevision', 'An immutable snapshot of a DaemonSet or StatefulSet template, kept for rollbacks.', {
  data: any('The snapshot.'),
  revision: int('The revision number.', 'int64'),
});

