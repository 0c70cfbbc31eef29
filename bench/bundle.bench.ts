import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './report';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
  css?: string[];
}

/**
 * The JavaScript a visitor downloads before the playground works: the entry chunk, its static
 * imports, and the simulation worker's entry, gzip-compressed. Monaco and its workers load lazily
 * when the editor opens; the worker's kubectl and YAML chunks on the first command or manifest
 * (src/core/deferred/registry.ts). Those are reported separately.
 */
export function bundleSizes(root = process.cwd()): BenchResult[] {
  const dist = join(root, 'dist');
  execSync('npx vite build --manifest', { cwd: root, stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(entryKey);
  const workerKey = Object.keys(manifest).find((k) => k.includes('sim.worker'));
  const workerFile = workerKey ? manifest[workerKey]!.file : findAsset(dist, /^assets\/sim\.worker-.*\.js$/);
  const gz = (file: string) => (existsSync(join(dist, file)) ? gzipSync(readFileSync(join(dist, file))).length : 0);
  const mainBytes = [...initial].reduce((n, f) => n + gz(f), 0);
  const workerBytes = workerFile ? gz(workerFile) : 0;
  const deferred = (name: string): BenchResult => {
    const file = findAsset(dist, new RegExp(`^assets/deferred-${name}-.*\\.js$`));
    return { name: `bundle: worker's ${name} chunk, loaded on first use (gzip)`, value: (file ? gz(file) : 0) / 1024, unit: 'KiB' };
  };
  return [
    { name: 'bundle: initial JS, UI (gzip)', value: mainBytes / 1024, unit: 'KiB' },
    { name: 'bundle: initial JS, simulation worker (gzip)', value: workerBytes / 1024, unit: 'KiB' },
    { name: 'bundle: initial JS total, without lazy Monaco (gzip)', value: (mainBytes + workerBytes) / 1024, unit: 'KiB', note: 'budget 150 KiB' },
    deferred('kubectl'),
    deferred('yaml'),
  ];
}

function findAsset(dist: string, pattern: RegExp): string | undefined {
  const out = execSync('ls assets', { cwd: dist }).toString().split('\n');
  const name = out.find((f) => pattern.test(`assets/${f}`));
  return name ? `assets/${name}` : undefined;
}
