import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { TerminalSession, type TerminalBackend } from '../../../src/ui/terminal/session';

/** The terminal over a real headless simulation, as the worker would serve it. */
function simBackend() {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  let stop: (() => void) | undefined;
  const backend: TerminalBackend = {
    run: async (line, stdin, onChunk) => {
      const w = sim.kubectlWatch(line, onChunk, stdin);
      stop = w.stop;
      return { ...w.result, watching: w.watching };
    },
    stopWatch: () => stop?.(),
    complete: async (line, cursor) => sim.completeKubectl(line, cursor),
    runInNode: async (node, line) => sim.nodeShell(node, line),
  };
  return { sim, backend };
}

const texts = (s: TerminalSession) => s.entries.map((e) => (e.kind === 'input' ? `${e.prompt}${e.text}` : e.text));

describe('terminal session', () => {
  it('runs kubectl and refuses other programs as a shell does', async () => {
    const { backend } = simBackend();
    const s = new TerminalSession(backend);
    await s.submit('kubectl get nodes -o name');
    await s.submit('get pods');
    expect(texts(s)).toEqual(['$ kubectl get nodes -o name', 'node/control-plane\nnode/worker-1\nnode/worker-2', '$ get pods', 'bash: get: command not found']);
  });

  it('applies a pasted heredoc', async () => {
    const { sim, backend } = simBackend();
    const s = new TerminalSession(backend);
    for (const line of ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: team-a', 'EOF']) await s.submit(line);
    expect(texts(s).slice(-2)).toEqual(['> EOF', 'namespace/team-a created']);
    expect(sim.get('namespace', 'team-a')).toBeDefined();
  });

  it('streams a watch until Ctrl+C', async () => {
    const { sim, backend } = simBackend();
    const s = new TerminalSession(backend);
    await s.submit('kubectl get nodes -w');
    expect(s.watching).toBe(true);
    sim.kubectl('cordon worker-2');
    await s.interrupt('');
    sim.kubectl('uncordon worker-2');
    expect(s.watching).toBe(false);
    expect(texts(s).slice(-2)).toEqual(['worker-2        Ready,SchedulingDisabled   <none>          0s    v1.34.1', '^C']);
  });

  it('gives the prompt back when the worker streaming a watch is restarted', async () => {
    const { backend } = simBackend();
    const s = new TerminalSession(backend);
    await s.submit('kubectl get pods -w');
    expect(s.watching).toBe(true);
    const shown = s.entries.length;
    s.watchLost();
    expect(s.watching).toBe(false);
    expect(s.entries).toHaveLength(shown);
    s.watchLost();
    expect(s.watching).toBe(false);
  });

  it('shows an exec\'s output and its exit line in the order they were printed', async () => {
    const { sim, backend } = simBackend();
    sim.kubectl('run box --image=busybox --command -- sleep 3600');
    sim.advance(30);
    const s = new TerminalSession(backend);
    await s.submit(`kubectl exec box -- sh -c 'echo out; echo err >&2; exit 2'`);
    expect(s.entries.slice(1).map((e) => (e.kind === 'output' ? `${e.stream}: ${e.text}` : e.kind))).toEqual(['stdout: out', 'stderr: err', 'stderr: command terminated with exit code 2']);
  });

  it('enters and leaves a node shell', async () => {
    const { backend } = simBackend();
    const s = new TerminalSession(backend);
    await s.submit('kubectl debug node/worker-1 -it --image=busybox');
    expect(s.prompt()).toBe('root@worker-1:/# ');
    await s.submit('hostname');
    await s.submit('exit');
    expect(s.prompt()).toBe('$ ');
    expect(texts(s).slice(-3)).toEqual(['root@worker-1:/# hostname', 'worker-1', 'root@worker-1:/# exit']);
  });

  it('clears, interrupts a typed line, abandons a heredoc and lists history', async () => {
    const { backend } = simBackend();
    const s = new TerminalSession(backend, () => {}, () => ['kubectl version']);
    await s.submit('kubectl apply -f - <<EOF');
    await s.interrupt('kind: Pod');
    expect(s.prompt()).toBe('$ ');
    await s.submit('history');
    expect(texts(s).slice(-1)).toEqual(['    1  kubectl version']);
    await s.submit('clear');
    expect(s.entries).toEqual([]);
  });

  it('shows a force-delete warning before the result, errors after it', async () => {
    const { backend } = simBackend();
    const s = new TerminalSession(backend);
    await s.submit('kubectl get nodes control-plane ghost -o name');
    expect(texts(s).slice(-2)).toEqual(['node/control-plane', 'Error from server (NotFound): nodes "ghost" not found']);
  });
});

describe('kubectl edit from the terminal', () => {
  it('hands the edit to the app, which saves it and reports kubectl\'s line back', async () => {
    const { sim, backend } = simBackend();
    sim.kubectl('create deployment web --image=nginx:1.27');
    let opened: import('../../../src/core').EditRequest | undefined;
    const s = new TerminalSession(backend, () => {}, () => [], (edit) => (opened = edit));
    await s.submit('kubectl edit deployment/web');
    expect(opened?.title).toBe('deployment.apps/web');
    const outcome = sim.saveEdit(opened!, opened!.text.replace('replicas: 1', 'replicas: 2'));
    s.reportEdit(outcome.result);
    expect(texts(s)).toEqual(['$ kubectl edit deployment/web', 'deployment.apps/web edited']);
  });

  it('says so when no editor can be opened', async () => {
    const { sim, backend } = simBackend();
    sim.kubectl('create deployment web --image=nginx:1.27');
    const s = new TerminalSession(backend);
    await s.submit('kubectl edit deployment/web');
    expect(texts(s)[1]).toBe('error: no editor is available to open the object in');
  });
});
