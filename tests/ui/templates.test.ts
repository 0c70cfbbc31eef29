import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/core';
import { TEMPLATE_MENU } from '../../src/ui/editor/template-menu';
import { templateText } from '../../src/ui/editor/templates';

describe('editor templates', () => {
  it('offer the kinds the issue lists, each in a file of its own', () => {
    expect(TEMPLATE_MENU.map((t) => t.id)).toEqual(['pod', 'gpu-pod', 'deployment', 'service', 'job', 'mig-pod', 'time-sliced-pod', 'triton']);
    expect(new Set(TEMPLATE_MENU.map((t) => t.fileName)).size).toBe(TEMPLATE_MENU.length);
  });

  it.each(TEMPLATE_MENU.map((t) => [t.id, templateText(t.id)] as const))('%s is accepted by the API server as written', (_id, text) => {
    const sim = createSimulation({ cluster: 'gpu-lab' });
    const out = sim.apply(text);
    expect(out.stderr).toBe('');
    expect(out.ok).toBe(true);
  });
});
