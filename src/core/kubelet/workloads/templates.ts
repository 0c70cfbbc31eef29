import type { LogTemplate } from './catalogue';
import { clfTime, glogTime, httpdTime, nginxTime, pythonTime, redisTime } from './log-time';
import type { LogLine, ProcessEnv } from './process';

/** Turn catalogue templates into log lines, filling placeholders when each line is written. */
export function fillLines(templates: readonly LogTemplate[], env: ProcessEnv, extra: Readonly<Record<string, string>> = {}): LogLine[] {
  return templates.map((t) => ({
    stream: t.stream ?? 'stdout',
    text: t.text.includes('{') ? (now: number) => fill(t.text, env, now, extra) : t.text,
  }));
}

function fill(text: string, env: ProcessEnv, now: number, extra: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    switch (name) {
      case 'nginxTime':
        return nginxTime(now);
      case 'redisTime':
        return redisTime(now);
      case 'httpdTime':
        return httpdTime(now);
      case 'glogTime':
        return glogTime(now);
      case 'podIP':
        return env.podIP;
      case 'hostname':
        return env.hostname;
      case 'kernel':
        return env.kernel;
      default:
        return extra[name] ?? whole;
    }
  });
}

/** A server's access-log line for one request, in its own format (formatted only when the log is read). */
export function accessLine(style: 'nginx' | 'httpd' | 'python', r: { method: string; path: string; status: number; clientIp: string; nowMs: number }): LogLine {
  const agent = 'kube-probe/1.34';
  const request = `"${r.method} ${r.path} HTTP/1.1" ${r.status}`;
  switch (style) {
    case 'nginx':
      return { stream: 'stdout', text: (t) => `${r.clientIp} - - [${clfTime(t)}] ${request} ${r.status === 200 ? 615 : 153} "-" "${agent}" "-"` };
    case 'httpd':
      return { stream: 'stdout', text: (t) => `${r.clientIp} - - [${clfTime(t)}] ${request} ${r.status === 200 ? 45 : 196}` };
    case 'python':
      return { stream: 'stderr', text: (t) => `${r.clientIp} - - [${pythonTime(t)}] ${request} -` };
  }
}
