/**
 * The names and labels of the metric series components share through the MetricsStore, so
 * that producers and readers agree. Names follow the real exporters where one exists.
 */

/** Container CPU use in millicores, as the kubelet's resource metrics endpoint reports it (cAdvisor). Labels: namespace, pod, container, node. */
export const CONTAINER_CPU_USAGE = 'container_cpu_usage_millicores';
/** Container working-set memory in bytes (what OOM and `kubectl top` use). Labels: namespace, pod, container, node. */
export const CONTAINER_MEMORY_WORKING_SET = 'container_memory_working_set_bytes';
/** Node CPU use in millicores. Labels: node. */
export const NODE_CPU_USAGE = 'node_cpu_usage_millicores';
/** Node working-set memory in bytes. Labels: node. */
export const NODE_MEMORY_WORKING_SET = 'node_memory_working_set_bytes';

/** How often the kubelet's resource metrics are sampled (metrics-server scrapes every 15 s by default; the kubelet's cAdvisor housekeeping is 10 s). */
export const RESOURCE_METRICS_INTERVAL_MS = 10_000;
