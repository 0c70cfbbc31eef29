/**
 * How long the kubelet's own steps take, as data. Network-bound steps (sandbox and CNI, pulls)
 * vary and are drawn from a range with the seeded RNG; local steps (creating and starting a
 * container from an image already on disk) take a fixed time, which keeps restart sequences
 * exact to the millisecond. Intervals are the kubelet's real defaults.
 */
export const KUBELET_TIMINGS = {
  /** A newly bound pod is picked up by its pod worker within a few hundred milliseconds. */
  podWorkerPickupMs: [100, 300] as const,
  /** The pause container and the CNI ADD that gives the pod its IP. */
  sandboxMs: [400, 1200] as const,
  /** CRI CreateContainer for an image already on disk. */
  createContainerMs: 100,
  /** CRI StartContainer. */
  startContainerMs: 150,
  /** The generic PLEG relists containers every second: an exit is acted on one second later. */
  plegRelistMs: 1000,
  /** A pull of an image already in the cache (imagePullPolicy: Always) only resolves the manifest. */
  manifestCheckMs: [300, 900] as const,
  /** kubelet nodeLease renewInterval: a quarter of leaseDurationSeconds (40 s). */
  leaseRenewMs: 10_000,
  leaseDurationSeconds: 40,
  /** nodeStatusUpdateFrequency: how often the kubelet computes its node status. */
  nodeStatusUpdateMs: 10_000,
  /** nodeStatusReportFrequency: an unchanged status is still posted this often. */
  nodeStatusReportMs: 5 * 60_000,
  /** The eviction manager's monitoring period (housekeeping interval). */
  evictionMonitoringMs: 10_000,
  /** evictionPressureTransitionPeriod: a pressure condition stays True this long after the signal clears. */
  pressureTransitionMs: 5 * 60_000,
  /** Time from power-on to a running kubelet (firmware, kernel, systemd). */
  bootMs: [35_000, 55_000] as const,
  /** killContainer never uses a grace period below two seconds (minimumGracePeriodInSeconds). */
  minimumGracePeriodMs: 2000,
  /** The one-off extension granted when a preStop hook is still running as the grace period ends. */
  preStopExtensionMs: 2000,
} as const;
