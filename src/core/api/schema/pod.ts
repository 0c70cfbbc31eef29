import { any, arrayOf, bool, int, intOrString, mapOf, object, quantity, str, stringMap, type Schema } from './dsl';
import { labelSelector, objectMeta, statusAny, topLevel } from './meta';

const resourceList = (description: string): Schema => mapOf(quantity(''), description);

const keySelector = (typeName: string, what: string) =>
  object(typeName, `Selects one key of a ${what}.`, {
    name: str(`Name of the ${what}.`),
    key: str('The key to read.'),
    optional: bool(`Whether the ${what} or its key may be missing.`),
  }, ['key']);

const envVar = object('EnvVar', 'An environment variable for a container.', {
  name: str('Name of the variable.'),
  value: str('Literal value. $(VAR) references to earlier variables are expanded.'),
  valueFrom: object('EnvVarSource', 'Where the value comes from when it is not literal.', {
    configMapKeyRef: keySelector('ConfigMapKeySelector', 'ConfigMap'),
    secretKeyRef: keySelector('SecretKeySelector', 'Secret'),
    fieldRef: object('ObjectFieldSelector', 'A field of the pod, e.g. metadata.name or status.podIP.', {
      apiVersion: str('API version the field path is written in.'),
      fieldPath: str('Path of the field to expose.'),
    }, ['fieldPath']),
    resourceFieldRef: object('ResourceFieldSelector', "A container's resource request or limit.", {
      containerName: str('Container whose resources are read.'),
      resource: str('Resource to expose, e.g. limits.cpu.'),
      divisor: quantity('Unit the value is expressed in.'),
    }, ['resource']),
  }),
}, ['name']);

const envFromSource = object('EnvFromSource', 'Imports every key of a ConfigMap or Secret as variables.', {
  prefix: str('Prefix added to every variable name.'),
  configMapRef: object('ConfigMapEnvSource', 'The ConfigMap to import.', { name: str('Name of the ConfigMap.'), optional: bool('Whether it may be missing.') }),
  secretRef: object('SecretEnvSource', 'The Secret to import.', { name: str('Name of the Secret.'), optional: bool('Whether it may be missing.') }),
});

const handlerProps = {
  exec: object('ExecAction', 'Runs a command inside the container; exit status 0 means success.', {
    command: arrayOf(str(''), 'The command and its arguments; not run in a shell.'),
  }),
  httpGet: object('HTTPGetAction', 'An HTTP GET; a status from 200 to 399 means success.', {
    path: str('Path to request.'),
    port: intOrString('Port number or name.'),
    host: str('Host to connect to; defaults to the pod IP.'),
    scheme: str('Scheme to use.', ['HTTP', 'HTTPS']),
    httpHeaders: arrayOf(object('HTTPHeader', 'A request header.', { name: str('Header name.'), value: str('Header value.') }, ['name', 'value']), 'Extra request headers.'),
  }, ['port']),
  tcpSocket: object('TCPSocketAction', 'Opens a TCP connection; success if it connects.', {
    port: intOrString('Port number or name.'),
    host: str('Host to connect to; defaults to the pod IP.'),
  }, ['port']),
};

const probe = object('Probe', 'A periodic check the kubelet runs against a container.', {
  ...handlerProps,
  grpc: object('GRPCAction', 'A gRPC health check.', { port: int('Port number.'), service: str('Service name for the health check.') }, ['port']),
  initialDelaySeconds: int('Seconds after the container starts before the first probe. Default 0.'),
  timeoutSeconds: int('Seconds after which one probe times out. Default 1.'),
  periodSeconds: int('Seconds between probes. Default 10.'),
  successThreshold: int('Consecutive successes to count as passing after a failure. Default 1 (and must be 1 for liveness and startup).'),
  failureThreshold: int('Consecutive failures to count as failing. Default 3.'),
  terminationGracePeriodSeconds: int('Grace period used when this probe fails and the container is killed.', 'int64'),
});

const lifecycleHandler = object('LifecycleHandler', 'An action run at a point of the container lifecycle.', {
  ...handlerProps,
  sleep: object('SleepAction', 'Waits before continuing.', { seconds: int('Seconds to sleep.', 'int64') }, ['seconds']),
});

const containerPort = object('ContainerPort', 'A network port the container listens on.', {
  name: str('A name for the port, unique in the pod, usable by Services.'),
  containerPort: int('Port number in the pod IP.'),
  hostPort: int("Port number on the node's IP that forwards to the container port."),
  hostIP: str('Host IP to bind the host port to.'),
  protocol: str('Protocol. Default TCP.', ['TCP', 'UDP', 'SCTP']),
}, ['containerPort']);

const volumeMount = object('VolumeMount', 'Mounts a pod volume into the container.', {
  name: str('Name of a volume of the pod.'),
  mountPath: str('Path in the container to mount at.'),
  readOnly: bool('Mount read-only.'),
  subPath: str('Mount only this path within the volume.'),
  mountPropagation: str('How mounts propagate between host and container.'),
}, ['name', 'mountPath']);

export const container = object('Container', 'One application container in a pod.', {
  name: str('Name of the container, unique in the pod (a DNS label).'),
  image: str('Container image to run, e.g. nginx:1.27.'),
  command: arrayOf(str(''), "Entrypoint; replaces the image's ENTRYPOINT. Not run in a shell."),
  args: arrayOf(str(''), "Arguments to the entrypoint; replace the image's CMD."),
  workingDir: str('Working directory.'),
  ports: arrayOf(containerPort, 'Ports the container exposes (informational, except for host ports).'),
  env: arrayOf(envVar, 'Environment variables.'),
  envFrom: arrayOf(envFromSource, 'Environment imported from ConfigMaps and Secrets.'),
  resources: object('ResourceRequirements', 'Compute resources the container needs (requests) and may use (limits).', {
    limits: resourceList('The most the container may use. Extended resources such as nvidia.com/gpu are set here.'),
    requests: resourceList('What the scheduler reserves for the container. Defaults to the limits when only limits are set.'),
    claims: any('Dynamic resource claims used by the container.'),
  }),
  volumeMounts: arrayOf(volumeMount, 'Volumes to mount into the filesystem.'),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: object('Lifecycle', 'Actions run after the container starts and before it is stopped.', {
    postStart: lifecycleHandler,
    preStop: lifecycleHandler,
  }),
  terminationMessagePath: str('File whose contents become the termination message.'),
  terminationMessagePolicy: str('Where the termination message comes from.', ['File', 'FallbackToLogsOnError']),
  imagePullPolicy: str('When to pull the image. Default Always for :latest or no tag, otherwise IfNotPresent.', ['Always', 'IfNotPresent', 'Never']),
  restartPolicy: str('Only for init containers: Always makes it a sidecar that keeps running.', ['Always']),
  securityContext: any('Security options for the container.'),
  stdin: bool('Keep a stdin buffer open.'),
  stdinOnce: bool('Close stdin after the first attach.'),
  tty: bool('Allocate a TTY.'),
}, ['name']);

const toleration = object('Toleration', 'Allows the pod onto nodes with a matching taint.', {
  key: str('Taint key to match; empty with operator Exists matches every taint.'),
  operator: str('Exists matches any value; Equal needs the value to match. Default Equal.', ['Exists', 'Equal']),
  value: str('Taint value to match with Equal.'),
  effect: str('Taint effect to match; empty matches all effects.', ['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
  tolerationSeconds: int('For NoExecute: how long the pod stays bound after the taint appears.', 'int64'),
});

const nodeSelectorRequirement = object('NodeSelectorRequirement', 'A node label key, an operator and values.', {
  key: str('Label key.'),
  operator: str('How the key relates to the values.', ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
  values: arrayOf(str(''), 'Values; one integer for Gt and Lt, none for Exists and DoesNotExist.'),
}, ['key', 'operator']);

const nodeSelectorTerm = object('NodeSelectorTerm', 'Requirements that are ANDed.', {
  matchExpressions: arrayOf(nodeSelectorRequirement, 'Requirements on node labels.'),
  matchFields: arrayOf(nodeSelectorRequirement, 'Requirements on node fields (metadata.name).'),
});

const podAffinityTerm = object('PodAffinityTerm', 'Pods (selected by labels, in namespaces) that must or must not share a topology domain with this one.', {
  labelSelector,
  namespaceSelector: labelSelector,
  namespaces: arrayOf(str(''), "Namespaces to look in; default the pod's own."),
  topologyKey: str('Node label whose value defines the domain (kubernetes.io/hostname, topology.kubernetes.io/zone, …).'),
  matchLabelKeys: arrayOf(str(''), "Label keys whose values are taken from this pod and added to the selector."),
  mismatchLabelKeys: arrayOf(str(''), 'Label keys whose values must differ.'),
}, ['topologyKey']);

const weightedPodAffinityTerm = object('WeightedPodAffinityTerm', 'A preference with a weight from 1 to 100.', {
  weight: int('Weight of the preference.'),
  podAffinityTerm,
}, ['weight', 'podAffinityTerm']);

const podAffinityKind = (typeName: string, what: string) =>
  object(typeName, what, {
    requiredDuringSchedulingIgnoredDuringExecution: arrayOf(podAffinityTerm, 'Hard rules: all must hold.'),
    preferredDuringSchedulingIgnoredDuringExecution: arrayOf(weightedPodAffinityTerm, 'Soft rules, scored by weight.'),
  });

const affinity = object('Affinity', 'Scheduling constraints relative to node labels and to other pods.', {
  nodeAffinity: object('NodeAffinity', 'Constraints on the labels of the node.', {
    requiredDuringSchedulingIgnoredDuringExecution: object('NodeSelector', 'Terms that are ORed; a node must match one.', {
      nodeSelectorTerms: arrayOf(nodeSelectorTerm, 'The terms.'),
    }, ['nodeSelectorTerms']),
    preferredDuringSchedulingIgnoredDuringExecution: arrayOf(object('PreferredSchedulingTerm', 'A weighted preference.', {
      weight: int('Weight from 1 to 100.'),
      preference: nodeSelectorTerm,
    }, ['weight', 'preference']), 'Soft rules, scored by weight.'),
  }),
  podAffinity: podAffinityKind('PodAffinity', 'Place the pod near matching pods.'),
  podAntiAffinity: podAffinityKind('PodAntiAffinity', 'Keep the pod away from matching pods.'),
});

const topologySpreadConstraint = object('TopologySpreadConstraint', 'Spreads matching pods evenly across topology domains.', {
  maxSkew: int('Largest allowed difference in matching pods between two domains.'),
  topologyKey: str('Node label that defines the domains.'),
  whenUnsatisfiable: str('What to do when the spread cannot be kept.', ['DoNotSchedule', 'ScheduleAnyway']),
  labelSelector,
  minDomains: int('Minimum number of eligible domains.'),
  nodeAffinityPolicy: str('Whether node affinity limits the domains.', ['Honor', 'Ignore']),
  nodeTaintsPolicy: str('Whether taints limit the domains.', ['Honor', 'Ignore']),
  matchLabelKeys: arrayOf(str(''), "Label keys whose values are taken from this pod and added to the selector."),
}, ['maxSkew', 'topologyKey', 'whenUnsatisfiable']);

const keyToPath = object('KeyToPath', 'Projects one key to a file path.', {
  key: str('Key to project.'),
  path: str('Relative file path.'),
  mode: int('File mode bits.'),
}, ['key', 'path']);

const volume = object('Volume', 'A named volume that containers can mount.', {
  name: str('Name of the volume, unique in the pod.'),
  emptyDir: object('EmptyDirVolumeSource', 'A scratch directory that lives as long as the pod.', {
    medium: str('Storage medium; "Memory" uses tmpfs.'),
    sizeLimit: quantity('Most storage the volume may use.'),
  }),
  configMap: object('ConfigMapVolumeSource', 'Files from the keys of a ConfigMap.', {
    name: str('Name of the ConfigMap.'),
    items: arrayOf(keyToPath, 'Keys to project; default all.'),
    defaultMode: int('Mode bits for the files.'),
    optional: bool('Whether the ConfigMap may be missing.'),
  }),
  secret: object('SecretVolumeSource', 'Files from the keys of a Secret.', {
    secretName: str('Name of the Secret.'),
    items: arrayOf(keyToPath, 'Keys to project; default all.'),
    defaultMode: int('Mode bits for the files.'),
    optional: bool('Whether the Secret may be missing.'),
  }),
  persistentVolumeClaim: object('PersistentVolumeClaimVolumeSource', 'A PersistentVolumeClaim in the same namespace.', {
    claimName: str('Name of the claim.'),
    readOnly: bool('Mount read-only.'),
  }, ['claimName']),
  hostPath: object('HostPathVolumeSource', 'A file or directory of the node.', {
    path: str('Path on the node.'),
    type: str('What must be at the path.'),
  }, ['path']),
  downwardAPI: any('Pod fields exposed as files.'),
  projected: any('Several sources projected into one directory.'),
  ephemeral: any('A volume claimed for the lifetime of the pod.'),
  csi: any('A volume from a CSI driver.'),
  nfs: any('An NFS export.'),
}, ['name']);

export const podSpec = object('PodSpec', 'The desired behaviour of a pod.', {
  containers: arrayOf(container, 'The containers of the pod. At least one.'),
  initContainers: arrayOf(container, 'Containers run to completion, in order, before the others start; with restartPolicy Always they are sidecars.'),
  ephemeralContainers: any('Debugging containers added to a running pod.'),
  restartPolicy: str('Restart policy for all containers. Default Always.', ['Always', 'OnFailure', 'Never']),
  terminationGracePeriodSeconds: int('Seconds between the termination signal and the kill. Default 30.', 'int64'),
  activeDeadlineSeconds: int('Seconds the pod may be active before it is failed.', 'int64'),
  dnsPolicy: str('How DNS is configured for the pod. Default ClusterFirst.', ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']),
  dnsConfig: any('Extra DNS settings.'),
  nodeSelector: stringMap('Node labels the node must have to run the pod.'),
  serviceAccountName: str('Service account the pod runs as. Default "default".'),
  serviceAccount: str('Deprecated alias of serviceAccountName.'),
  automountServiceAccountToken: bool('Mount the service account token.'),
  nodeName: str('Bind the pod to this node directly, bypassing the scheduler.'),
  hostNetwork: bool("Use the node's network namespace."),
  hostPID: bool("Use the node's process namespace."),
  hostIPC: bool("Use the node's IPC namespace."),
  shareProcessNamespace: bool('Share one process namespace between the containers.'),
  securityContext: any('Security options for the whole pod.'),
  imagePullSecrets: arrayOf(object('LocalObjectReference', 'A reference to a Secret in the same namespace.', { name: str('Name of the Secret.') }), 'Secrets used to pull images.'),
  hostname: str('Hostname of the pod; default the pod name.'),
  subdomain: str('Subdomain, for a DNS name under a headless Service.'),
  affinity,
  schedulerName: str('Scheduler profile that schedules the pod. Default "default-scheduler".'),
  tolerations: arrayOf(toleration, 'Taints the pod tolerates.'),
  hostAliases: any('Extra /etc/hosts entries.'),
  priorityClassName: str('PriorityClass giving the pod its priority.'),
  priority: int('Priority value; set from priorityClassName by admission.'),
  preemptionPolicy: str('Whether the pod may preempt lower-priority pods.', ['PreemptLowerPriority', 'Never']),
  readinessGates: arrayOf(object('PodReadinessGate', 'An extra condition that must be true for readiness.', { conditionType: str('Condition type.') }, ['conditionType']), 'Extra readiness conditions.'),
  runtimeClassName: str('RuntimeClass to run the pod with.'),
  enableServiceLinks: bool('Inject Service environment variables. Default true.'),
  overhead: mapOf(quantity(''), 'Resources the pod sandbox itself uses, set from the RuntimeClass.'),
  topologySpreadConstraints: arrayOf(topologySpreadConstraint, 'How matching pods spread across domains.'),
  volumes: arrayOf(volume, 'Volumes the containers can mount.'),
  os: object('PodOS', 'Operating system of the pod.', { name: str('linux or windows.') }, ['name']),
  resourceClaims: any('Dynamic resource claims of the pod.'),
  setHostnameAsFQDN: bool('Set the hostname to the fully qualified domain name.'),
});

export const podSchema = topLevel('Pod', 'The smallest deployable unit: one or more containers sharing a network and volumes, run on one node.', {
  spec: podSpec,
  status: statusAny,
});

export const podTemplateSpec = object('PodTemplateSpec', 'The pods a controller creates.', {
  metadata: objectMeta,
  spec: podSpec,
});
