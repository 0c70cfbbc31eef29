import type * as YamlLibrary from 'yaml';
import type { KubectlModule } from '../kubectl/module';

/**
 * Code the simulation reaches only when someone asks for it — kubectl (its commands, printers and
 * describers) and the YAML library (manifests, the inspector's YAML, the GPU Operator's config
 * files) — kept out of the simulation worker's first download: together they are about half of it.
 *
 * The headless entry (`src/core/index.ts`) provides every module as it is imported, so headless
 * callers never see the difference. The worker provides each one, with a dynamic import, before
 * the first call that needs it (src/worker/deferred-loader.ts).
 */
/** The YAML library's named exports (`yaml` on npm). */
export type Yaml = Omit<typeof YamlLibrary, 'default'>;

export interface DeferredModules {
  readonly yaml: Yaml;
  readonly kubectl: KubectlModule;
}

export type DeferredName = keyof DeferredModules;

export const DEFERRED_NAMES: readonly DeferredName[] = ['yaml', 'kubectl'];

/** Thrown when code runs before the deferred module it needs was provided: a loader bug, never a user error. */
export class DeferredCodeNotLoaded extends Error {
  constructor(readonly module: DeferredName) {
    super(`internal error: the ${module} code is not loaded yet`);
    this.name = 'DeferredCodeNotLoaded';
  }
}

const provided: { -readonly [K in DeferredName]?: DeferredModules[K] } = {};

export function provideDeferred<K extends DeferredName>(name: K, module: DeferredModules[K]): void {
  provided[name] = module;
}

export function isDeferredLoaded(name: DeferredName): boolean {
  return provided[name] !== undefined;
}

/**
 * A deferred module. Call it outside any `try` that turns errors into user-facing messages, so a
 * missing module surfaces as DeferredCodeNotLoaded and not as, say, a YAML parse error.
 */
export function deferred<K extends DeferredName>(name: K): DeferredModules[K] {
  const module = provided[name];
  if (!module) throw new DeferredCodeNotLoaded(name);
  return module as DeferredModules[K];
}

export const yamlLibrary = (): Yaml => deferred('yaml');
