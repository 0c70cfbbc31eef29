import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../store/object-store';

/**
 * The Service variables the kubelet adds to every container (kubelet getServiceEnvVarMap and
 * pkg/kubelet/envvars FromServices): `default/kubernetes` always, and with enableServiceLinks
 * (the default) every Service of the pod's namespace that has a cluster IP, as
 * `WEB_SERVICE_HOST`, `WEB_SERVICE_PORT[_NAME]` and the Docker-link `WEB_PORT…` variables. They
 * come after the container's own variables and never replace one. The kubelet walks Go maps, so
 * the real order varies; Kubelab lists Services by name.
 */
export function serviceEnvironment(store: ObjectStore, pod: Pod): Record<string, string> {
  const ns = pod.metadata?.namespace ?? 'default';
  const links = pod.spec?.enableServiceLinks ?? true;
  const chosen = new Map<string, Service>();
  for (const s of store.list<Service>('Service')) {
    if (!hasClusterIP(s)) continue;
    const name = s.metadata!.name!;
    if (s.metadata?.namespace === 'default' && name === 'kubernetes') chosen.set(name, chosen.get(name) ?? s);
    else if (s.metadata?.namespace === ns && links) chosen.set(name, s);
  }
  const env: Record<string, string> = {};
  for (const name of [...chosen.keys()].sort()) Object.assign(env, variablesOf(chosen.get(name)!));
  return env;
}

const hasClusterIP = (s: Service): boolean => !!s.spec?.clusterIP && s.spec.clusterIP !== 'None';

const variableName = (s: string): string => s.replace(/-/g, '_').toUpperCase();

function variablesOf(s: Service): Record<string, string> {
  const prefix = variableName(s.metadata!.name!);
  const ip = s.spec!.clusterIP!;
  const ports = s.spec?.ports ?? [];
  const env: Record<string, string> = { [`${prefix}_SERVICE_HOST`]: ip };
  if (ports[0]) env[`${prefix}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) if (p.name) env[`${prefix}_SERVICE_PORT_${variableName(p.name)}`] = String(p.port);
  ports.forEach((p, i) => {
    const protocol = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${protocol}://${ip}:${p.port}`;
    // Docker special-cases the first port.
    if (i === 0) env[`${prefix}_PORT`] = url;
    const portPrefix = `${prefix}_PORT_${p.port}_${protocol.toUpperCase()}`;
    env[portPrefix] = url;
    env[`${portPrefix}_PROTO`] = protocol;
    env[`${portPrefix}_PORT`] = String(p.port);
    env[`${portPrefix}_ADDR`] = ip;
  });
  return env;
}
