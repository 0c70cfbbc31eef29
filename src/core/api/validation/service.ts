import type { Service } from 'kubernetes-types/core/v1';
import { duplicate, type FieldError, forbidden, invalid, notSupported, required } from '../field-errors';
import { validateLabels, validateObjectMeta } from './metadata';
import { isDns1035Label } from './names';
import { isIPv4, NODE_PORT_MAX, NODE_PORT_MIN } from '../../network/allocators';

/** ValidateService (pkg/apis/core/validation) for the fields the simulation gives meaning to. */

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, 'dns1035-label');
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(type)) errs.push(notSupported('spec.type', type, TYPES));
  const headless = spec.clusterIP === 'None';
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push(required('spec.externalName', ''));
  } else if (!headless && (spec.ports ?? []).length === 0) {
    errs.push(required('spec.ports', ''));
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', 'may not be set to \'None\' for LoadBalancer or NodePort services'));
  }
  if (spec.clusterIP && !headless && !isIPv4(spec.clusterIP)) {
    errs.push(invalid('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  }
  const names = new Set<string>();
  const ports = spec.ports ?? [];
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(required(`${path}.name`, ''));
    if (p.name) {
      for (const msg of isDns1035Label(p.name)) errs.push(invalid(`${path}.name`, p.name, msg));
      if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (p.port === undefined) errs.push(required(`${path}.port`, ''));
    else if (p.port < 1 || p.port > 65535) errs.push(invalid(`${path}.port`, p.port, PORT_RANGE));
    if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
    if (typeof p.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535)) errs.push(invalid(`${path}.targetPort`, p.targetPort, PORT_RANGE));
    if (typeof p.targetPort === 'string' && !/^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/.test(p.targetPort)) {
      errs.push(invalid(`${path}.targetPort`, p.targetPort, 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'));
    }
    if (p.nodePort !== undefined) {
      if (type === 'ClusterIP') errs.push(forbidden(`${path}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
      else if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        errs.push(invalid(`${path}.nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
      }
    }
  });
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  return errs;
}

/** ValidateServiceUpdate: an allocated cluster IP may not change. */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateService(svc);
  const before = old.spec?.clusterIP;
  const after = svc.spec?.clusterIP;
  if (before && after !== before && old.spec?.type !== 'ExternalName' && svc.spec?.type !== 'ExternalName') {
    errs.push({ type: 'Invalid', field: 'spec.clusterIPs[0]', value: { __go: `[]string{${JSON.stringify(after ?? '')}}` }, detail: 'may not change once set' });
  }
  return errs;
}

