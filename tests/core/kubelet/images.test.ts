import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { parseImage } from '../../../src/core/kubelet/images/reference';
import { registryLookup } from '../../../src/core/kubelet/images/registry';
import { RUNTIMES } from '../../../src/core/kubelet/runtimes';
import { parseGoDuration } from '../../../src/core/format/duration';
import { events, oneNode, podYaml, watchContainer } from './helpers';

const nginx = (name: string, extra = '') => podYaml(name, `  - name: web\n    image: nginx:1.27\n${extra}`);

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest', 'nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx:1.27'],
    ['bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2', 'bitnami/redis:7.2'],
    ['nvcr.io/nvidia/tritonserver:24.05-py3', 'nvcr.io/nvidia/tritonserver:24.05-py3', 'nvcr.io/nvidia/tritonserver:24.05-py3'],
    ['localhost:5000/app', 'localhost:5000/app:latest', 'localhost:5000/app:latest'],
  ])('normalises %s as the runtime records it', (image, full, familiar) => {
    expect(parseImage(image)).toMatchObject({ full, familiar });
  });

  it.each([
    ['an official image with a version tag', 'nginx:1.27', undefined],
    ['a misspelt official image', 'ngnix:1.27', 'repository-not-found'],
    ['an official image with a tag that does not exist', 'nginx:latestt', 'tag-not-found'],
    ['an image under an organisation', 'acme/shop:v2', undefined],
  ])('looks up %s in the registry', (_name, image, failure) => {
    expect(registryLookup(parseImage(image))).toBe(failure);
  });
});

describe('pulling images', () => {
  it('pulls an image once per node: the next pod finds it already present', () => {
    const sim = oneNode();
    sim.apply(nginx('a'));
    sim.advance(10);
    sim.apply(nginx('b'));
    sim.advance(5);
    expect(events(sim, 'a')).toContainEqual(expect.stringMatching(/^Normal Pulled: Successfully pulled image "nginx:1.27" in [\d.]+s \([\d.]+s including waiting\)\. Image size: 192385289 bytes\.$/));
    expect(events(sim, 'b')).toContain('Normal Pulled: Container image "nginx:1.27" already present on machine');
    const node = sim.get<Node>('node', 'node-1')!;
    expect(node.status?.images?.[0]?.names).toContain('docker.io/library/nginx:1.27');
  });

  it('takes longer to pull a bigger image', () => {
    const sim = createSimulation({ seed: 4, cluster: 'dgx-a100' });
    sim.apply(podYaml('small', '  - name: c\n    image: busybox:1.36\n    command: [sleep, "3600"]\n', '  nodeName: dgx-1\n'));
    sim.apply(podYaml('big', '  - name: c\n    image: nvcr.io/nvidia/pytorch:25.01-py3\n    command: [sleep, "3600"]\n', '  nodeName: dgx-2\n'));
    sim.advance(400);
    const seconds = (name: string) => parseGoDuration(/ in (\S+) \(/.exec(events(sim, name).find((e) => e.includes('Successfully pulled'))!)![1]!)! / 1000;
    expect(seconds('small')).toBeLessThan(1);
    // 21.6 GB at ~80 MB/s.
    expect(seconds('big')).toBeGreaterThan(230);
  });

  it('checks the registry again for imagePullPolicy Always, even when the image is cached', () => {
    const sim = oneNode();
    sim.apply(nginx('a'));
    sim.advance(10);
    sim.apply(nginx('b', '    imagePullPolicy: Always\n'));
    sim.advance(5);
    expect(events(sim, 'b')).toContain('Normal Pulling: Pulling image "nginx:1.27"');
  });

  it('refuses to pull for imagePullPolicy Never: ErrImageNeverPull', () => {
    const sim = oneNode();
    sim.apply(nginx('never', '    imagePullPolicy: Never\n'));
    sim.advance(5);
    expect(events(sim, 'never')).toContain('Warning ErrImageNeverPull: Container image "nginx:1.27" is not present with pull policy of Never');
    expect(sim.kubectl('get pod never').stdout).toContain('ErrImageNeverPull');
  });

  it('backs off pulls from an unreachable registry on the 10 s doubling curve, and recovers when it is back', () => {
    const sim = oneNode();
    expect(sim.inject({ type: 'registry-outage', registry: 'docker.io' }).ok).toBe(true);
    sim.apply(nginx('outage'));
    const log = watchContainer(sim, 'outage');
    sim.advance(100);
    const failures = log.filter((t) => t.state === 'waiting:ErrImagePull').map((t) => t.atMs);
    // Each attempt times out after 10 s; the next starts 10 s, then 20 s, after the failure.
    expect(failures.slice(1).map((f, i) => f - failures[i]!)).toEqual([20_000, 30_000]);
    expect(log.find((t) => t.state === 'waiting:ImagePullBackOff')!.message).toMatch(/^Back-off pulling image "nginx:1.27": ErrImagePull: rpc error: code = Unknown desc = .*lookup registry-1\.docker\.io: i\/o timeout$/);
    sim.inject({ type: 'registry-restore', registry: 'docker.io' });
    sim.advance(100);
    expect(sim.kubectl('get pod outage').stdout).toContain('Running');
  });

  it.each([
    ['containerd', 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found'],
    ['cri-o', 'rpc error: code = Unknown desc = reading manifest nope in docker.io/library/nginx: manifest unknown'],
    ['docker', 'Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown'],
  ] as const)('words a missing tag as %s does', (runtime, message) => {
    expect(RUNTIMES[runtime].pullError(parseImage('nginx:nope'), 'tag-not-found')).toBe(message);
  });
});
