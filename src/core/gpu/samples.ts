/**
 * Sample GPU workloads the UI can offer, each tolerating the optional `nvidia.com/gpu` NoSchedule
 * taint as NVIDIA's examples do: the device plugin's documented test pod (CUDA vector add), a pod
 * on one MIG slice (mixed strategy), and a PyTorch training Job.
 */
export interface GpuSample {
  readonly name: string;
  readonly description: string;
  readonly yaml: string;
}

/** The toleration the samples carry for the opt-in `nvidia.com/gpu=present:NoSchedule` taint of GPU pools (a pod spec's tail). */
export const GPU_TOLERATION = `  tolerations:
  - key: nvidia.com/gpu
    operator: Exists
    effect: NoSchedule
`;

export const GPU_SAMPLES: readonly GpuSample[] = [
  {
    name: 'cuda-vectoradd',
    description: "The NVIDIA device plugin's test pod: adds two vectors on one GPU, prints Test PASSED and exits.",
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: cuda-vectoradd
spec:
  restartPolicy: OnFailure
  containers:
  - name: cuda-vectoradd
    image: nvcr.io/nvidia/k8s/cuda-sample:vectoradd-cuda12.5.0
    resources:
      limits:
        nvidia.com/gpu: 1
${GPU_TOLERATION}`,
  },
  {
    name: 'mig-slice',
    description: 'A pod on one 1g.5gb MIG slice of an A100 (needs a MIG layout and the mixed strategy); it lists the device it sees.',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: mig-slice
spec:
  containers:
  - name: cuda
    image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
    command: [sh, -c, 'nvidia-smi -L; sleep infinity']
    resources:
      limits:
        nvidia.com/mig-1g.5gb: 1
${GPU_TOLERATION}`,
  },
  {
    name: 'pytorch-training',
    description: 'A PyTorch training Job on one GPU: about 95 % utilisation for 10 epochs of 30 s.',
    yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: pytorch-training
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pytorch
        image: nvcr.io/nvidia/pytorch:25.01-py3
        command: [python, train.py]
        resources:
          limits:
            nvidia.com/gpu: 1
      tolerations:
      - key: nvidia.com/gpu
        operator: Exists
        effect: NoSchedule
`,
  },
];
