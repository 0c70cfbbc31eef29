import type { Stream, Usage } from './process';

/**
 * The workload catalogue: what a container does, keyed by the program it runs (after the image's
 * ENTRYPOINT/CMD and the pod's command/args are combined) and, where it matters, by image. One
 * interpreter (interpreter.ts) turns an entry into a running process. Log lines are templates:
 * {nginxTime}, {redisTime}, {httpdTime}, {glogTime}, {podIP}, {hostname}, {port} and {kernel}
 * are filled in when the line is written. docs/workloads.md lists every entry.
 */
export interface LogTemplate {
  readonly text: string;
  readonly stream?: Stream;
}

/** How a program answers the stop signal (the image's STOPSIGNAL, else SIGTERM). */
export interface StopSpec {
  /** Whether the program handles the signal. As PID 1, a program without a handler ignores it. */
  readonly handles: boolean;
  readonly exitAfterMs?: readonly [number, number];
  readonly code?: number;
  readonly logs?: readonly LogTemplate[];
}

export interface ServerSpec {
  readonly ports: readonly { readonly port: number; readonly protocol: 'http' | 'tcp' }[];
  /** Take the port from the last numeric argument (python -m http.server 8080). */
  readonly portFromArgs?: boolean;
  readonly startupMs: readonly [number, number];
  /** Written as the process starts. */
  readonly startupLogs: readonly LogTemplate[];
  /** Written when it starts serving. */
  readonly readyLogs: readonly LogTemplate[];
  readonly routes?: Readonly<Record<string, number>>;
  readonly defaultStatus?: number;
  readonly accessLog?: 'nginx' | 'httpd' | 'python';
  /** Python buffers stdout when it is not a terminal: those lines appear only with PYTHONUNBUFFERED or -u. */
  readonly bufferedStdout?: boolean;
  readonly usage: Usage;
  readonly stop: StopSpec;
}

export interface TrainingSpec {
  readonly epochs: number;
  readonly epochMs: number;
  readonly startupLogs: readonly LogTemplate[];
  readonly usage: Usage;
  readonly withoutGpu: readonly LogTemplate[];
}

export type Behaviour =
  /** `sh -c script` runs the shell interpreter; a bare shell with no terminal exits at once. */
  | { readonly kind: 'shell' }
  /** One command the shell knows (echo, sleep, printenv …), run as the container's program. */
  | { readonly kind: 'command' }
  /** A program that exits at once (a REPL or entrypoint with no terminal). */
  | { readonly kind: 'exit-now'; readonly code: number; readonly logs?: readonly LogTemplate[] }
  | { readonly kind: 'server'; readonly server: ServerSpec }
  | { readonly kind: 'training'; readonly training: TrainingSpec }
  | { readonly kind: 'cuda-sample'; readonly passed: readonly LogTemplate[]; readonly failed: readonly LogTemplate[] }
  /** stress --vm N --vm-bytes B --cpu N: allocates and spins, as the docs' memory examples use it. */
  | { readonly kind: 'stress' }
  /** nginx -s quit|stop: signals the running master and exits. */
  | { readonly kind: 'nginx-signal' }
  /** A long-running process we know nothing about. */
  | { readonly kind: 'idle'; readonly usage: Usage; readonly stop: StopSpec };

export interface WorkloadEntry {
  readonly id: string;
  readonly description: string;
  /** The program's name (basename of argv[0] after wrapper entrypoints). */
  readonly programs: readonly string[];
  /** Arguments that must all be present. */
  readonly argsInclude?: readonly string[];
  /** Only when argv is the program alone. */
  readonly noArgs?: boolean;
  /** Only for these image repositories. */
  readonly images?: readonly string[];
  readonly behaviour: Behaviour;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Entrypoint wrappers that exec the real program: skipped when matching. */
export const WRAPPER_ENTRYPOINTS = ['docker-entrypoint.sh', 'nvidia_entrypoint.sh', 'tini', 'dumb-init', '--'];

export const SHELLS = ['sh', 'bash', 'ash', 'dash'];

const NGINX_STARTUP: readonly LogTemplate[] = [
  { text: '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration' },
  { text: '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/' },
  { text: '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh' },
  { text: '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf' },
  { text: '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf' },
  { text: '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh' },
  { text: '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh' },
  { text: '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh' },
  { text: '/docker-entrypoint.sh: Configuration complete; ready for start up' },
];

const NGINX_READY: readonly LogTemplate[] = [
  { text: '{nginxTime} [notice] 1#1: using the "epoll" event method', stream: 'stderr' },
  { text: '{nginxTime} [notice] 1#1: nginx/1.27.5', stream: 'stderr' },
  { text: '{nginxTime} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ', stream: 'stderr' },
  { text: '{nginxTime} [notice] 1#1: OS: Linux {kernel}', stream: 'stderr' },
  { text: '{nginxTime} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576', stream: 'stderr' },
  { text: '{nginxTime} [notice] 1#1: start worker processes', stream: 'stderr' },
  { text: '{nginxTime} [notice] 1#1: start worker process 29', stream: 'stderr' },
];

export const CATALOGUE: readonly WorkloadEntry[] = [
  {
    id: 'shell',
    description: 'sh / bash with -c: a small real interpreter for sleep, echo, exit, &&, ||, ;, while, for, if, trap and a few busybox applets. A shell with no script and no terminal exits 0 at once.',
    programs: SHELLS,
    behaviour: { kind: 'shell' },
  },
  {
    id: 'command',
    description: 'A single command the shell knows, run as the main process: sleep N, echo, printenv, date, cat, true, false.',
    programs: ['sleep', 'echo', 'printf', 'printenv', 'env', 'date', 'cat', 'true', 'false', 'hostname', 'ls', 'touch', 'seq'],
    behaviour: { kind: 'command' },
  },
  {
    id: 'nginx-signal',
    description: 'nginx -s quit|stop (a preStop hook): tells the running nginx to shut down.',
    programs: ['nginx'],
    argsInclude: ['-s'],
    behaviour: { kind: 'nginx-signal' },
  },
  {
    id: 'nginx-version',
    description: 'nginx -v (as kubectl exec runs it): prints its version on stderr and exits 0.',
    programs: ['nginx'],
    argsInclude: ['-v'],
    behaviour: { kind: 'exit-now', code: 0, logs: [{ text: 'nginx version: nginx/1.27.5', stream: 'stderr' }] },
  },
  {
    id: 'nginx',
    description: 'nginx: serves / with 200 on port 80 within a second; logs probe requests; shuts down gracefully on SIGQUIT (its STOPSIGNAL).',
    programs: ['nginx'],
    behaviour: {
      kind: 'server',
      server: {
        ports: [{ port: 80, protocol: 'http' }],
        startupMs: [300, 900],
        startupLogs: NGINX_STARTUP,
        readyLogs: NGINX_READY,
        routes: { '/': 200, '/index.html': 200, '/50x.html': 200 },
        defaultStatus: 404,
        accessLog: 'nginx',
        usage: { cpuMillis: 1, memoryBytes: 8 * MiB, memoryRampMs: 500 },
        stop: {
          handles: true,
          exitAfterMs: [80, 200],
          code: 0,
          logs: [
            { text: '{nginxTime} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down', stream: 'stderr' },
            { text: '{nginxTime} [notice] 29#29: gracefully shutting down', stream: 'stderr' },
            { text: '{nginxTime} [notice] 29#29: exiting', stream: 'stderr' },
            { text: '{nginxTime} [notice] 29#29: exit', stream: 'stderr' },
            { text: '{nginxTime} [notice] 1#1: signal 17 (SIGCHLD) received from 29', stream: 'stderr' },
            { text: '{nginxTime} [notice] 1#1: worker process 29 exited with code 0', stream: 'stderr' },
            { text: '{nginxTime} [notice] 1#1: exit', stream: 'stderr' },
          ],
        },
      },
    },
  },
  {
    id: 'httpd',
    description: 'Apache httpd: serves / with 200 on port 80; stops gracefully on SIGWINCH (its STOPSIGNAL).',
    programs: ['httpd-foreground', 'httpd'],
    behaviour: {
      kind: 'server',
      server: {
        ports: [{ port: 80, protocol: 'http' }],
        startupMs: [400, 1000],
        startupLogs: [
          { text: "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message", stream: 'stderr' },
          { text: "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message", stream: 'stderr' },
        ],
        readyLogs: [
          { text: '[{httpdTime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations', stream: 'stderr' },
          { text: "[{httpdTime}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'", stream: 'stderr' },
        ],
        routes: { '/': 200, '/index.html': 200 },
        defaultStatus: 404,
        accessLog: 'httpd',
        usage: { cpuMillis: 1, memoryBytes: 12 * MiB, memoryRampMs: 500 },
        stop: {
          handles: true,
          exitAfterMs: [100, 400],
          code: 0,
          logs: [{ text: '[{httpdTime}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully', stream: 'stderr' }],
        },
      },
    },
  },
  {
    id: 'redis',
    description: 'redis-server: accepts TCP connections on 6379 (redis-cli ping answers PONG); saves and exits 0 on SIGTERM.',
    programs: ['redis-server'],
    behaviour: {
      kind: 'server',
      server: {
        ports: [{ port: 6379, protocol: 'tcp' }],
        startupMs: [50, 200],
        startupLogs: [
          { text: '1:C {redisTime} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo' },
          { text: '1:C {redisTime} * Redis version=8.0.3, bits=64, commit=00000000, modified=1, pid=1, just started' },
          { text: '1:C {redisTime} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf' },
          { text: '1:M {redisTime} * monotonic clock: POSIX clock_gettime' },
          { text: '1:M {redisTime} * Running mode=standalone, port=6379.' },
          { text: '1:M {redisTime} * Server initialized' },
        ],
        readyLogs: [{ text: '1:M {redisTime} * Ready to accept connections tcp' }],
        usage: { cpuMillis: 3, memoryBytes: 4 * MiB, memoryRampMs: 200 },
        stop: {
          handles: true,
          exitAfterMs: [50, 300],
          code: 0,
          logs: [
            { text: '1:signal-handler ({redisTime}) Received SIGTERM scheduling shutdown...' },
            { text: '1:M {redisTime} * User requested shutdown...' },
            { text: '1:M {redisTime} * Saving the final RDB snapshot before exiting.' },
            { text: '1:M {redisTime} * DB saved on disk' },
            { text: '1:M {redisTime} # Redis is now ready to exit, bye bye...' },
          ],
        },
      },
    },
  },
  {
    id: 'python-http-server',
    description: 'python -m http.server [port]: serves the working directory (default port 8000). Its "Serving HTTP" line is buffered and only shows with PYTHONUNBUFFERED=1 or python -u; access logs go to stderr. As PID 1 it ignores SIGTERM.',
    programs: ['python', 'python3'],
    argsInclude: ['-m', 'http.server'],
    behaviour: {
      kind: 'server',
      server: {
        ports: [{ port: 8000, protocol: 'http' }],
        portFromArgs: true,
        startupMs: [150, 400],
        startupLogs: [],
        readyLogs: [{ text: 'Serving HTTP on 0.0.0.0 port {port} (http://0.0.0.0:{port}/) ...' }],
        routes: { '/': 200 },
        defaultStatus: 404,
        accessLog: 'python',
        bufferedStdout: true,
        usage: { cpuMillis: 1, memoryBytes: 18 * MiB, memoryRampMs: 300 },
        stop: { handles: false },
      },
    },
  },
  {
    id: 'pytorch-training',
    description: 'A PyTorch training script (python/torchrun in nvcr.io/nvidia/pytorch): 10 epochs of 30 s at ~95 % GPU utilisation, then exits 0. Without a GPU it fails with "No CUDA GPUs are available".',
    programs: ['python', 'python3', 'torchrun'],
    images: ['nvcr.io/nvidia/pytorch'],
    behaviour: {
      kind: 'training',
      training: {
        epochs: 10,
        epochMs: 30_000,
        startupLogs: [
          { text: '=============\n== PyTorch ==\n=============\n\nNVIDIA Release 25.01 (build 134983853)\nPyTorch Version 2.6.0a0+ecf3bae' },
          { text: 'Using device: cuda:0' },
          { text: 'Loading dataset CIFAR-10: 50000 training images, 10000 test images' },
        ],
        usage: { cpuMillis: 4000, memoryBytes: 12 * GiB, memoryRampMs: 20_000, gpuUtilisation: 0.95 },
        withoutGpu: [
          { text: 'Traceback (most recent call last):', stream: 'stderr' },
          { text: '  File "/workspace/train.py", line 14, in <module>', stream: 'stderr' },
          { text: '    model = Net().cuda()', stream: 'stderr' },
          { text: 'RuntimeError: No CUDA GPUs are available', stream: 'stderr' },
        ],
      },
    },
  },
  {
    id: 'python-no-args',
    description: 'python with no script and no terminal: the REPL reads end-of-file and exits 0.',
    programs: ['python', 'python3'],
    noArgs: true,
    behaviour: { kind: 'exit-now', code: 0 },
  },
  {
    id: 'tritonserver',
    description: 'NVIDIA Triton (tritonserver --model-repository=…): loads its models for ~20–40 s, then serves HTTP on 8000 (/v2/health/live, /v2/health/ready), gRPC on 8001 and metrics on 8002; exits 0 on SIGTERM after draining.',
    programs: ['tritonserver'],
    behaviour: {
      kind: 'server',
      server: {
        ports: [
          { port: 8000, protocol: 'http' },
          { port: 8001, protocol: 'tcp' },
          { port: 8002, protocol: 'http' },
        ],
        startupMs: [20_000, 40_000],
        startupLogs: [
          { text: '\n=============================\n== Triton Inference Server ==\n=============================\n\nNVIDIA Release 25.01 (build 134983853)\nTriton Server Version 2.54.0' },
          { text: 'I{glogTime} 1 pinned_memory_manager.cc:277] "Pinned memory pool is created at \'0x7f2b3e000000\' with size 268435456"', stream: 'stderr' },
          { text: 'I{glogTime} 1 cuda_memory_manager.cc:107] "CUDA memory pool is created on device 0 with size 67108864"', stream: 'stderr' },
          { text: 'I{glogTime} 1 model_lifecycle.cc:473] "loading: densenet_onnx:1"', stream: 'stderr' },
          { text: 'I{glogTime} 1 onnxruntime.cc:2718] "TRITONBACKEND_Initialize: onnxruntime"', stream: 'stderr' },
        ],
        readyLogs: [
          { text: 'I{glogTime} 1 model_lifecycle.cc:849] "successfully loaded \'densenet_onnx\'"', stream: 'stderr' },
          { text: 'I{glogTime} 1 server.cc:674] \n+---------------+---------+--------+\n| Model         | Version | Status |\n+---------------+---------+--------+\n| densenet_onnx | 1       | READY  |\n+---------------+---------+--------+', stream: 'stderr' },
          { text: 'I{glogTime} 1 grpc_server.cc:2558] "Started GRPCInferenceService at 0.0.0.0:8001"', stream: 'stderr' },
          { text: 'I{glogTime} 1 http_server.cc:4729] "Started HTTPService at 0.0.0.0:8000"', stream: 'stderr' },
          { text: 'I{glogTime} 1 http_server.cc:358] "Started Metrics Service at 0.0.0.0:8002"', stream: 'stderr' },
        ],
        routes: { '/v2/health/live': 200, '/v2/health/ready': 200, '/metrics': 200, '/v2': 200 },
        defaultStatus: 400,
        usage: { cpuMillis: 250, memoryBytes: 2 * GiB, memoryRampMs: 20_000, gpuUtilisation: 0.03 },
        stop: {
          handles: true,
          exitAfterMs: [500, 1500],
          code: 0,
          logs: [
            { text: 'Signal (15) received.', stream: 'stderr' },
            { text: 'I{glogTime} 1 server.cc:305] "Waiting for in-flight requests to complete."', stream: 'stderr' },
            { text: 'I{glogTime} 1 server.cc:321] "Timeout 30: Found 0 model versions that have in-flight inferences"', stream: 'stderr' },
            { text: 'I{glogTime} 1 server.cc:336] "All models are stopped, unloading models"', stream: 'stderr' },
          ],
        },
      },
    },
  },
  {
    id: 'cuda-vector-add',
    description: "The device plugin's test sample (nvcr.io/nvidia/k8s/cuda-sample:vectoradd-*): adds two vectors on the GPU, prints Test PASSED and exits 0. Without a GPU it cannot allocate device memory and exits 1.",
    programs: ['vectorAdd', 'vectoradd'],
    behaviour: {
      kind: 'cuda-sample',
      passed: [
        { text: '[Vector addition of 50000 elements]' },
        { text: 'Copy input data from the host memory to the CUDA device' },
        { text: 'CUDA kernel launch with 196 blocks of 256 threads' },
        { text: 'Copy output data from the CUDA device to the host memory' },
        { text: 'Test PASSED' },
        { text: 'Done' },
      ],
      failed: [
        { text: '[Vector addition of 50000 elements]' },
        { text: 'Failed to allocate device vector A (error code no CUDA-capable device is detected)!', stream: 'stderr' },
      ],
    },
  },
  {
    id: 'stress',
    description: 'stress (polinux/stress, as in the Kubernetes docs): --vm N --vm-bytes B allocates N × B and holds it, which ends in OOMKilled when B exceeds the memory limit; --cpu N spins N cores.',
    programs: ['stress'],
    behaviour: { kind: 'stress' },
  },
];

/** What runs when nothing in the catalogue matches: a long-running process that handles SIGTERM. */
export const GENERIC: WorkloadEntry = {
  id: 'generic',
  description: 'Any other program: runs until stopped, using a little CPU and memory; exits 0 on SIGTERM.',
  programs: [],
  behaviour: { kind: 'idle', usage: { cpuMillis: 2, memoryBytes: 24 * MiB, memoryRampMs: 1000 }, stop: { handles: true, exitAfterMs: [100, 500], code: 0 } },
};

/** An entrypoint wrapper given nothing to run (an NGC image started without a command): it exits 0 at once. */
export const ENTRYPOINT_ONLY: WorkloadEntry = {
  id: 'entrypoint-only',
  description: 'An image whose entrypoint wrapper is given no command (e.g. nvcr.io/nvidia/pytorch without command or args): the wrapper has nothing to exec and exits 0, so the pod goes Completed and, with restartPolicy Always, CrashLoopBackOff.',
  programs: [],
  behaviour: { kind: 'exit-now', code: 0 },
};
