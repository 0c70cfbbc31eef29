import type { Shell } from './interpreter';
import { children, exists, isDir } from './paths';

const USAGE = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n';

/**
 * busybox `ls` without a terminal (as `kubectl exec` without -t runs it): one name per line, file
 * operands first, then each directory's entries under a `dir:` header when there are several.
 * `-a`/`-A` show dot files, `-d` lists directories themselves, `-1` is the default anyway. The
 * working directory is `/` (the image's WORKDIR is not modelled). Long listings are not: file
 * modes, owners and times are not kept.
 */
export function ls(sh: Shell, args: string[]): number {
  const options = new Set<string>();
  const operands: string[] = [];
  for (const a of args) {
    if (a.length > 1 && a.startsWith('-')) for (const c of a.slice(1)) options.add(c);
    else operands.push(a);
  }
  for (const o of options) {
    if (o === 'l') {
      sh.write(2, 'ls: -l is not emulated by Kubelab: file modes, owners and times are not modelled\n');
      return 2;
    }
    if (!'1aAd'.includes(o)) {
      sh.write(2, `ls: invalid option -- '${o}'\n${USAGE}`);
      return 1;
    }
  }
  const fs = sh.env.fs;
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const path of operands.length ? operands : ['.']) {
    const dir = path === '.' ? '/' : path;
    if (!exists(fs, dir)) {
      sh.write(2, `ls: ${path}: No such file or directory\n`);
      status = 1;
    } else if (isDir(fs, dir) && !options.has('d')) dirs.push(path);
    else files.push(path);
  }
  const out: string[] = files.map((f) => `${f}\n`);
  const headed = operands.length > 1;
  dirs.forEach((d, i) => {
    if (headed && (i > 0 || files.length > 0)) out.push('\n');
    if (headed) out.push(`${d}:\n`);
    out.push(...entries(sh, d, options).map((n) => `${n}\n`));
  });
  sh.write(1, out.join(''));
  return status;
}

function entries(sh: Shell, path: string, options: ReadonlySet<string>): string[] {
  const dir = path === '.' ? '/' : path;
  const names = children(sh.env.fs, dir);
  // Files created with a relative path live in the working directory, which is /.
  if (dir === '/') for (const k of sh.env.fs.keys()) if (!k.startsWith('/')) names.push(k.split('/')[0]!);
  const visible = [...new Set(names)].filter((n) => options.has('a') || options.has('A') || !n.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return options.has('a') ? ['.', '..', ...visible] : visible;
}
