import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

describe('kubectl apply semantics', () => {
  it('reports created, then unchanged, then configured', () => {
    const sim = createSimulation({ seed: 1 });
    expect(sim.apply(POD).stdout).toBe('pod/web created');
    expect(sim.apply(POD).stdout).toBe('pod/web unchanged');
    expect(sim.apply(POD.replace('nginx:1.27', 'nginx:1.28')).stdout).toBe('pod/web configured');
    expect(sim.get<{ spec: { containers: { image: string }[] } }>('pod', 'web')?.spec.containers[0]?.image).toBe('nginx:1.28');
  });

  it('keeps the fields the server defaulted when the same manifest is applied again', () => {
    const sim = createSimulation({ seed: 1 });
    sim.apply(POD);
    sim.apply(POD);
    const pod = sim.get<{ spec: { containers: { imagePullPolicy: string }[]; restartPolicy: string } }>('pods', 'web')!;
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
  });

  it('refuses a change to an immutable pod field with the real message', () => {
    const sim = createSimulation({ seed: 1 });
    sim.apply(POD);
    const out = sim.apply(POD.replace('    image: nginx:1.27', '    image: nginx:1.27\n    workingDir: /srv'));
    expect(out.ok).toBe(false);
    expect(out.stderr).toContain('The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`');
  });

  it('applies the good documents of a multi-document file and reports the bad one with its line', () => {
    const sim = createSimulation({ seed: 1 });
    const out = sim.apply(`${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers:\n  - name: c\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n`);
    expect(out.stdout).toBe('pod/web created\nnamespace/team-a created');
    expect(out.stderr).toBe('The Pod "broken" is invalid: spec.containers[0].image: Required value');
    expect(out.results[1]).toMatchObject({ ok: false, line: 11, errorLine: 17 });
    expect(sim.get('pod', 'broken')).toBeUndefined();
  });

  it('stops at a YAML syntax error before applying anything', () => {
    const sim = createSimulation({ seed: 1 });
    const out = sim.apply(`${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n`);
    expect(out.stderr).toBe('error: error parsing manifest.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context');
    expect(out.results[0]?.errorLine).toBe(14);
    expect(sim.list('pods')).toEqual([]);
  });

  it('explains a missing kind and an unknown kind', () => {
    const sim = createSimulation({ seed: 1 });
    expect(sim.apply('apiVersion: v1\nmetadata:\n  name: x\n').stderr).toBe(
      'error: error validating "manifest.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(sim.apply('apiVersion: v1\nkind: Widget\nmetadata:\n  name: x\n').stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "manifest.yaml": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first',
    );
  });

  it('says so when there is nothing to apply', () => {
    const sim = createSimulation({ seed: 1 });
    expect(sim.apply('# just a comment\n').stderr).toBe('error: no objects passed to apply');
  });

  it('refuses a namespace that does not exist', () => {
    const sim = createSimulation({ seed: 1 });
    expect(sim.apply(POD.replace('  name: web', '  name: web\n  namespace: nope')).stderr).toBe(
      'Error from server (NotFound): error when creating "manifest.yaml": namespaces "nope" not found',
    );
  });

  it('refuses YAML bombs and deep nesting with a clear error instead of hanging', () => {
    const sim = createSimulation({ seed: 1 });
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    expect(sim.apply(bomb.join('\n')).stderr).toContain('excessive aliasing');
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    expect(sim.apply(`a: ${deep}`).stderr).toContain('exceeded max depth');
  });

  it('reads YAML 1.1 booleans as kubectl does', () => {
    const sim = createSimulation({ seed: 1 });
    const out = sim.apply(POD.replace('    image: nginx:1.27', '    image: nginx:1.27\n    env:\n    - name: DEBUG\n      value: yes'));
    expect(out.stderr).toContain('json: cannot unmarshal bool into Go struct field EnvVar.spec.containers[0].env[0].value of type string');
  });
});
