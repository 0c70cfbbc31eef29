import { describe, expect, it } from 'vitest';
import { CycleState } from '../../../../src/core/scheduler/framework';
import { PodInfo } from '../../../../src/core/scheduler/pod-info';
import { createImageLocality, normalizedImageName } from '../../../../src/core/scheduler/plugins/image-locality';
import { cluster, node, pod } from '../builders';

const MB = 1024 * 1024;

describe('ImageLocality', () => {
  const names: [string, string][] = [
    ['nginx', 'nginx:latest'],
    ['nginx:1.27', 'nginx:1.27'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
  ];
  for (const [image, want] of names) it(`An image written ${image} is looked up as ${want}.`, () => expect(normalizedImageName(image)).toBe(want));

  it('A node holding a large image scores higher, scaled by how many nodes hold it.', () => {
    const image = 'nvcr.io/nvidia/tritonserver:24.08-py3';
    const cl = cluster([node('has', { images: [{ names: [image], sizeBytes: 800 * MB }] }), node('other', { images: [{ names: [image], sizeBytes: 800 * MB }] }), node('none')]);
    const plugin = createImageLocality(cl.handle);
    const state = new CycleState();
    const pi = new PodInfo(pod('p', { image }));
    plugin.preScore(state, pi);
    // 800 MB spread over 2 of 3 nodes counts as 533 MB: 100 × (533 − 23) / (1000 − 23).
    expect(cl.cache.nodes.map((n) => plugin.score(state, pi, n))).toEqual([52, 52, 0]);
  });

  it('Images below 23 MB do not move the score.', () => {
    const cl = cluster([node('has', { images: [{ names: ['busybox:1.36'], sizeBytes: 4 * MB }] })]);
    const plugin = createImageLocality(cl.handle);
    const state = new CycleState();
    const pi = new PodInfo(pod('p', { image: 'busybox:1.36' }));
    plugin.preScore(state, pi);
    expect(plugin.score(state, pi, cl.info('has'))).toBe(0);
  });
});
