import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { age, columns, containerCells, formatLabels, formatLabelSelector, selectorString, type TablePrinter } from './table-printer';

/** The apps/v1 workload printers of printers.go, with their CONTAINERS / IMAGES / SELECTOR wide columns. */

/** printDeployment: READY is ready/desired; the wide SELECTOR is the selector string, empty when empty. */
export const deploymentPrinter: TablePrinter<Deployment> = {
  columns: columns(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells: (d, now) => {
    const st = d.status ?? {};
    return [
      d.metadata.name,
      `${st.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
      String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0),
      age(d, now),
      ...containerCells(d.spec?.template.spec?.containers),
      selectorString(d.spec?.selector),
    ];
  },
};

/** printReplicaSet: DESIRED CURRENT READY. */
export const replicaSetPrinter: TablePrinter<ReplicaSet> = {
  columns: columns(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells: (rs, now) => [
    rs.metadata.name,
    String(rs.spec?.replicas ?? 1),
    String(rs.status?.replicas ?? 0),
    String(rs.status?.readyReplicas ?? 0),
    age(rs, now),
    ...containerCells(rs.spec?.template?.spec?.containers),
    formatLabelSelector(rs.spec?.selector),
  ],
};

/** printDaemonSet: the scheduling counts and the pod template's NODE SELECTOR. */
export const daemonSetPrinter: TablePrinter<DaemonSet> = {
  columns: columns(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells: (ds, now) => {
    const st = ds.status;
    return [
      ds.metadata.name,
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template.spec?.nodeSelector),
      age(ds, now),
      ...containerCells(ds.spec?.template.spec?.containers),
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};

/** printStatefulSet: READY is ready/desired; wide adds CONTAINERS and IMAGES only. */
export const statefulSetPrinter: TablePrinter<StatefulSet> = {
  columns: columns(['NAME', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES']),
  cells: (s, now) => [s.metadata.name, `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 1}`, age(s, now), ...containerCells(s.spec?.template.spec?.containers)],
};

/** printControllerRevision: CONTROLLER as `daemonset.apps/name` (formatResourceName), or `<none>`. */
export const controllerRevisionPrinter: TablePrinter<ControllerRevision> = {
  columns: columns(['NAME', 'CONTROLLER', 'REVISION', 'AGE']),
  cells: (r, now) => {
    const ref = r.metadata.ownerReferences?.find((o) => o.controller);
    let controller = '<none>';
    if (ref) {
      const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0]! : '';
      controller = `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
    }
    return [r.metadata.name, controller, String(r.revision), age(r, now)];
  },
};
