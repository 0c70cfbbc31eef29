import { quantityValue } from '../../api/quantity';
import { goDuration } from '../../format/duration';
import { effectiveArgv, findWorkload } from './argv';
import type { Behaviour, ServerSpec, StopSpec, TrainingSpec, WorkloadEntry } from './catalogue';
import type { LogLine, Process, ProcessEnv, SignalResponse, TimedStep } from './process';
import { Shell, shellProcess } from './shell/interpreter';
import { accessLine, fillLines } from './templates';

/**
 * The workload interpreter: turns a catalogue entry and a container's environment into a running
 * process (a lazy sequence of timed steps plus its answer to the stop signal). Annotation
 * overrides that apply to every workload (crash-after) wrap the result.
 */
export function startProcess(env: ProcessEnv): Process {
  const argv = effectiveArgv(env.argv);
  const process = env.programs?.(argv, env) ?? build(findWorkload(env.argv, argv, env.image.repository), argv, env);
  return env.overrides.crashAfterMs === undefined ? process : withCrash(process, env.overrides.crashAfterMs, env.overrides.exitCode ?? 1);
}

/** A program the shell can run by name: the catalogue entry for argv, if it is a known program. */
export function spawnFor(env: ProcessEnv): (argv: readonly string[]) => Process | undefined {
  return (argv) => {
    const external = env.programs?.(argv, { ...env, argv });
    if (external) return external;
    const entry = findWorkload(argv, argv, env.image.repository);
    if (entry.programs.length === 0) return undefined;
    return build(entry, [...argv], { ...env, argv });
  };
}

/** What a busybox shell or applet holds in memory. */
const SHELL_USAGE: TimedStep = { afterMs: 0, event: { kind: 'usage', usage: { cpuMillis: 0, memoryBytes: 400 * 1024 } } };

function build(entry: WorkloadEntry, argv: string[], env: ProcessEnv): Process {
  const b: Behaviour = entry.behaviour;
  switch (b.kind) {
    case 'shell':
      return shell(entry, argv, env);
    case 'command': {
      const signals = { term: false };
      const sh = new Shell(env, 'sh', signals, spawnFor(env));
      return {
        workload: entry.id,
        steps: (function* () {
          yield SHELL_USAGE;
          const code = yield* sh.exec(argv);
          yield* sh.flush();
          yield { afterMs: 0, event: { kind: 'exit', code } } as TimedStep;
        })(),
        stop: () => {
          signals.term = true;
          return undefined;
        },
      };
    }
    case 'exit-now':
      return {
        workload: entry.id,
        steps: steps([...(b.logs?.length ? [{ afterMs: 1, event: { kind: 'log', lines: fillLines(b.logs, env) } } as TimedStep] : []), { afterMs: 5, event: { kind: 'exit', code: b.code } }]),
        stop: () => undefined,
      };
    case 'server':
      return server(entry, b.server, argv, env);
    case 'training':
      return training(entry, b.training, env);
    case 'cuda-sample':
      return {
        workload: entry.id,
        steps: steps(
          env.hasGpu
            ? [
                { afterMs: 1, event: { kind: 'usage', usage: { cpuMillis: 200, memoryBytes: 150 * 1024 * 1024, memoryRampMs: 800, gpuUtilisation: 0.4 } } },
                { afterMs: 1200, event: { kind: 'log', lines: fillLines(b.passed, env) } },
                { afterMs: 50, event: { kind: 'exit', code: 0 } },
              ]
            : [
                { afterMs: 300, event: { kind: 'log', lines: fillLines(b.failed, env) } },
                { afterMs: 5, event: { kind: 'exit', code: 1 } },
              ],
        ),
        stop: () => undefined,
      };
    case 'stress':
      return stress(entry, argv, env);
    case 'nginx-signal':
      return {
        workload: entry.id,
        steps: (function* () {
          env.access.signalMain(argv.includes('stop') ? 'TERM' : 'QUIT');
          yield { afterMs: 10, event: { kind: 'exit', code: 0 } } as TimedStep;
        })(),
        stop: () => undefined,
      };
    case 'idle':
      return {
        workload: entry.id,
        steps: steps([{ afterMs: 1, event: { kind: 'usage', usage: b.usage } }]),
        stop: () => stopResponse(b.stop, env),
      };
  }
}

function* steps(list: readonly TimedStep[]): Generator<TimedStep, void, void> {
  yield* list;
}

function stopResponse(stop: StopSpec, env: ProcessEnv): SignalResponse {
  if (!stop.handles) return undefined;
  const [min, max] = stop.exitAfterMs ?? [100, 300];
  return { exitAfterMs: Math.round(env.rng.between(min, max)), code: stop.code ?? 0, lines: fillLines(stop.logs ?? [], env) };
}

function shell(entry: WorkloadEntry, argv: string[], env: ProcessEnv): Process {
  const name = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1) === 'bash' ? 'bash' : 'sh';
  const signals = { term: false };
  const sh = new Shell(env, name, signals, spawnFor(env));
  const c = argv.indexOf('-c');
  let run: Generator<TimedStep, void, void>;
  if (c >= 0 && argv[c + 1] !== undefined) {
    const script = argv[c + 1]!;
    run = (function* () {
      yield SHELL_USAGE;
      yield* shellProcess(sh, script);
    })();
  }
  else if (argv.length > 1 && !argv[1]!.startsWith('-')) {
    // A script file: the image has none of the user's scripts.
    run = steps([
      { afterMs: 2, event: { kind: 'log', lines: [{ stream: 'stderr', text: `${name}: can't open '${argv[1]}': No such file or directory` }] } },
      { afterMs: 0, event: { kind: 'exit', code: 2 } },
    ]);
  } else {
    // No script and no terminal: the shell reads end-of-file and exits.
    run = steps([{ afterMs: 3, event: { kind: 'exit', code: 0 } }]);
  }
  return {
    workload: entry.id,
    steps: run,
    stop: (now) => {
      if (sh.execProgram) return sh.execProgram.stop(now);
      signals.term = true;
      return undefined;
    },
    accessLog: (r) => sh.execProgram?.accessLog?.(r),
  };
}

function server(entry: WorkloadEntry, spec: ServerSpec, argv: string[], env: ProcessEnv): Process {
  let ports = spec.ports;
  if (spec.portFromArgs) {
    const numeric = [...argv].reverse().find((a) => /^\d+$/.test(a));
    if (numeric) ports = [{ port: Number(numeric), protocol: ports[0]!.protocol }];
  }
  const port = String(ports[0]!.port);
  const unbuffered = !!env.env.PYTHONUNBUFFERED || argv.includes('-u');
  const visible = (lines: LogLine[]) => (spec.bufferedStdout && !unbuffered ? lines.filter((l) => l.stream === 'stderr') : lines);
  const startup = Math.round(env.rng.between(spec.startupMs[0], spec.startupMs[1])) + (env.overrides.startupDelayMs ?? 0);
  const list: TimedStep[] = [{ afterMs: 1, event: { kind: 'usage', usage: spec.usage } }];
  const startLines = visible(fillLines(spec.startupLogs, env, { port }));
  if (startLines.length) list.push({ afterMs: 20, event: { kind: 'log', lines: startLines } });
  ports.forEach((p, i) =>
    list.push({ afterMs: i === 0 ? startup : 0, event: { kind: 'listen', port: p.port, protocol: p.protocol, routes: spec.routes ?? {}, defaultStatus: spec.defaultStatus ?? 404 } }),
  );
  const readyLines = visible(fillLines(spec.readyLogs, env, { port }));
  if (readyLines.length) list.push({ afterMs: 0, event: { kind: 'log', lines: readyLines } });
  return {
    workload: entry.id,
    steps: steps(list),
    stop: () => stopResponse(spec.stop, env),
    ...(spec.accessLog ? { accessLog: (r) => accessLine(spec.accessLog!, r) } : {}),
  };
}

function training(entry: WorkloadEntry, spec: TrainingSpec, env: ProcessEnv): Process {
  const epochMs = env.overrides.durationMs !== undefined ? Math.max(1000, Math.round(env.overrides.durationMs / spec.epochs)) : spec.epochMs;
  const rng = env.rng;
  return {
    workload: entry.id,
    steps: (function* (): Generator<TimedStep, void, void> {
      // Importing torch and initialising CUDA takes a few seconds.
      yield { afterMs: 1, event: { kind: 'usage', usage: { cpuMillis: 1000, memoryBytes: 600 * 1024 * 1024, memoryRampMs: 3000 } } };
      if (!env.hasGpu) {
        yield { afterMs: 4000, event: { kind: 'log', lines: fillLines(spec.withoutGpu, env) } };
        yield { afterMs: 5, event: { kind: 'exit', code: 1 } };
        return;
      }
      yield { afterMs: 4000, event: { kind: 'log', lines: fillLines(spec.startupLogs, env) } };
      yield { afterMs: 0, event: { kind: 'usage', usage: spec.usage } };
      let loss = 2.3;
      for (let e = 1; e <= spec.epochs; e++) {
        loss = loss * rng.between(0.72, 0.86);
        const accuracy = Math.min(99.2, 100 * (1 - loss / 2.6));
        const text = `Epoch [${e}/${spec.epochs}] loss: ${loss.toFixed(4)}  accuracy: ${accuracy.toFixed(2)}%  (${goDuration(epochMs)})`;
        yield { afterMs: epochMs, event: { kind: 'log', lines: [{ stream: 'stdout', text }] } };
      }
      yield { afterMs: 800, event: { kind: 'log', lines: [{ stream: 'stdout', text: 'Training complete. Saved model to /workspace/checkpoints/model.pt' }] } };
      yield { afterMs: 0, event: { kind: 'usage', usage: { gpuUtilisation: 0 } } };
      yield { afterMs: 200, event: { kind: 'exit', code: 0 } };
    })(),
    // A Python script as PID 1 has no SIGTERM handler.
    stop: () => undefined,
  };
}

/** stress's size arguments: a number with an optional B, K, M or G suffix (powers of 1024). */
function stressBytes(text: string | undefined): number {
  if (!text) return 256 * 1024 * 1024;
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(text);
  if (!m) return quantityValue(text);
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase()]!;
  return Math.round(Number(m[1]) * unit);
}

function stress(entry: WorkloadEntry, argv: string[], env: ProcessEnv): Process {
  const arg = (name: string, short: string) => {
    const i = argv.findIndex((a) => a === name || a === short);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const vm = Number(arg('--vm', '-m') ?? 0);
  const cpu = Number(arg('--cpu', '-c') ?? 0);
  const bytes = stressBytes(arg('--vm-bytes', '--vm-bytes'));
  const timeout = arg('--timeout', '-t');
  const timeoutMs = timeout ? Number.parseInt(timeout, 10) * (timeout.endsWith('m') ? 60_000 : 1000) : undefined;
  return {
    workload: entry.id,
    steps: (function* (): Generator<TimedStep, void, void> {
      if (vm === 0 && cpu === 0) {
        yield { afterMs: 2, event: { kind: 'log', lines: [{ stream: 'stdout', text: '`stress\' imposes certain types of compute stress on your system' }, { stream: 'stdout', text: '' }, { stream: 'stdout', text: 'Usage: stress [OPTION [ARG]] ...' }] } };
        yield { afterMs: 0, event: { kind: 'exit', code: 1 } };
        return;
      }
      yield { afterMs: 2, event: { kind: 'log', lines: [{ stream: 'stdout', text: `stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd` }] } };
      // Each vm worker allocates its bytes in about a second and keeps touching them.
      yield { afterMs: 0, event: { kind: 'usage', usage: { cpuMillis: (cpu + vm) * 1000, memoryBytes: vm * bytes + 1024 * 1024, memoryRampMs: 1000 } } };
      if (timeoutMs !== undefined) {
        yield { afterMs: timeoutMs, event: { kind: 'log', lines: [{ stream: 'stdout', text: `stress: info: [1] successful run completed in ${Math.round(timeoutMs / 1000)}s` }] } };
        yield { afterMs: 0, event: { kind: 'exit', code: 0 } };
      }
    })(),
    stop: () => undefined,
  };
}

/** kubelab.dev/crash-after: the process exits with `code` at `afterMs`, unless it ended first. */
function withCrash(inner: Process, afterMs: number, code: number): Process {
  return {
    ...inner,
    steps: (function* (): Generator<TimedStep, void, void> {
      let elapsed = 0;
      for (;;) {
        const r = inner.steps.next();
        if (r.done || elapsed + r.value.afterMs > afterMs) break;
        elapsed += r.value.afterMs;
        yield r.value;
        if (r.value.event.kind === 'exit') return;
      }
      const text = `panic: simulated crash after ${goDuration(afterMs)} (kubelab.dev/crash-after)`;
      yield { afterMs: afterMs - elapsed, event: { kind: 'log', lines: [{ stream: 'stderr', text }] } };
      yield { afterMs: 0, event: { kind: 'exit', code } };
    })(),
  };
}
