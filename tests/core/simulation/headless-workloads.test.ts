import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

const DEPLOY = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "${image}" }]
`;

describe('the headless API for workloads', () => {
  it('lists by label and field selectors', () => {
    const sim = createSimulation({ cluster: 'minimal' });
    sim.apply(DEPLOY('nginx:1.27'));
    sim.advance(30);
    const onWorker1 = sim.list<Pod>('pods', { fieldSelector: 'spec.nodeName=worker-1' });
    expect(onWorker1.every((p) => p.spec?.nodeName === 'worker-1')).toBe(true);
    expect(onWorker1.length + sim.list('pods', { fieldSelector: 'spec.nodeName!=worker-1' }).length).toBe(3);
    expect(sim.list('pods', { labelSelector: 'app=web', fieldSelector: 'status.phase=Running' })).toHaveLength(3);
    expect(sim.list('pods', { labelSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] } })).toHaveLength(0);
  });

  it('rolls out, scales, pauses, undoes and restarts with kubectl\'s lines, recorded in the command log', () => {
    const sim = createSimulation({ cluster: 'minimal' });
    sim.apply(DEPLOY('nginx:1.27'));
    sim.advance(30);
    expect(sim.rolloutStatus('deployment', 'web')).toEqual({ ok: true, message: 'deployment "web" successfully rolled out', done: true });
    sim.apply(DEPLOY('nginx:1.28'));
    sim.advance(0.001);
    expect(sim.rolloutStatus('deployment', 'web').message).toMatch(/^Waiting for deployment "web" rollout to finish: \d out of 3 new replicas have been updated\.\.\.$/);
    sim.advance(60);
    expect(sim.scale('deploy', 'web', 5)).toEqual({ ok: true, message: 'deployment.apps/web scaled' });
    expect(sim.rollout('pause', 'deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web paused' });
    expect(sim.rollout('undo', 'deployment', 'web').message).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
    expect(sim.rollout('resume', 'deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web resumed' });
    expect(sim.rollout('undo', 'deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web rolled back' });
    expect(sim.rollout('restart', 'deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web restarted' });
    expect(sim.scale('deploy', 'missing', 2)).toEqual({ ok: false, message: 'Error from server (NotFound): deployments.apps "missing" not found' });
    sim.advance(120);
    expect(sim.list<Pod>('pods').filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.spec?.containers[0]?.image)).toEqual(Array(5).fill('nginx:1.27'));
    expect(sim.snapshot().log.filter((c) => c.op === 'rollout' || c.op === 'scale')).toHaveLength(5);
    const copy = createSimulation();
    copy.restore(sim.snapshot());
    expect(JSON.stringify(copy.list('pods'))).toBe(JSON.stringify(sim.list('pods')));
  });

  it('deletes with kubectl\'s cascade policies', () => {
    const sim = createSimulation({ cluster: 'minimal' });
    sim.apply(DEPLOY('nginx:1.27'));
    sim.advance(30);
    expect(sim.delete('deployment', 'web', undefined, { propagationPolicy: 'Orphan' })).toEqual({ ok: true, message: 'deployment.apps "web" deleted' });
    sim.advance(5);
    expect(sim.list('rs')).toHaveLength(1);
    expect(sim.list('pods')).toHaveLength(3);
  });

  it('resolves cluster DNS names', () => {
    const sim = createSimulation({ cluster: 'minimal' });
    expect(sim.resolveDns('kubernetes')).toEqual({ type: 'A', name: 'kubernetes.default.svc.cluster.local', addresses: ['10.96.0.1'] });
    expect(sim.resolveDns('nope.default.svc.cluster.local').type).toBe('NXDOMAIN');
  });
});
