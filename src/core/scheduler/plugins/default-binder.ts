import type { BindPlugin } from '../framework';

/** DefaultBinder binds the pod to the node through the pods/binding subresource. */
export const DefaultBinder = {
  name: 'DefaultBinder',
  bind(_state, pod, nodeName, api) {
    return api.bind(pod.pod, nodeName);
  },
} satisfies BindPlugin;
