import crypto from 'node:crypto';
import path from 'node:path';
import { writeWholeFile } from './write-file';

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

/** Writes a cache entry whole; whether it was written (a read-only installation keeps working, without the shortcut). */
export function writeCacheEntry(file: string, data: string | Buffer): boolean {
  try {
    writeWholeFile(file, data);
    return true;
  } catch {
    return false;
  }
}
