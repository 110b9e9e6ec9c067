import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Where the harness keeps what it derives from unchanged inputs between processes (the
 * transpiled TypeScript, compiled validators, the contract): `SBE_HARNESS_CACHE_DIR`, or
 * `node_modules/.cache/sbe-harness` in the harness's folder. Deleting it only costs time.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  // support/register.cjs made a relative one absolute, from where the command started.
  const chosen = env.SBE_HARNESS_CACHE_DIR?.trim();
  return chosen ? path.resolve(chosen) : path.resolve(__dirname, '../../node_modules/.cache/sbe-harness');
}

/** The sha256 of the parts, each ended by a separator: a key that changes when any part does. */
export function contentKey(...parts: (string | Buffer)[]): string {
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * Writes a cache entry whole or not at all (aside, then renamed: a parallel worker never reads half
 * a file); whether it was written. A read-only installation keeps working, without the shortcut.
 */
export function writeCacheEntry(file: string, data: string | Buffer): boolean {
  const partial = `${file}.${process.pid}.${threadId}.${crypto.randomUUID()}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, file);
    return true;
  } catch {
    fs.rm(partial, { force: true }, () => undefined);
    return false;
  }
}
