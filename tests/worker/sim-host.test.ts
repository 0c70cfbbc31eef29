import { afterEach, describe, expect, it } from 'vitest';
import { SimHost } from '../../src/worker/sim-host';
import type { Batch } from '../../src/worker/protocol';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n';

describe('SimHost flow control', () => {
  let host: SimHost;
  afterEach(() => host?.stop());

  it('starts with a full snapshot and sends nothing more until the UI acknowledges it', () => {
    let wall = 0;
    host = new SimHost(() => wall);
    const batches: Batch[] = [];
    host.start({ seed: 1, cluster: 'minimal', running: false }, (b) => batches.push(b));
    expect(batches).toHaveLength(1);
    expect('full' in batches[0]!.diff && batches[0]!.diff.full).toBe(true);
    expect(batches[0]!.diff.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);

    host.apply(POD, 'manifest.yaml');
    expect(batches).toHaveLength(1);
    host.ack(batches[0]!.diff.seq);
    expect(batches).toHaveLength(2);
    const diff = batches[1]!.diff;
    expect(diff.pods.map((p) => `${p.name} ${p.status}`)).toEqual(['web Pending']);
    expect(diff.seq).toBe(batches[0]!.diff.seq + 1);

    host.step(5);
    host.ack(diff.seq);
    const later = batches[2]!.diff;
    expect(later.pods[0]).toMatchObject({ name: 'web', node: expect.stringMatching(/^worker-/) });
    expect(later.nodes.length).toBeGreaterThan(0);
    expect(later.events.map((e) => e.reason)).toContain('Scheduled');
  });
});
