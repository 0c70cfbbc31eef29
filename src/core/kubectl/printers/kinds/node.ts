import type { Node } from 'kubernetes-types/core/v1';
import { nodeRoles, nodeStatusText } from '../../../format/pod-status';
import { age, columns, type TablePrinter } from './table-printer';

/** printNode: NAME STATUS ROLES AGE VERSION; wide adds addresses, OS, kernel and runtime. */
export const nodePrinter: TablePrinter<Node> = {
  columns: columns(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']),
  cells: (n, now) => {
    const addr = (type: string) => n.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    const info = n.status?.nodeInfo;
    return [
      n.metadata.name,
      nodeStatusText(n),
      nodeRoles(n).join(',') || '<none>',
      age(n, now),
      info?.kubeletVersion ?? '',
      addr('InternalIP'),
      addr('ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};
