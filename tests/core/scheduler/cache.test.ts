import { describe, expect, it } from 'vitest';
import { SchedulerCache } from '../../../src/core/scheduler/cache';
import { node, nodeWithLabels, pod } from './builders';

const zoned = (name: string, zone: string) => nodeWithLabels(name, { 'topology.kubernetes.io/zone': zone });

describe('SchedulerCache', () => {
  it('Lists nodes one zone at a time, as the node tree does, so sampling spreads over zones.', () => {
    const cache = new SchedulerCache();
    for (const n of [zoned('a1', 'a'), zoned('a2', 'a'), zoned('a3', 'a'), zoned('b1', 'b'), zoned('c1', 'c'), zoned('c2', 'c')]) cache.setNode(n);
    expect(cache.nodes.map((n) => n.name)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
  });

  it('Keeps the node’s requested totals in step as pods come and go.', () => {
    const cache = new SchedulerCache();
    cache.setNode(node('n', { extended: { 'nvidia.com/gpu': '8' } }));
    const p = pod('p', { requests: { cpu: '1', 'nvidia.com/gpu': '2' }, nodeName: 'n' });
    cache.setPod(p, 'n');
    expect([cache.get('n')!.requested.milliCPU, cache.get('n')!.requested.scalar.get('nvidia.com/gpu')]).toEqual([1000, 2]);
    cache.removePod(p.metadata.uid);
    expect([cache.get('n')!.requested.milliCPU, cache.get('n')!.requested.scalar.get('nvidia.com/gpu'), cache.get('n')!.pods.length]).toEqual([0, 0, 0]);
  });

  it('Remembers the pods of a node that goes away, and counts them again when it returns.', () => {
    const cache = new SchedulerCache();
    cache.setNode(node('n'));
    cache.setPod(pod('p', { requests: { cpu: '1' }, nodeName: 'n' }), 'n');
    cache.removeNode('n');
    expect(cache.nodes).toEqual([]);
    cache.setNode(node('n'));
    expect(cache.get('n')!.requested.milliCPU).toBe(1000);
  });

  it('Counts how many nodes hold each image, for ImageLocality.', () => {
    const cache = new SchedulerCache();
    cache.setNode(node('a', { images: [{ names: ['x:1'], sizeBytes: 1 }] }));
    cache.setNode(node('b', { images: [{ names: ['x:1'], sizeBytes: 1 }] }));
    expect(cache.imageNodeCount('x:1')).toBe(2);
    cache.removeNode('a');
    expect(cache.imageNodeCount('x:1')).toBe(1);
  });
});
