import type { GpuHealthView, NodeView, PodView } from '../../worker/protocol';
import { t } from '../i18n/i18n.svelte';
import type { RenderText } from './scene';

/** `, unhealthy, Xid 79` after a GPU's name; nothing for a healthy GPU with no Xid since its last reset. */
function gpuHealthText(health: GpuHealthView, lastXid: number): string {
  const state = health === 'healthy' ? '' : `, ${t(`cluster.gpuHealth.${health}`)}`;
  return `${state}${lastXid ? `, ${t('cluster.gpuXid', { xid: lastXid })}` : ''}`;
}

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
      const health = gpuHealthText(g.health, g.lastXid);
      const base = `${t('cluster.gpu', { index: g.index, name: g.name, node })}${health}.`;
      if (g.mig) {
        const instances = g.mig.instances.map((i) => t('cluster.migInstance', { profile: i.profile, id: i.id, health: gpuHealthText(i.health, 0), users: i.pods.join(', ') || t('cluster.migFree') }));
        const unusable = g.mig.unusable.length ? ` ${t('cluster.gpuUnusable', { count: g.mig.unusable.length })}` : '';
        return `${base} ${t('cluster.gpuMig', { profiles: instances.join('; ') || t('cluster.gpuMigEmpty') })}${unusable}`;
      }
      const migOff = g.slices ? ` ${t('cluster.gpuMigOff')}` : '';
      const users = g.replicas
        ? t('cluster.gpuTimeSliced', { replicas: g.replicas, count: g.pods.length, pods: g.pods.length ? `: ${g.pods.join(', ')}` : '' })
        : g.pods.length > 1
          ? t('cluster.gpuShared', { count: g.pods.length, pods: g.pods.join(', ') })
          : g.pods.length
            ? t('cluster.gpuUsedBy', { pods: g.pods[0]! })
            : t('cluster.gpuFree');
      return `${base}${migOff} ${users}`;
    },
    podGpus: (devices) =>
      t('cluster.podGpus', { devices: devices.map((d) => (d.profile ? t('cluster.podMig', { profile: d.profile, index: d.index }) : t('cluster.podGpu', { index: d.index }))).join(', ') }),
    migOff: t('cluster.migOff'),
    service: (s) => t('cluster.service', { name: s.name, type: s.type, ip: s.clusterIP, ready: s.endpoints.filter((e) => e.ready).length, total: s.endpoints.length }),
    services: t('cluster.services'),
    backOff: (seconds) => t('cluster.backOff', { seconds }),
    containerRunning: (ready) => (ready ? 'Running' : t('cluster.containerNotReady')),
    noPods: t('cluster.noPods'),
    cpu: t('cluster.cpu'),
    memory: t('cluster.memory'),
    pods: t('cluster.pods'),
  };
}
