import { describe, expect, it } from 'vitest';
import { applyCompletion, columns, commonPrefix, cutAfter, cutBefore, cutWordBefore } from '../../../src/ui/terminal/line-editor';

describe('line editing', () => {
  const s = { text: 'kubectl get pods -n kube-system', cursor: 16 };

  it('cuts as readline does', () => {
    expect(cutBefore(s)).toEqual({ text: ' -n kube-system', cursor: 0 });
    expect(cutAfter(s)).toEqual({ text: 'kubectl get pods', cursor: 16 });
    expect(cutWordBefore(s)).toEqual({ text: 'kubectl get  -n kube-system', cursor: 12 });
    expect(cutWordBefore({ text: 'kubectl get   ', cursor: 14 })).toEqual({ text: 'kubectl ', cursor: 8 });
  });

  it('completes one candidate with a space, several to their common prefix, then lists them', () => {
    expect(applyCompletion({ text: 'kubectl desc', cursor: 12 }, ['describe'], 8).state).toEqual({ text: 'kubectl describe ', cursor: 17 });
    expect(applyCompletion({ text: 'kubectl get pods -o js', cursor: 22 }, ['json', 'jsonpath='], 20).state).toEqual({ text: 'kubectl get pods -o json', cursor: 24 });
    expect(applyCompletion({ text: 'kubectl get pods -o jsonp', cursor: 25 }, ['jsonpath='], 20).state).toEqual({ text: 'kubectl get pods -o jsonpath=', cursor: 29 });
    expect(applyCompletion({ text: 'kubectl cordon w', cursor: 16 }, ['worker-1', 'worker-2'], 15).state.text).toBe('kubectl cordon worker-');
    const listed = applyCompletion({ text: 'kubectl cordon worker-', cursor: 22 }, ['worker-1', 'worker-2'], 15);
    expect(listed.list).toEqual(['worker-1', 'worker-2']);
    expect(applyCompletion(s, [], 0).state).toBe(s);
  });

  it('finds common prefixes and lays candidates out in columns', () => {
    expect(commonPrefix(['pods', 'poddisruptionbudgets'])).toBe('pod');
    expect(columns(['a', 'bb', 'ccc', 'dd', 'e'], 10)).toBe('a    dd\nbb   e\nccc');
  });
});
