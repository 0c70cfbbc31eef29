import type { Node } from 'kubernetes-types/core/v1';
import { nodeRoles, nodeStatusText } from '../../../format/pod-status';
import { age, type TablePrinter } from './table-printer';

/** printNode: NAME STATUS ROLES AGE VERSION; wide adds addresses, OS, kernel and runtime. */
export const nodePrinter: TablePrinter<Node> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (n, now) => [n.metadata.name, nodeStatusText(n), nodeRoles(n).join(',') || '<none>', age(n, now), n.status?.nodeInfo?.kubeletVersion ?? ''],
  wideRow: (n) => {
    const addr = (type: string) => n.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    const info = n.status?.nodeInfo;
    return [addr('InternalIP'), addr('ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>'];
  },
};
