import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { EDIT_HEADER } from '../../../src/core/kubectl/edit/session';

describe('kubectl edit through an editor tab', () => {
  const setup = () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.kubectl('create deployment web --image=nginx:1.27 --replicas=1');
    sim.advance(10);
    const r = sim.kubectl('edit deployment/web');
    return { sim, r, edit: r.edit! };
  };

  it('opens the object as YAML under kubectl\'s header comment, changing nothing yet', () => {
    const { sim, r, edit } = setup();
    expect(r).toMatchObject({ stdout: '', stderr: '', exitCode: 0, mutated: false });
    expect(edit.title).toBe('deployment.apps/web');
    expect(edit.text.startsWith(EDIT_HEADER)).toBe(true);
    expect(EDIT_HEADER).toBe(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n",
    );
    expect(edit.text.slice(EDIT_HEADER.length)).toBe(`${sim.kubectl('get deploy web -o yaml').stdout}\n`);
  });

  it('applies a saved change: deployment.apps/web edited', () => {
    const { sim, edit } = setup();
    const out = sim.saveEdit(edit, edit.text.replace('replicas: 1', 'replicas: 3'));
    expect(out.result).toMatchObject({ stdout: 'deployment.apps/web edited', exitCode: 0, mutated: true });
    expect(out.reopen).toBeUndefined();
    expect(sim.get<{ spec: { replicas: number } }>('deploy', 'web')!.spec.replicas).toBe(3);
    // Logged: a restored copy has the edit too.
    const copy = createSimulation();
    copy.restore(sim.snapshot());
    expect(copy.get<{ spec: { replicas: number } }>('deploy', 'web')!.spec.replicas).toBe(3);
  });

  it("changes a pod's image, the one container field a pod update may change, and refuses others", () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.kubectl('run web --image=nginx:1.27');
    const { edit } = sim.kubectl('edit pod web');
    // The edited text lists keys alphabetically, unlike the stored pod: only content counts.
    expect(sim.saveEdit(edit!, edit!.text.replace('- image: nginx:1.27', '- image: nginx:1.28')).result).toMatchObject({ stdout: 'pod/web edited', exitCode: 0 });
    expect(sim.get<{ spec: { containers: { image: string }[] } }>('pod', 'web')!.spec.containers[0]!.image).toBe('nginx:1.28');
    const again = sim.kubectl('edit pod web').edit!;
    const refused = sim.saveEdit(again, again.text.replace('imagePullPolicy: IfNotPresent', 'imagePullPolicy: Always'));
    expect(refused.result.stderr).toBe('error: pods "web" was not valid');
    expect(refused.reopen?.text).toContain('# * spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`');
  });

  it('cancels an unchanged or emptied file', () => {
    const { sim, edit } = setup();
    expect(sim.saveEdit(edit, edit.text).result).toMatchObject({ stderr: 'Edit cancelled, no changes made.', exitCode: 0, mutated: false });
    expect(sim.saveEdit(edit, '# nothing left\n').result.stderr).toBe('Edit cancelled, no changes made.');
  });

  it('reopens an invalid edit with the reasons in the header, keeping the text', () => {
    const { sim, edit } = setup();
    const edited = edit.text.replace('replicas: 1', 'replicas: -1');
    const out = sim.saveEdit(edit, edited);
    expect(out.result.exitCode).toBe(1);
    expect(out.reopen!.text).toBe(
      `${EDIT_HEADER}# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n${edited.slice(EDIT_HEADER.length)}`,
    );
    expect(sim.get<{ spec: { replicas: number } }>('deploy', 'web')!.spec.replicas).toBe(1);
    const syntax = sim.saveEdit(edit, `${edit.text}\n  bad: [`);
    expect(syntax.reopen!.text.split('\n')[4]).toMatch(/^# The edited file had a syntax error: error converting YAML to JSON: yaml: /);
    const renamed = sim.saveEdit(edit, edit.text.replace('name: web\n', 'name: other\n'));
    expect(renamed.reopen!.text.split('\n')[4]).toBe('# At least one of apiVersion, kind and name was changed');
  });

  it('edits in JSON with -o json and refuses other formats', () => {
    const { sim } = setup();
    const edit = sim.kubectl('edit deploy web -o json').edit!;
    expect(edit.format).toBe('json');
    expect(sim.saveEdit(edit, edit.text.replace('"replicas": 1', '"replicas": 2')).result.stdout).toBe('deployment.apps/web edited');
    expect(sim.kubectl('edit deploy web -o wide').stderr).toBe('error: the edit mode output format must be one of: json, yaml, got "wide"');
    expect(sim.kubectl('edit deploy nope').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found');
  });
});
