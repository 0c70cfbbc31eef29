import type { ApplyOutput } from '../apply/apply';
import type { NodeGpu } from '../gpu/node-gpu';
import type { ObjectStore } from '../store/object-store';

/** What kubectl needs from the simulation: the API server's store, the clock and apply. */
export interface KubectlHost {
  readonly store: ObjectStore;
  nowMs(): number;
  apply(yaml: string, options: { fileName?: string; namespace?: string }): ApplyOutput;
  /** Files the user has open in the editor, by name, for `apply -f <name>`. */
  readFile?(name: string): string | undefined;
  /** The names of those files, for Tab completion of -f. */
  listFiles?(): string[];
  /** The GPUs of a node's machine as the driver sees them (nvidia-smi in the node shell). */
  nodeGpus?(node: string): readonly NodeGpu[];
}
