import type { FileSystem } from '../process';

/**
 * Paths in a container's file system as the shell's applets see them. Kubelab keeps only the
 * files that matter (mounted ConfigMaps and Secrets, what commands write), keyed by path, with a
 * directory as a `dir/` key; the usual top-level directories of an image always exist.
 */
export const STANDARD_DIRS = ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'tmp', 'usr', 'var'];

export function isDir(fs: FileSystem, path: string): boolean {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  if (prefix === '/' || STANDARD_DIRS.some((d) => prefix === `/${d}/`)) return true;
  for (const k of fs.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

export function exists(fs: FileSystem, path: string): boolean {
  return fs.has(path) || isDir(fs, path);
}

/** The names directly inside a directory, sorted as `ls` sorts them (byte order in the C locale). */
export function children(fs: FileSystem, dir: string): string[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const names = new Set<string>(prefix === '/' ? STANDARD_DIRS : []);
  for (const k of fs.keys()) {
    if (!k.startsWith(prefix) || k === prefix) continue;
    names.add(k.slice(prefix.length).split('/')[0]!);
  }
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
