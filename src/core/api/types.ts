/**
 * The object model. Shapes come from the `kubernetes-types` package so that every object the
 * simulation stores has Kubernetes' own fields; KubeObject is the common view the store works with.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export type { ObjectMeta };

export type { OwnerReference, LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
export type {
  Pod,
  PodSpec,
  PodStatus,
  Container,
  ContainerStatus,
  Node,
  NodeStatus,
  Namespace,
  Event,
  Taint,
  Toleration,
  ResourceRequirements,
  PodCondition,
  NodeCondition,
} from 'kubernetes-types/core/v1';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: unknown;
  status?: unknown;
}

/** kubernetes-types marks status read-only; writers of drafts (the kubelet, defaulting) use this. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A stored object: the server guarantees these metadata fields are set. */
export type Stored<T extends KubeObject> = T & {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string; uid: string; resourceVersion: string; creationTimestamp: string };
};

/** A reference to one object: what kubectl calls TYPE/NAME, plus the namespace. */
export interface ObjectRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** The key an object is stored under: `Kind/namespace/name`, with an empty namespace for cluster-scoped kinds. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
