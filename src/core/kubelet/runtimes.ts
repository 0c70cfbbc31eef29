import type { ContainerRuntime } from '../cluster/cluster-spec';
import { hexDigest } from '../engine/hash';
import type { ImageRef } from './images/reference';

/**
 * What differs between the container runtimes a node can run, as `kubectl get nodes -o wide`,
 * `describe pod` and pull errors show it: containerd, CRI-O, and Docker Engine through the
 * cri-dockerd shim. Error texts follow each runtime's real wording for the same failure.
 */
export interface RuntimeInfo {
  readonly name: ContainerRuntime;
  /** status.nodeInfo.containerRuntimeVersion */
  readonly version: string;
  /** The scheme of containerID, e.g. containerd://<id>. */
  readonly scheme: string;
  /** containerStatuses[].image: the name the runtime reports for the image. */
  imageName(ref: ImageRef): string;
  /** containerStatuses[].imageID */
  imageId(ref: ImageRef): string;
  pullError(ref: ImageRef, cause: PullFailure): string;
}

export type PullFailure = 'tag-not-found' | 'repository-not-found' | 'registry-unavailable';

/** The host a pull actually contacts: Docker Hub's registry endpoint for docker.io images. */
export function registryEndpoint(ref: ImageRef): string {
  return ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry;
}

const digest = (ref: ImageRef) => `sha256:${hexDigest(ref.full)}`;

const containerd: RuntimeInfo = {
  name: 'containerd',
  version: 'containerd://1.7.27',
  scheme: 'containerd',
  imageName: (ref) => ref.full,
  imageId: (ref) => `${ref.repository}@${digest(ref)}`,
  pullError: (ref, cause) => {
    const resolve = `failed to pull and unpack image ${JSON.stringify(ref.full)}: failed to resolve reference ${JSON.stringify(ref.full)}`;
    switch (cause) {
      case 'tag-not-found':
        return `rpc error: code = NotFound desc = ${resolve}: ${ref.full}: not found`;
      case 'repository-not-found':
        return `rpc error: code = Unknown desc = ${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
      case 'registry-unavailable':
        return `rpc error: code = Unknown desc = ${resolve}: failed to do request: Head "https://${registryEndpoint(ref)}/v2/${ref.path}/manifests/${ref.tag}": dial tcp: lookup ${registryEndpoint(ref)}: i/o timeout`;
    }
  },
};

const crio: RuntimeInfo = {
  name: 'cri-o',
  version: 'cri-o://1.34.1',
  scheme: 'cri-o',
  imageName: (ref) => ref.full,
  imageId: (ref) => `${ref.repository}@${digest(ref)}`,
  pullError: (ref, cause) => {
    switch (cause) {
      case 'tag-not-found':
        return `rpc error: code = Unknown desc = reading manifest ${ref.tag} in ${ref.repository}: manifest unknown`;
      case 'repository-not-found':
        return `rpc error: code = Unknown desc = reading manifest ${ref.tag} in ${ref.repository}: requested access to the resource is denied`;
      case 'registry-unavailable':
        return `rpc error: code = Unknown desc = pinging container registry ${registryEndpoint(ref)}: Get "https://${registryEndpoint(ref)}/v2/": dial tcp: lookup ${registryEndpoint(ref)}: i/o timeout`;
    }
  },
};

const docker: RuntimeInfo = {
  name: 'docker',
  version: 'docker://28.3.3',
  scheme: 'docker',
  imageName: (ref) => ref.familiar,
  imageId: (ref) => `docker-pullable://${ref.familiarRepository}@${digest(ref)}`,
  pullError: (ref, cause) => {
    switch (cause) {
      case 'tag-not-found':
        return `Error response from daemon: manifest for ${ref.familiar} not found: manifest unknown: manifest unknown`;
      case 'repository-not-found':
        return `Error response from daemon: pull access denied for ${ref.familiarRepository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
      case 'registry-unavailable':
        return `Error response from daemon: Get "https://${registryEndpoint(ref)}/v2/": dial tcp: lookup ${registryEndpoint(ref)}: i/o timeout`;
    }
  },
};

export const RUNTIMES: Readonly<Record<ContainerRuntime, RuntimeInfo>> = { containerd, 'cri-o': crio, docker };
