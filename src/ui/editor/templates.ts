import { GPU_SAMPLES, GPU_TOLERATION } from '../../core/gpu/samples';
import type { TemplateId } from './template-menu';
import { WELCOME_MANIFEST } from './welcome';

/**
 * The device plugin's documented test pod (NVIDIA's CUDA vector-add sample on one GPU), as the
 * core's GPU samples hold it. Imported from its own small file, not `core/index`, so that only
 * the sample text joins this lazily loaded chunk.
 */
const CUDA_VECTORADD = GPU_SAMPLES.find((s) => s.name === 'cuda-vectoradd')!.yaml;

/** Each template's manifest, by id. */
const TEXTS: Record<TemplateId, string> = {
  pod: WELCOME_MANIFEST.replace(/^# .*\n/, ''),
  'gpu-pod': `# Runs NVIDIA's CUDA vector-add sample on one whole GPU, then exits.\n${CUDA_VECTORADD}`,
  deployment: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
        resources:
          requests:
            cpu: 250m
            memory: 128Mi
`,
  service: `# Sends traffic to the ready pods labelled app=web (see the Deployment template).
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`,
  job: `apiVersion: batch/v1
kind: Job
metadata:
  name: countdown
spec:
  completions: 3
  parallelism: 2
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: count
        image: busybox:1.36
        command: ["sh", "-c", "for i in 5 4 3 2 1; do echo $i; sleep 1; done"]
`,
  // The same sample on one MIG instance instead of a whole GPU.
  'mig-pod': `# Asks for one 1g.5gb MIG instance: a node whose GPUs are partitioned with the
# mixed strategy advertises it (label the node nvidia.com/mig.config=all-1g.5gb).
${CUDA_VECTORADD.replace('name: cuda-vectoradd\n', 'name: mig-vectoradd\n').replace('nvidia.com/gpu: 1', 'nvidia.com/mig-1g.5gb: 1')}`,
  'time-sliced-pod': `# One replica of a time-sliced GPU: the device plugin advertises each GPU several
# times, and the pods that share it get no memory or fault isolation.
apiVersion: v1
kind: Pod
metadata:
  name: shared-gpu
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: nvidia.com/gpu.sharing-strategy
            operator: In
            values: ["time-slicing"]
  containers:
  - name: cuda
    image: nvcr.io/nvidia/cuda:12.5.0-base-ubuntu22.04
    command: ["sh", "-c", "while true; do sleep 30; done"]
    resources:
      limits:
        nvidia.com/gpu: 1
${GPU_TOLERATION}`,
  triton: `# Triton Inference Server on one GPU per replica, scaled by average queue time.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: triton
spec:
  replicas: 1
  selector:
    matchLabels:
      app: triton
  template:
    metadata:
      labels:
        app: triton
    spec:
      containers:
      - name: triton
        image: nvcr.io/nvidia/tritonserver:24.08-py3
        args: ["tritonserver", "--model-repository=/models"]
        ports:
        - { name: http, containerPort: 8000 }
        - { name: grpc, containerPort: 8001 }
        - { name: metrics, containerPort: 8002 }
        livenessProbe:
          httpGet: { path: /v2/health/live, port: http }
        readinessProbe:
          httpGet: { path: /v2/health/ready, port: http }
        startupProbe:
          httpGet: { path: /v2/health/ready, port: http }
          failureThreshold: 30
          periodSeconds: 10
        resources:
          limits:
            nvidia.com/gpu: 1
      tolerations:
      - key: nvidia.com/gpu
        operator: Exists
        effect: NoSchedule
---
apiVersion: v1
kind: Service
metadata:
  name: triton
spec:
  selector:
    app: triton
  ports:
  - { name: http, port: 8000, targetPort: http }
  - { name: grpc, port: 8001, targetPort: grpc }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: triton
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: triton
  minReplicas: 1
  maxReplicas: 3
  metrics:
  - type: Pods
    pods:
      metric:
        name: avg_time_queue_us
      target:
        type: AverageValue
        averageValue: "50"
`,
};

/** The manifest a template opens with (this module loads when a template is first chosen). */
export function templateText(id: TemplateId): string {
  return TEXTS[id];
}
