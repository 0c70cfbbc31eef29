/**
 * Image references, normalised as the container runtimes record them (docker/distribution's
 * ParseNormalizedNamed): `nginx` is `docker.io/library/nginx:latest`, `bitnami/redis:7` is
 * `docker.io/bitnami/redis:7`, and a first segment with a dot, a colon or `localhost` is a
 * registry host.
 */
export interface ImageRef {
  /** Fully qualified reference, e.g. docker.io/library/nginx:1.27 (or …@sha256:… for a digest). */
  readonly full: string;
  /** Repository without tag, e.g. docker.io/library/nginx. */
  readonly repository: string;
  /** Registry host, e.g. docker.io or nvcr.io. */
  readonly registry: string;
  /** Repository path inside the registry, e.g. library/nginx. */
  readonly path: string;
  readonly tag: string;
  readonly digest?: string;
  /** Docker's short form, as `docker images` prints it: nginx:1.27, bitnami/redis:7, nvcr.io/nvidia/cuda:12.4. */
  readonly familiar: string;
  readonly familiarRepository: string;
}

export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0]!;
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? rest.slice(first.length + 1) : rest;
  if (!hasRegistry && !path.includes('/')) path = `library/${path}`;
  const repository = `${registry}/${path}`;
  const familiarRepository = registry === 'docker.io' ? path.replace(/^library\//, '') : repository;
  const suffix = digest ? `@${digest}` : `:${tag}`;
  return {
    full: `${repository}${suffix}`,
    repository,
    registry,
    path,
    tag,
    ...(digest ? { digest } : {}),
    familiar: `${familiarRepository}${suffix}`,
    familiarRepository,
  };
}
