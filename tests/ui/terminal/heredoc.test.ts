import { describe, expect, it } from 'vitest';
import { HeredocReader, heredocStart, splitPaste } from '../../../src/ui/terminal/heredoc';
import { parseAnsi, stripAnsi } from '../../../src/ui/terminal/ansi';

describe('here-documents', () => {
  it('recognises the delimiter forms and removes the redirection', () => {
    expect(heredocStart('kubectl apply -f - <<EOF')).toEqual({ command: 'kubectl apply -f -', delimiter: 'EOF', stripTabs: false });
    expect(heredocStart("kubectl apply -f - <<'END'")).toEqual({ command: 'kubectl apply -f -', delimiter: 'END', stripTabs: false });
    expect(heredocStart('cat <<-"X" | kubectl apply -f -')).toEqual({ command: 'cat | kubectl apply -f -', delimiter: 'X', stripTabs: true });
    expect(heredocStart('kubectl get pods')).toBeUndefined();
  });

  it('collects lines until the delimiter, stripping tabs with <<-', () => {
    const r = new HeredocReader(heredocStart('kubectl apply -f - <<EOF')!);
    expect(r.feed('apiVersion: v1')).toBeUndefined();
    expect(r.feed('  EOF')).toBeUndefined();
    expect(r.feed('EOF')).toBe('apiVersion: v1\n  EOF\n');
    const t = new HeredocReader(heredocStart('kubectl apply -f - <<-EOF')!);
    t.feed('\tkind: Pod');
    expect(t.feed('\tEOF')).toBe('kind: Pod\n');
  });

  it('splits a multi-line paste into lines to run and the rest to keep typing', () => {
    expect(splitPaste('a\r\nb\nc')).toEqual({ lines: ['a', 'b'], rest: 'c' });
    expect(splitPaste('a\n')).toEqual({ lines: ['a'], rest: '' });
  });
});

describe('ANSI colours', () => {
  it('turns SGR codes into spans', () => {
    expect(parseAnsi('\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://x\x1b[0m')).toEqual([
      { text: 'Kubernetes control plane', color: 'green' },
      { text: ' is running at ' },
      { text: 'https://x', color: 'yellow' },
    ]);
    expect(stripAnsi('\x1b[1;31mbad\x1b[0m')).toBe('bad');
  });
});
