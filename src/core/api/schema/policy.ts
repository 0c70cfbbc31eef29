import { arrayOf, mapOf, object, quantity, str } from './dsl';
import { statusAny, topLevel } from './meta';

/** Schemas of ResourceQuota and LimitRange (v1). */

const resourceList = (description: string) => mapOf(quantity(''), description);

export const resourceQuotaSchema = topLevel('ResourceQuota', 'Limits the total resources and object counts of a namespace.', {
  spec: object('ResourceQuotaSpec', 'The limits.', {
    hard: resourceList('Hard limits, e.g. pods: 10, requests.cpu: 4, requests.nvidia.com/gpu: 2, count/deployments.apps: 5.'),
    scopes: arrayOf(str('', ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity']), 'Only objects in these scopes count.'),
    scopeSelector: object('ScopeSelector', 'Scopes selected by expressions.', {
      matchExpressions: arrayOf(object('ScopedResourceSelectorRequirement', 'A scope requirement.', {
        scopeName: str('The scope.'),
        operator: str('In, NotIn, Exists or DoesNotExist.', ['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: arrayOf(str(''), 'Values.'),
      }, ['scopeName', 'operator']), 'Requirements.'),
    }),
  }),
  status: statusAny,
});

export const limitRangeSchema = topLevel('LimitRange', 'Default and allowed resource requests and limits in a namespace.', {
  spec: object('LimitRangeSpec', 'The limits.', {
    limits: arrayOf(object('LimitRangeItem', 'Limits for one type of object.', {
      type: str('Container, Pod or PersistentVolumeClaim.', ['Container', 'Pod', 'PersistentVolumeClaim']),
      max: resourceList('Largest allowed limit.'),
      min: resourceList('Smallest allowed request.'),
      default: resourceList('Limit given to containers that set none.'),
      defaultRequest: resourceList('Request given to containers that set none.'),
      maxLimitRequestRatio: resourceList('Largest allowed limit / request ratio.'),
    }, ['type']), 'The limit items.'),
  }, ['limits']),
});
