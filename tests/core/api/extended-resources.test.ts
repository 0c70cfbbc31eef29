import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { extendedResourceNames, isExtendedResourceName } from '../../../src/core/api/schema/extended-resources';
import { manifestJsonSchema } from '../../../src/core/api/schema/json-schema';
import { createSimulation } from '../../../src/core';

const node = (allocatable: Record<string, string>, capacity = allocatable): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { capacity, allocatable } });

describe('extended resource names for the editor', () => {
  it('are the domain-prefixed names outside kubernetes.io, as Kubernetes defines them', () => {
    expect(['nvidia.com/gpu', 'nvidia.com/mig-1g.5gb', 'example.com/foo'].map(isExtendedResourceName)).toEqual([true, true, true]);
    expect(['cpu', 'memory', 'hugepages-2Mi', 'kubernetes.io/x', 'example.kubernetes.io/x', 'requests.example.com/foo'].map(isExtendedResourceName)).toEqual([false, false, false, false, false, false]);
  });

  it('come from what the nodes can allocate, once each, sorted', () => {
    const names = extendedResourceNames([
      node({ cpu: '96', 'nvidia.com/mig-1g.5gb': '14', 'nvidia.com/mig-3g.20gb': '2' }),
      node({ cpu: '8', 'nvidia.com/gpu': '4', 'nvidia.com/mig-1g.5gb': '7', 'hugepages-1Gi': '0' }),
      // Capacity a node holds back from pods is not offered.
      node({ cpu: '4' }, { cpu: '4', 'example.com/reserved': '1' }),
    ]);
    expect(names).toEqual(['nvidia.com/gpu', 'nvidia.com/mig-1g.5gb', 'nvidia.com/mig-3g.20gb']);
  });

  it('are offered as keys of resources.limits and requests in the manifest schema', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const schema = JSON.stringify(sim.manifestSchema(['nvidia.com/gpu', 'nvidia.com/mig-1g.5gb']));
    expect(schema).toContain('"limits":{');
    expect(schema.match(/"nvidia\.com\/mig-1g\.5gb":/g)?.length).toBeGreaterThanOrEqual(2);
    // A CPU-only cluster offers none.
    expect(sim.extendedResourceNames()).toEqual([]);
    expect(JSON.stringify(manifestJsonSchema([], []))).not.toContain('nvidia.com');
  });
});
