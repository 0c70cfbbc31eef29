import { configMapStrategy } from './kinds/config-map';
import { controllerRevisionStrategy } from './kinds/controller-revision';
import { cronJobStrategy } from './kinds/cron-job';
import { daemonSetStrategy } from './kinds/daemon-set';
import { deploymentStrategy } from './kinds/deployment';
import { endpointSliceStrategy } from './kinds/endpoint-slice';
import { eventStrategy } from './kinds/event';
import { horizontalPodAutoscalerStrategy } from './kinds/horizontal-pod-autoscaler';
import { jobStrategy } from './kinds/job';
import { limitRangeStrategy, resourceQuotaStrategy } from './kinds/policy';
import { replicaSetStrategy } from './kinds/replica-set';
import { secretStrategy } from './kinds/secret';
import { serviceStrategy } from './kinds/service';
import { statefulSetStrategy } from './kinds/stateful-set';
import { persistentVolumeClaimStrategy, persistentVolumeStrategy, storageClassStrategy } from './kinds/storage';
import { leaseStrategy } from './kinds/lease';
import { namespaceStrategy } from './kinds/namespace';
import { nodeStrategy } from './kinds/node';
import { podDisruptionBudgetStrategy } from './kinds/pod-disruption-budget';
import { podStrategy } from './kinds/pod';
import { priorityClassStrategy } from './kinds/priority-class';
import { kubeSchedulerConfigurationStrategy } from '../scheduler/config/kind';
import type { KindStrategy } from './kinds/strategy';
import { ResourceTypes } from './resource-types';
import type { KindSchema } from './schema/json-schema';
import { apiVersionOf } from './resource-types';
import type { KubeObject } from './types';

/** Every kind the simulated API server serves. Add a kind by adding its strategy here. */
const STRATEGIES: readonly KindStrategy<never>[] = [
  podStrategy,
  nodeStrategy,
  namespaceStrategy,
  eventStrategy,
  podDisruptionBudgetStrategy,
  configMapStrategy,
  secretStrategy,
  serviceStrategy,
  endpointSliceStrategy,
  persistentVolumeStrategy,
  persistentVolumeClaimStrategy,
  storageClassStrategy,
  resourceQuotaStrategy,
  limitRangeStrategy,
  deploymentStrategy,
  replicaSetStrategy,
  daemonSetStrategy,
  statefulSetStrategy,
  controllerRevisionStrategy,
  jobStrategy,
  cronJobStrategy,
  horizontalPodAutoscalerStrategy,
  priorityClassStrategy,
  kubeSchedulerConfigurationStrategy,
  leaseStrategy,
];

export class ApiRegistry {
  readonly types = new ResourceTypes();
  private readonly strategies = new Map<string, KindStrategy>();

  constructor(strategies: readonly KindStrategy<never>[] = STRATEGIES) {
    for (const s of strategies) {
      const strategy = s as unknown as KindStrategy;
      this.types.add(strategy.type);
      this.strategies.set(strategy.type.kind, strategy);
    }
  }

  strategy(kind: string): KindStrategy | undefined {
    return this.strategies.get(kind);
  }

  /** The schemas of every kind, for the editor's JSON Schema and `kubectl explain`. */
  kindSchemas(): KindSchema[] {
    return [...this.strategies.values()].map((s) => ({ apiVersion: apiVersionOf(s.type), kind: s.type.kind, schema: s.schema }));
  }
}

export type { KindStrategy, KubeObject };
