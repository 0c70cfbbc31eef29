import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

/**
 * The modules a file pulls in through static value imports (type-only imports are erased, and
 * dynamic `import()` makes a separate chunk): what a bundler puts in the same first download.
 */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('src/')) return;
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue;
      const spec = m[2]!;
      if (!spec.startsWith('.')) {
        visit(spec);
        continue;
      }
      const base = join(dirname(file), spec);
      const resolved = [`${base}.ts`, join(base, 'index.ts'), base].find((f) => existsSync(join(ROOT, f)));
      if (resolved) visit(relative(ROOT, join(ROOT, resolved)));
    }
  };
  visit(entry);
  return seen;
}

describe("the simulation worker's first download", () => {
  const graph = staticGraph('src/worker/sim.worker.ts');

  it('reaches the simulation core', () => {
    expect(graph).toContain('src/core/simulation.ts');
    expect(graph).toContain('src/core/scheduler/scheduler.ts');
  });

  it('leaves out kubectl and the YAML library, which load on first use', () => {
    expect([...graph].filter((f) => f === 'yaml' || f.startsWith('yaml/'))).toEqual([]);
    expect([...graph].filter((f) => f.startsWith('src/core/kubectl/'))).toEqual(['src/core/kubectl/resources/field-selector.ts']);
  });
});
