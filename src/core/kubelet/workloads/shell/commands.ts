import type { TimedStep } from '../process';
import { epochSeconds, unixDate } from '../log-time';
import type { Shell } from './interpreter';
import { ShellExit } from './interpreter';
import { ls } from './ls';
import { exists, isDir } from './paths';

/**
 * The commands the shell runs itself: ash builtins and the busybox applets scripts in pods use.
 * Messages are busybox's. Anything else is looked up in the workload catalogue (nginx,
 * python -m http.server, …) or is `not found`.
 */
export type ShellCommand = (sh: Shell, args: string[]) => number | Generator<TimedStep, number, void>;

const SLEEP_UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function sleepMs(args: string[]): number | string {
  let total = 0;
  for (const a of args) {
    if (a === 'inf' || a === 'infinity') return Number.POSITIVE_INFINITY;
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return a;
    total += Number(m[1]) * SLEEP_UNITS[m[2]!]!;
  }
  return Math.round(total);
}

function* sleep(sh: Shell, args: string[]): Generator<TimedStep, number, void> {
  if (args.length === 0) {
    sh.write(2, 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...\n');
    return 1;
  }
  const ms = sleepMs(args);
  if (typeof ms === 'string') {
    sh.write(2, `sleep: invalid number '${ms}'\n`);
    return 1;
  }
  yield* sh.sleep(ms);
  return 0;
}

function unescape(text: string): string {
  return text.replace(/\\(n|t|\\|e|c)/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\', e: '\x1b', c: '' })[c] ?? c);
}

function echo(sh: Shell, args: string[]): number {
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    const flags = args.shift()!;
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
    if (flags.includes('E')) escapes = false;
  }
  const text = args.join(' ');
  sh.write(1, (escapes ? unescape(text) : text) + (newline ? '\n' : ''));
  return 0;
}

function printf(sh: Shell, args: string[]): number {
  const format = args.shift() ?? '';
  let i = 0;
  const out = unescape(format).replace(/%([sd%])/g, (_, c: string) => {
    if (c === '%') return '%';
    const v = args[i++] ?? '';
    return c === 'd' ? String(Number.parseInt(v, 10) || 0) : v;
  });
  sh.write(1, out);
  return 0;
}

function test(sh: Shell, args: string[]): number {
  const truth = (a: string[]): boolean => {
    if (a[0] === '!') return !truth(a.slice(1));
    if (a.length === 0) return false;
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      const [op, v] = a as [string, string];
      switch (op) {
        case '-e':
          return exists(sh.env.fs, v);
        case '-f':
          return sh.env.fs.has(v);
        case '-d':
          return isDir(sh.env.fs, v);
        case '-s':
          return (sh.env.fs.get(v) ?? '').length > 0;
        case '-r':
        case '-w':
        case '-x':
          return exists(sh.env.fs, v);
        case '-z':
          return v === '';
        case '-n':
          return v !== '';
      }
      return false;
    }
    const [l, op, r] = a as [string, string, string];
    const n = (x: string) => Number.parseInt(x, 10);
    switch (op) {
      case '=':
      case '==':
        return l === r;
      case '!=':
        return l !== r;
      case '-eq':
        return n(l) === n(r);
      case '-ne':
        return n(l) !== n(r);
      case '-gt':
        return n(l) > n(r);
      case '-ge':
        return n(l) >= n(r);
      case '-lt':
        return n(l) < n(r);
      case '-le':
        return n(l) <= n(r);
    }
    return false;
  };
  return truth(args) ? 0 : 1;
}

/** Parse http://host:port/path for the container's own address. */
function localUrl(sh: Shell, url: string): { port: number; path: string; host: string } | undefined {
  const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return undefined;
  const host = m[1]!;
  if (!['localhost', '127.0.0.1', '0.0.0.0', sh.env.podIP, sh.env.hostname].includes(host)) return undefined;
  return { host, port: Number(m[2] ?? 80), path: m[3] ?? '/' };
}

function wget(sh: Shell, args: string[]): number {
  const url = args.find((a) => !a.startsWith('-') && a !== '-') ?? '';
  const target = localUrl(sh, url);
  if (!target) {
    sh.write(2, `wget: bad address '${url.replace(/^http:\/\//, '').split(/[/:]/)[0]}'\n`);
    return 1;
  }
  const status = sh.env.access.http(target.port, target.path);
  if (status === 'refused') {
    sh.write(2, `wget: can't connect to remote host (127.0.0.1): Connection refused\n`);
    return 1;
  }
  if (status >= 400) {
    sh.write(2, `wget: server returned error: HTTP/1.1 ${status} ${statusText(status)}\n`);
    return 1;
  }
  return 0;
}

function curl(sh: Shell, args: string[]): number {
  const fail = args.some((a) => a === '-f' || a === '--fail' || /^-[a-zA-Z]*f[a-zA-Z]*$/.test(a));
  const url = args.find((a) => !a.startsWith('-')) ?? '';
  const target = localUrl(sh, url);
  if (!target) {
    sh.write(2, `curl: (6) Could not resolve host: ${url.replace(/^http:\/\//, '').split(/[/:]/)[0]}\n`);
    return 6;
  }
  const status = sh.env.access.http(target.port, target.path);
  if (status === 'refused') {
    sh.write(2, `curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server\n`);
    return 7;
  }
  if (fail && status >= 400) {
    sh.write(2, `curl: (22) The requested URL returned error: ${status}\n`);
    return 22;
  }
  return 0;
}

function statusText(status: number): string {
  return ({ 200: 'OK', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' } as Record<number, string>)[status] ?? '';
}

export const COMMANDS: Readonly<Record<string, ShellCommand>> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo,
  printf,
  sleep,
  exit: (sh, args) => {
    throw new ShellExit(args[0] !== undefined ? Number.parseInt(args[0], 10) & 255 : sh.status);
  },
  cd: () => 0,
  wait: () => 0,
  export: (sh, args) => {
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) sh.vars.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },
  unset: (sh, args) => {
    for (const a of args) sh.vars.delete(a);
    return 0;
  },
  touch: (sh, args) => {
    for (const f of args.filter((a) => !a.startsWith('-'))) if (!sh.env.fs.has(f)) sh.env.fs.set(f, '');
    return 0;
  },
  rm: (sh, args) => {
    const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
    let status = 0;
    for (const f of args.filter((a) => !a.startsWith('-'))) {
      if (sh.env.fs.delete(f)) continue;
      let removed = false;
      for (const k of [...sh.env.fs.keys()]) {
        if (k.startsWith(`${f}/`)) {
          sh.env.fs.delete(k);
          removed = true;
        }
      }
      if (!removed && !force) {
        sh.write(2, `rm: can't remove '${f}': No such file or directory\n`);
        status = 1;
      }
    }
    return status;
  },
  mkdir: (sh, args) => {
    for (const d of args.filter((a) => !a.startsWith('-'))) sh.env.fs.set(`${d.replace(/\/$/, '')}/`, '');
    return 0;
  },
  cat: (sh, args) => {
    let status = 0;
    for (const f of args.filter((a) => a !== '-')) {
      const content = sh.env.fs.get(f);
      if (content === undefined) {
        sh.write(2, `cat: can't open '${f}': No such file or directory\n`);
        status = 1;
      } else if (content) sh.write(1, content);
    }
    return status;
  },
  ls,
  test,
  '[': (sh, args) => {
    if (args[args.length - 1] !== ']') {
      sh.write(2, `${sh.errorPrefix()} [: missing ]\n`);
      return 2;
    }
    return test(sh, args.slice(0, -1));
  },
  date: (sh, args) => {
    sh.write(1, `${args[0] === '+%s' ? epochSeconds(sh.now()) : unixDate(sh.now())}\n`);
    return 0;
  },
  hostname: (sh) => {
    sh.write(1, `${sh.env.hostname}\n`);
    return 0;
  },
  env: (sh) => {
    for (const [k, v] of sh.vars) sh.write(1, `${k}=${v}\n`);
    return 0;
  },
  printenv: (sh, args) => {
    if (args.length === 0) {
      for (const [k, v] of sh.vars) sh.write(1, `${k}=${v}\n`);
      return 0;
    }
    const v = sh.vars.get(args[0]!);
    if (v === undefined) return 1;
    sh.write(1, `${v}\n`);
    return 0;
  },
  seq: (sh, args) => {
    const n = args.map((a) => Number.parseInt(a, 10));
    const [first, step, last] = n.length === 1 ? [1, 1, n[0]!] : n.length === 2 ? [n[0]!, 1, n[1]!] : [n[0]!, n[1]!, n[2]!];
    for (let i = first; step > 0 ? i <= last : i >= last; i += step) sh.write(1, `${i}\n`);
    return 0;
  },
  trap: (sh, args) => {
    const [action, ...signals] = args;
    for (const s of signals) {
      const name = s.replace(/^SIG/, '') === '15' ? 'TERM' : s.replace(/^SIG/, '');
      if (action === '-') sh.traps.delete(name);
      else sh.traps.set(name, action ?? '');
    }
    return 0;
  },
  exec: function* (sh, args) {
    if (args.length === 0) return 0;
    const base = args[0]!.slice(args[0]!.lastIndexOf('/') + 1);
    const program = COMMANDS[base] ? undefined : sh.spawn(args);
    if (program) return yield* sh.runChild(program, true);
    throw new ShellExit(yield* sh.exec(args));
  },
  wget,
  curl,
  'redis-cli': (sh, args) => {
    if (!sh.env.access.listening(6379)) {
      sh.write(2, 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
      return 1;
    }
    sh.write(1, args.includes('ping') || args.includes('PING') ? 'PONG\n' : 'OK\n');
    return 0;
  },
};
