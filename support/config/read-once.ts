import fs from 'node:fs';

/**
 * Reads a file once per process until it changes (its path, modification time and size): the
 * command, the results plugin and an in-process worker share what the first of them read.
 */
export function readOncePerChange<T>(cache: Map<string, T>, file: string, read: (file: string) => T): T {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  const key = `${file}|${stat?.mtimeMs ?? 'missing'}|${stat?.size ?? 0}`;
  if (!cache.has(key)) cache.set(key, read(file));
  return cache.get(key) as T;
}
