import { describe, expect, it } from 'vitest';
import { startProcess } from '../../../../src/core/kubelet/workloads/interpreter';
import { drain, testEnv } from './helpers';

function sh(script: string, untilMs = 60_000, ports: Record<number, number> = {}) {
  const env = testEnv(['sh', '-c', script], {}, ports);
  return { ...drain(startProcess(env).steps, env, untilMs), fs: env.fs };
}

describe('the sh -c interpreter', () => {
  it.each([
    ['echo prints its arguments', 'echo hello world', ['hello world'], 0],
    ['exit N ends with that code', 'echo a; exit 3; echo b', ['a'], 3],
    ['&& runs the right side only on success', 'true && echo yes; false && echo no', ['yes'], 1],
    ['|| runs the right side only on failure', 'false || echo recovered', ['recovered'], 0],
    ['variables and arithmetic expand', 'i=2; i=$((i*3+1)); echo "i is $i"', ['i is 7'], 0],
    ['single quotes keep $ literal', "echo '$HOME' \"$HOME\"", ['$HOME /root'], 0],
    ['a for loop runs over its words', 'for x in a b c; do echo $x; done', ['a', 'b', 'c'], 0],
    ['if/else picks a branch with test', 'if [ -f /nope ]; then echo yes; else echo no; fi', ['no'], 0],
    ['command substitution captures output', 'echo "host=$(hostname)"', ['host=pod-a'], 0],
    ['redirection writes files that cat reads back', 'echo saved > /tmp/x; cat /tmp/x', ['saved'], 0],
    ['>&2 writes to stderr', 'echo oops >&2', ['2>oops'], 0],
    ['an unknown command is not found, with status 127', 'frobnicate; echo $?', ['2>sh: frobnicate: not found', '127'], 0],
    ['a syntax error is reported as ash does', 'while true; echo x', ['2>sh: syntax error: unexpected end of file (expecting "do")'], 2],
    ['seq counts', 'for i in $(seq 1 3); do echo $i; done', ['1', '2', '3'], 0],
  ])('%s', (_name, script, lines, code) => {
    const r = sh(script);
    expect(r.lines).toEqual(lines);
    expect(r.exit?.code).toBe(code);
  });

  it('sleeps in virtual time: sleep 2 && exit 1 ends at two seconds and a few milliseconds', () => {
    expect(sh('sleep 2 && exit 1').exit).toEqual({ code: 1, atMs: 2002 });
  });

  it('runs while true forever without blocking, advancing the clock each iteration', () => {
    const r = sh('while true; do echo tick; sleep 5; done', 60_000);
    expect(r.exit).toBeUndefined();
    expect(r.lines.length).toBe(12);
  });

  it('charges a millisecond per command, so a loop without sleep still advances time', () => {
    const r = sh('i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo done', 10_000);
    expect(r.lines).toEqual([]);
    expect(r.atMs).toBeGreaterThan(9_000);
  });

  it('creates and removes files as the docs liveness example does', () => {
    const r = sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', 20_000);
    expect(r.fs.has('/tmp/healthy')).toBe(true);
    const later = sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', 40_000);
    expect(later.fs.has('/tmp/healthy')).toBe(false);
  });

  it('talks to the container\'s own ports with wget', () => {
    expect(sh('wget -q -O- http://localhost:80/ && echo up', 1000, { 80: 200 }).lines).toEqual(['up']);
    expect(sh('wget -q -O- http://localhost:8080/ || echo down', 1000).lines).toEqual(['2>wget: can\'t connect to remote host (127.0.0.1): Connection refused', 'down']);
  });
});
