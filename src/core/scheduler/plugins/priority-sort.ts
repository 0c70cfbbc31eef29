import type { QueueSortPlugin } from '../framework';

/**
 * PrioritySort orders the active queue: higher spec.priority first, then the pod that has
 * waited longest since it was last queued (queuesort.PrioritySort.Less).
 */
export const PrioritySort = {
  name: 'PrioritySort',
  less(a, b) {
    return a.priority > b.priority || (a.priority === b.priority && a.timestamp < b.timestamp);
  },
} satisfies QueueSortPlugin;
