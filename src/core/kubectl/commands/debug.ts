import type { Node, Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../store/api-error';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { fail, type KubectlResult } from '../framework/result';

/** The image kubectl's docs use for node debugging; any image works the same here. */
const DEFAULT_HINT = 'busybox';

/**
 * `kubectl debug node/<name> -it --image=<image>` (debug.go, the "legacy" profile): a pod named
 * node-debugger-<node>-<suffix> on that node, sharing its host namespaces, with the node's root
 * file system at /host. The terminal then enters a shell on the node (see shell/node-shell.ts),
 * where nvidia-smi runs. Debugging a pod with an ephemeral container is not emulated yet.
 */
export const debugCommand: KubectlCommand = {
  name: 'debug',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  long: `Debug cluster resources using interactive debugging containers.

 For a node, 'debug' creates a pod that runs in the node's host namespaces, with the node's root file system mounted at /host, and attaches to it. In Kubelab the shell on the node runs nvidia-smi and a few basic commands; type exit to leave.

 Debugging pods with ephemeral containers or copies is not emulated yet.`,
  examples: `  # Open a shell on node gpu-1 and run nvidia-smi there
  kubectl debug node/gpu-1 -it --image=${DEFAULT_HINT}`,
  use: '(POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]',
  flags: [
    { name: 'image', type: 'string', usage: 'Container image to use for debug container.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container(s) in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the debugging container.' },
    { name: 'profile', type: 'string', defaultText: "'legacy'", usage: 'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'If true, suppress informational messages.' },
  ],
  run: runDebug,
};

function runDebug(ctx: CommandContext): KubectlResult {
  const target = ctx.args[0];
  if (!target) return fail("error: NAME or TYPE/NAME is required for debug\nSee 'kubectl debug -h' for help and examples");
  const slash = target.indexOf('/');
  const typeName = slash >= 0 ? target.slice(0, slash) : 'pods';
  const type = ctx.host.store.registry.types.resolve(typeName);
  if (type?.kind !== 'Node') return fail('error: kubectl debug of pods is not supported by Kubelab yet; debug a node with kubectl debug node/<name> -it --image=busybox');
  const nodeName = target.slice(slash + 1);
  const image = ctx.flags.string('image');
  if (image === '') return fail('error: --image is required when debugging a node');
  const node = ctx.host.store.get<Node>('Node', nodeName);
  if (!node) return fail(`Error from server (NotFound): nodes ${JSON.stringify(nodeName)} not found`);
  if (!ctx.flags.bool('stdin') || !ctx.flags.bool('tty')) {
    return fail('error: Kubelab opens node shells interactively only: add -it (kubectl debug node/NAME -it --image=IMAGE)');
  }
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: `node-debugger-${nodeName}-`, namespace: ctx.namespace },
    spec: {
      nodeName,
      hostIPC: true,
      hostNetwork: true,
      hostPID: true,
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
      containers: [{ name: 'debugger', image, stdin: true, tty: true, terminationMessagePolicy: 'File', volumeMounts: [{ name: 'host-root', mountPath: '/host' }] }],
      volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
    },
  };
  try {
    const created = ctx.host.store.create(pod);
    const lines = ctx.flags.bool('quiet')
      ? []
      : [`Creating debugging pod ${created.metadata.name} with container debugger on node ${nodeName}.`, "If you don't see a command prompt, try pressing enter."];
    return { stdout: lines.join('\n'), stderr: '', exitCode: 0, mutated: true, nodeShell: { node: nodeName } };
  } catch (e) {
    if (e instanceof ApiError) return fail(e.kubectlMessage());
    throw e;
  }
}
