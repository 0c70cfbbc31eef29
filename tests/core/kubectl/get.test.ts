import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

describe('kubectl get', () => {
  it('prints nodes as kubectl does', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.advance(150);
    expect(sim.kubectl('get nodes').stdout).toBe(
      [
        'NAME            STATUS   ROLES           AGE     VERSION',
        'control-plane   Ready    control-plane   2m30s   v1.34.1',
        'worker-1        Ready    <none>          2m30s   v1.34.1',
        'worker-2        Ready    <none>          2m30s   v1.34.1',
      ].join('\n'),
    );
  });

  it('says when there is nothing to list', () => {
    const sim = createSimulation();
    expect(sim.kubectl('get pods')).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.', exitCode: 0 });
  });

  it('resolves short names and refuses unknown types', () => {
    const sim = createSimulation();
    expect(sim.kubectl('get no').stdout).toContain('worker-1');
    expect(sim.kubectl('get widgets').stderr).toBe('error: the server doesn\'t have a resource type "widgets"');
  });

  it('says clearly when a command is not supported yet', () => {
    expect(createSimulation().kubectl('kubectl frobnicate').stderr).toContain('unknown command "frobnicate" for "kubectl"');
  });
});
