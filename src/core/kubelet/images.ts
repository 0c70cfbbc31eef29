import { fnv1a, hexDigest } from '../engine/hash';

/**
 * Container images: how a reference is normalised (as containerd records it), how big an image
 * is, and so how long a pull takes. Sizes are the unpacked sizes real registries report for
 * these tags, rounded; unknown images get a stable size between 40 and 240 MB from their name.
 */
export interface ImageRef {
  /** Fully qualified reference, e.g. docker.io/library/nginx:1.27. */
  readonly full: string;
  /** Repository without tag, e.g. docker.io/library/nginx. */
  readonly repository: string;
  readonly tag: string;
}

export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at);
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
  let repository = hasRegistry ? rest : `docker.io/${rest}`;
  if (!hasRegistry && !rest.includes('/')) repository = `docker.io/library/${rest}`;
  return { full: digest ? `${repository}${digest}` : `${repository}:${tag}`, repository, tag };
}

/** Known image sizes in bytes, by repository (the tag rarely matters for teaching). */
const KNOWN_SIZES: Readonly<Record<string, number>> = {
  'docker.io/library/nginx': 192_385_289,
  'docker.io/library/httpd': 148_412_034,
  'docker.io/library/redis': 137_220_716,
  'docker.io/library/busybox': 4_269_694,
  'docker.io/library/alpine': 8_834_912,
  'docker.io/library/python': 1_018_231_458,
  'docker.io/library/ubuntu': 78_112_411,
  'registry.k8s.io/pause': 736_042,
  'nvcr.io/nvidia/k8s/cuda-sample': 279_614_108,
  'nvcr.io/nvidia/cuda': 2_340_118_336,
  'nvcr.io/nvidia/pytorch': 21_617_482_305,
  'nvcr.io/nvidia/tritonserver': 17_893_127_244,
  'nvcr.io/nvidia/k8s-device-plugin': 141_229_406,
  'nvcr.io/nvidia/k8s/dcgm-exporter': 1_187_318_121,
};

export function imageSizeBytes(ref: ImageRef): number {
  const known = KNOWN_SIZES[ref.repository];
  if (known !== undefined) return ref.repository === 'docker.io/library/nginx' && ref.tag.includes('alpine') ? 20_984_244 : known;
  return 40_000_000 + (fnv1a(ref.full) % 200_000_000);
}

/** The image id containerd reports: the repository with a content digest. */
export function imageId(ref: ImageRef): string {
  return `${ref.repository}@sha256:${hexDigest(ref.full)}`;
}

/**
 * Effective registry throughput for a pull, in bytes per second. Pulls of big images are
 * dominated by download and unpack; ~80 MB/s is typical of a cloud VM pulling from a registry.
 */
export const PULL_BYTES_PER_SECOND = 80_000_000;
/** Fixed cost of a pull: resolving the manifest, auth and layer setup. */
export const PULL_OVERHEAD_MS = 600;
