import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { notSupported, required } from '../field-errors';
import { endpointSliceSchema } from '../schema/network';
import { validateObjectMeta } from '../validation/metadata';
import type { KindStrategy } from './strategy';

const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];

export const endpointSliceStrategy: KindStrategy<EndpointSlice> = {
  type: { kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], namespaced: true },
  schema: endpointSliceSchema,
  nameRule: 'subdomain',
  validate: (es) => {
    const errs = validateObjectMeta(es.metadata, true, 'subdomain');
    if (!es.addressType) errs.push(required('addressType', ''));
    else if (!ADDRESS_TYPES.includes(es.addressType)) errs.push(notSupported('addressType', es.addressType, ADDRESS_TYPES));
    es.endpoints?.forEach((e, i) => {
      if (!e.addresses?.length) errs.push(required(`endpoints[${i}].addresses`, 'must contain at least 1 address'));
    });
    return errs;
  },
};
