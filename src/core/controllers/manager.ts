import type { SimContext } from '../sim-context';
import type { Controller } from './controller';
import { DeploymentController } from './deployment/controller';
import { GarbageCollector } from './garbage-collector';
import { HorizontalPodAutoscalerController } from './hpa/controller';
import { NamespaceController } from './namespace';
import { CronJobController } from './cronjob';
import { DaemonSetController } from './daemonset';
import { StatefulSetController } from './statefulset';
import { JobController } from './job';
import { PersistentVolumeController } from './persistent-volume';
import { ReplicaSetController } from './replicaset';
import { ResourceQuotaController } from './resource-quota';
import { TtlAfterFinishedController } from './ttl-after-finished';
import { EndpointSliceController } from '../network/endpointslice-controller';

/**
 * kube-controller-manager: starts every controller of this package against the shared context.
 * Controllers never call each other; each watches the store and reconciles its own kind.
 */
export class ControllerManager {
  readonly controllers: readonly Controller[];

  constructor(ctx: SimContext) {
    this.controllers = [
      new DeploymentController(ctx),
      new ReplicaSetController(ctx),
      new GarbageCollector(ctx),
      new NamespaceController(ctx),
      new EndpointSliceController(ctx),
      new JobController(ctx),
      new CronJobController(ctx),
      new TtlAfterFinishedController(ctx),
      new DaemonSetController(ctx),
      new StatefulSetController(ctx),
      new ResourceQuotaController(ctx),
      new PersistentVolumeController(ctx),
      new HorizontalPodAutoscalerController(ctx),
    ];
  }
}
