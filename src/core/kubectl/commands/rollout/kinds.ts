/** The kinds kubectl's rollout subcommands know (polymorphichelpers). */
export const ROLLOUT_KINDS = ['Deployment', 'DaemonSet', 'StatefulSet'];
