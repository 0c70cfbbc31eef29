import { describe, expect, it } from 'vitest';
import { EditorFiles, normaliseFileName, uniqueName } from '../../src/ui/lib/files.svelte';

describe('editor files', () => {
  it('accept only simple YAML file names, adding .yaml when missing', () => {
    expect(normaliseFileName(' web ')).toBe('web.yaml');
    expect(normaliseFileName('job.yml')).toBe('job.yml');
    expect(normaliseFileName('../etc/passwd')).toBeUndefined();
    expect(normaliseFileName('.hidden')).toBeUndefined();
    expect(normaliseFileName('')).toBeUndefined();
  });

  it('never give two tabs the same name', () => {
    expect(uniqueName('pod.yaml', ['pod.yaml', 'pod-2.yaml'])).toBe('pod-3.yaml');
    expect(uniqueName('new.yaml', ['pod.yaml'])).toBe('new.yaml');
  });

  it('open, edit, rename, close and reopen tabs without losing text', () => {
    const files = new EditorFiles();
    const first = files.active;
    const job = files.open('job.yaml', 'kind: Job\n');
    expect(files.active.id).toBe(job.id);
    files.setText(job.id, 'kind: Job # edited\n');
    expect(files.rename(job.id, 'batch')).toBe(true);
    expect(files.active.name).toBe('batch.yaml');
    expect(files.rename(job.id, 'bad/name')).toBe(false);

    files.close(job.id);
    expect(files.files.map((f) => f.id)).toEqual([first.id]);
    expect(files.active.id).toBe(first.id);
    expect(files.close(first.id)).toBeUndefined();

    files.reopen();
    expect(files.active).toMatchObject({ name: 'batch.yaml', text: 'kind: Job # edited\n' });
    expect(files.closed).toHaveLength(0);
  });

  it('restore what was saved', () => {
    const a = new EditorFiles();
    const f = a.open('keep.yaml', 'kind: Pod\n');
    const b = new EditorFiles();
    expect(b.files.find((x) => x.id === f.id)?.text).toBe('kind: Pod\n');
    expect(b.activeId).toBe(f.id);
  });

  it('keep a kubectl edit tab with its request; a failed save reopens it, a finished edit goes', () => {
    const files = new EditorFiles();
    const request = { targets: [{ kind: 'Pod', name: 'web', namespace: 'default' }], format: 'yaml' as const, original: 'kind: Pod\n', text: '# header\nkind: Pod\n', title: 'pod/web' };
    const tab = files.open('edit-pod-web.yaml', request.text, request);
    expect(files.byName()['edit-pod-web.yaml']).toBe(request.text);
    files.reopenEdit(tab.id, { ...request, text: '# header\n# error\nkind: Pod\n' });
    expect(files.active).toMatchObject({ id: tab.id, text: '# header\n# error\nkind: Pod\n', edit: { title: 'pod/web' } });
    expect(new EditorFiles().files.find((f) => f.id === tab.id)?.edit?.title).toBe('pod/web');
    files.finishEdit(tab.id);
    expect(files.files.some((f) => f.id === tab.id)).toBe(false);
    expect(files.closed.some((f) => f.id === tab.id)).toBe(false);
  });
});
