import type { MessageKey } from '../i18n/en';

/**
 * A starting point offered in the editor's Templates menu. Its text is in `templates.ts`, which
 * loads when a template is first chosen, so the first screen does not download every manifest.
 */
export interface TemplateEntry {
  readonly id: TemplateId;
  readonly label: MessageKey;
  readonly hint: MessageKey;
  readonly fileName: string;
}

export type TemplateId = 'pod' | 'gpu-pod' | 'deployment' | 'service' | 'job' | 'mig-pod' | 'time-sliced-pod' | 'triton';

/** Starting points for the kinds learners meet first, each opened in a tab of its own. */
export const TEMPLATE_MENU: readonly TemplateEntry[] = [
  { id: 'pod', label: 'templates.pod', hint: 'templates.pod.hint', fileName: 'pod.yaml' },
  { id: 'gpu-pod', label: 'templates.gpuPod', hint: 'templates.gpuPod.hint', fileName: 'gpu-pod.yaml' },
  { id: 'deployment', label: 'templates.deployment', hint: 'templates.deployment.hint', fileName: 'deployment.yaml' },
  { id: 'service', label: 'templates.service', hint: 'templates.service.hint', fileName: 'service.yaml' },
  { id: 'job', label: 'templates.job', hint: 'templates.job.hint', fileName: 'job.yaml' },
  { id: 'mig-pod', label: 'templates.migPod', hint: 'templates.migPod.hint', fileName: 'mig-pod.yaml' },
  { id: 'time-sliced-pod', label: 'templates.timeSliced', hint: 'templates.timeSliced.hint', fileName: 'time-sliced-pod.yaml' },
  { id: 'triton', label: 'templates.triton', hint: 'templates.triton.hint', fileName: 'triton.yaml' },
];
