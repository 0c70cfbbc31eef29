import { fnv1a } from '../../engine/hash';
import type { PullFailure } from '../runtimes';
import type { ImageRef } from './reference';

/**
 * The simulated image registries, as data: which repositories exist, how big their images are
 * (the unpacked sizes real registries report for current tags, rounded), and the image config the
 * runtime starts a container from (ENTRYPOINT, CMD, whether there is a shell). Repositories under
 * a user or organisation, and every other registry, are assumed to exist with any tag; Docker
 * Hub's official images (`docker.io/library/…`) are a closed set, so a misspelt `ngnix` fails as it
 * would on a real node.
 */
export interface ImageConfig {
  readonly sizeBytes: number;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** Whether /bin/sh exists in the image (distroless images have none). */
  readonly shell: boolean;
}

interface KnownRepository {
  readonly sizeBytes: number;
  readonly entrypoint?: readonly string[];
  readonly cmd?: readonly string[];
  readonly shell?: boolean;
  /** A smaller variant, by tag substring (e.g. nginx:1.27-alpine). */
  readonly alpineSizeBytes?: number;
}

const NVIDIA_ENTRYPOINT = ['/opt/nvidia/nvidia_entrypoint.sh'];

const KNOWN: Readonly<Record<string, KnownRepository>> = {
  'docker.io/library/nginx': { sizeBytes: 192_385_289, alpineSizeBytes: 52_505_187, entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] },
  'docker.io/library/httpd': { sizeBytes: 148_412_034, cmd: ['httpd-foreground'] },
  'docker.io/library/redis': { sizeBytes: 137_220_716, entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'] },
  'docker.io/library/busybox': { sizeBytes: 4_269_694, cmd: ['sh'] },
  'docker.io/library/alpine': { sizeBytes: 8_834_912, cmd: ['/bin/sh'] },
  'docker.io/library/python': { sizeBytes: 1_018_231_458, alpineSizeBytes: 57_128_204, cmd: ['python3'] },
  'docker.io/library/ubuntu': { sizeBytes: 78_112_411, cmd: ['/bin/bash'] },
  'docker.io/library/debian': { sizeBytes: 116_879_223, cmd: ['bash'] },
  'docker.io/polinux/stress': { sizeBytes: 9_744_175, cmd: ['stress'] },
  'registry.k8s.io/pause': { sizeBytes: 736_042, cmd: ['/pause'], shell: false },
  'registry.k8s.io/busybox': { sizeBytes: 1_319_224, cmd: ['sh'] },
  'nvcr.io/nvidia/k8s/cuda-sample': { sizeBytes: 279_614_108, cmd: ['/cuda-samples/vectorAdd'] },
  'nvcr.io/nvidia/cuda': { sizeBytes: 2_340_118_336, entrypoint: NVIDIA_ENTRYPOINT },
  'nvcr.io/nvidia/pytorch': { sizeBytes: 21_617_482_305, entrypoint: NVIDIA_ENTRYPOINT },
  'nvcr.io/nvidia/tritonserver': { sizeBytes: 17_893_127_244, entrypoint: NVIDIA_ENTRYPOINT },
  'nvcr.io/nvidia/k8s-device-plugin': { sizeBytes: 141_229_406, cmd: ['nvidia-device-plugin'] },
  'nvcr.io/nvidia/k8s/dcgm-exporter': { sizeBytes: 1_187_318_121, cmd: ['/usr/bin/dcgm-exporter'] },
  'gcr.io/distroless/static': { sizeBytes: 1_985_436, shell: false },
};

/** Docker Hub's official images that exist (a `docker.io/library/x` not listed here does not). */
const OFFICIAL_IMAGES = new Set([
  'nginx', 'httpd', 'redis', 'busybox', 'alpine', 'python', 'ubuntu', 'debian', 'node', 'golang', 'postgres', 'mysql', 'mariadb',
  'mongo', 'memcached', 'rabbitmq', 'traefik', 'haproxy', 'registry', 'hello-world', 'perl', 'ruby', 'php', 'eclipse-temurin',
  'openjdk', 'bash', 'centos', 'fedora', 'amazonlinux', 'rockylinux', 'almalinux', 'caddy', 'tomcat', 'elasticsearch', 'influxdb',
  'consul', 'vault', 'nats', 'cassandra', 'zookeeper', 'rust', 'gcc', 'docker', 'wordpress', 'ghost', 'kong', 'adminer',
  'fluentd', 'kibana', 'logstash', 'telegraf', 'solr', 'couchdb', 'neo4j', 'maven', 'gradle', 'jetty', 'nextcloud', 'sonarqube',
  'mongo-express', 'drupal', 'joomla', 'redmine', 'odoo', 'spark', 'flink', 'percona', 'chronograf', 'kapacitor', 'varnish',
  'eclipse-mosquitto', 'amazoncorretto', 'buildpack-deps', 'elixir', 'erlang', 'julia', 'pypy', 'composer', 'mediawiki',
]);

/** Words used as tags besides versions. A tag that is neither these nor contains a digit does not exist. */
const TAG_WORDS = new Set(['latest', 'stable', 'mainline', 'alpine', 'slim', 'bookworm', 'bullseye', 'buster', 'jammy', 'noble', 'focal', 'perl', 'musl', 'glibc', 'uclibc', 'edge', 'lts', 'stable-alpine', 'mainline-alpine', 'bookworm-slim', 'alpine-slim']);

function tagExists(tag: string): boolean {
  return TAG_WORDS.has(tag) || /\d/.test(tag);
}

/** Why pulling `ref` fails, or undefined when the registry has it. */
export function registryLookup(ref: ImageRef): PullFailure | undefined {
  if (ref.registry === 'docker.io' && ref.path.startsWith('library/') && !OFFICIAL_IMAGES.has(ref.path.slice('library/'.length))) {
    return 'repository-not-found';
  }
  if (!ref.digest && !tagExists(ref.tag)) return 'tag-not-found';
  return undefined;
}

export function imageConfig(ref: ImageRef): ImageConfig {
  const known = KNOWN[ref.repository];
  if (!known) {
    // An image we know nothing about: a stable size from its name, and a shell to run commands in.
    return { sizeBytes: 40_000_000 + (fnv1a(ref.full) % 200_000_000), entrypoint: [], cmd: [], shell: true };
  }
  const alpine = known.alpineSizeBytes !== undefined && ref.tag.includes('alpine');
  return {
    sizeBytes: alpine ? known.alpineSizeBytes! : known.sizeBytes,
    entrypoint: known.entrypoint ?? [],
    cmd: known.cmd ?? [],
    shell: known.shell ?? true,
  };
}

/**
 * Effective registry throughput for a pull, in bytes per second. Pulls of big images are
 * dominated by download and unpack; ~80 MB/s is typical of a cloud VM pulling from a registry.
 */
export const PULL_BYTES_PER_SECOND = 80_000_000;
/** Fixed cost of a pull: resolving the manifest, auth and layer setup. */
export const PULL_OVERHEAD_MS = 600;
/** A pull that cannot reach its registry fails after the resolver's timeout. */
export const PULL_UNREACHABLE_MS = 10_000;
