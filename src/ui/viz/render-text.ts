import type { NodeView, PodView } from '../../worker/protocol';
import { t } from '../i18n/i18n.svelte';
import type { RenderText } from './scene';

/** The view's words in the current language; rebuilt when the language changes. */
export function renderTextFor(): RenderText {
  return {
    queue: t('cluster.queue'),
    queueEmpty: t('cluster.queueEmpty'),
    queueMore: (count) => t('cluster.queueMore', { count }),
    pool: (name, nodes, pods) => t('cluster.pool', { name: name.toUpperCase(), nodes, pods }),
    node: (n: NodeView, pods) => t('cluster.node', { name: n.name, status: n.status, pods }),
    nodeStatus: (n: NodeView) => t('cluster.nodeHeader', { name: n.name, status: n.status }),
    pod: (p: PodView) => {
      const base = p.node ? t('cluster.podOn', { name: p.name, status: p.status, node: p.node }) : t('cluster.pod', { name: p.name, status: p.status });
      const restarts = p.restarts ? ` ${t('cluster.restarts', { count: p.restarts })}` : '';
      return `${base}${restarts}${p.schedulingMessage ? `. ${p.schedulingMessage}` : ''}`;
    },
    gpu: (node, g) => {
      const base = t('cluster.gpu', { index: g.index, name: g.name, node });
      if (!g.slices) return base;
      if (!g.mig) return `${base}. ${t('cluster.gpuMigOff')}`;
      const profiles = g.mig.instances.map((i) => i.profile).join(', ') || t('cluster.gpuMigEmpty');
      return `${base}. ${t('cluster.gpuMig', { profiles })}${g.mig.unusable.length ? ` ${t('cluster.gpuUnusable', { count: g.mig.unusable.length })}` : ''}`;
    },
    migOff: t('cluster.migOff'),
    service: (s) => t('cluster.service', { name: s.name, type: s.type, ip: s.clusterIP, ready: s.endpoints.filter((e) => e.ready).length, total: s.endpoints.length }),
    services: t('cluster.services'),
    backOff: (seconds) => t('cluster.backOff', { seconds }),
    noPods: t('cluster.noPods'),
    cpu: t('cluster.cpu'),
    memory: t('cluster.memory'),
    pods: t('cluster.pods'),
  };
}
