import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { writeContainers, writeTolerations, writeVolumes } from './containers';
import { type DescribeWriter, writeAnnotations, writeLabels } from './writer';

/**
 * DescribePodTemplate: the `Pod Template:` section of workload describes and of
 * `rollout history --revision`: labels, annotations if any, containers (no statuses), volumes,
 * priority class, node selectors and tolerations, indented two spaces.
 */
export function writePodTemplate(w: DescribeWriter, template: PodTemplateSpec | undefined): void {
  w.line(0, 'Pod Template:');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const spec = template.spec ?? { containers: [] };
  writeLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) writeAnnotations(w, template.metadata?.annotations, '  Annotations');
  if (spec.serviceAccountName) w.line(1, `Service Account:\t${spec.serviceAccountName}`);
  if (spec.initContainers?.length) writeContainers(w, 'Init Containers', spec.initContainers, { space: '  ' });
  writeContainers(w, 'Containers', spec.containers, { space: '  ' });
  writeVolumes(w, spec.volumes ?? [], '  ');
  if (spec.priorityClassName) w.line(1, `Priority Class Name:\t${spec.priorityClassName}`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, spec.tolerations ?? [], '  Tolerations');
}
