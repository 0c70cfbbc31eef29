import type { Node } from 'kubernetes-types/core/v1';
import { tokenize } from '../framework/tokenize';
import type { KubectlHost } from '../host';

/**
 * The shell the terminal shows after `kubectl debug node/<name> -it`: a root prompt on the node
 * where node tools run: nvidia-smi (the driver's live view of the node's GPUs), dmesg (the
 * driver's kernel log lines), hostname, exit. Everything else gets bash's answer.
 */
export interface NodeShellResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** The user typed exit: the terminal returns to its kubectl prompt. */
  readonly exited?: boolean;
}

/** The prompt of the debug shell, as the debug container shows it: `root@worker-1:/#`. */
export function nodeShellPrompt(node: string): string {
  return `root@${node}:/# `;
}

export function runNodeShell(host: KubectlHost, nodeName: string, line: string): NodeShellResult {
  const { words, error } = tokenize(line.trim());
  if (error) return { stdout: '', stderr: `bash: ${error}`, exitCode: 2 };
  const [program, ...args] = words;
  if (!program) return { stdout: '', stderr: '', exitCode: 0 };
  const node = host.store.get<Node>('Node', nodeName);
  if (program === 'exit' || program === 'logout') return { stdout: '', stderr: '', exitCode: 0, exited: true };
  if (!node) return { stdout: '', stderr: `error: node ${JSON.stringify(nodeName)} no longer exists`, exitCode: 1, exited: true };
  switch (program) {
    case 'hostname':
      return { stdout: nodeName, stderr: '', exitCode: 0 };
    case 'chroot':
      // `chroot /host` is how the kubectl docs reach the node's own tools; in Kubelab they are already on the path.
      return { stdout: '', stderr: '', exitCode: 0 };
    case 'dmesg':
      // Only the NVIDIA driver's lines are modelled (Xids, GPU resets).
      return { stdout: host.dmesg?.(nodeName) ?? '', stderr: '', exitCode: 0 };
    case 'kubectl':
      return { stdout: '', stderr: 'bash: kubectl: command not found', exitCode: 127 };
  }
  if (program === 'nvidia-smi') {
    // The driver (and with it nvidia-smi) is only installed on machines with NVIDIA GPUs.
    const out = host.nvidiaSmi?.(nodeName, args);
    if (!out) return { stdout: '', stderr: 'bash: nvidia-smi: command not found', exitCode: 127 };
    return { ...out, stdout: out.stdout.replace(/\n$/, '') };
  }
  return { stdout: '', stderr: `bash: ${program}: command not found`, exitCode: 127 };
}
