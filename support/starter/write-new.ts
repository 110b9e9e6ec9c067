import fs from 'node:fs';
import path from 'node:path';
import { UsageError, displayPath } from '../errors';

export type FileOutcome = 'written' | 'kept' | 'updated';

/** What the starter did to one file. */
export interface FileReport {
  readonly file: string;
  readonly outcome: FileOutcome;
  /** More to say than the outcome: `added the service shop, its comments kept`. */
  readonly note?: string;
}

function cannotWrite(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new UsageError(`${displayPath(file)}: cannot write it (${code})`);
}

/**
 * Writes a file only when nothing is there: a team's edits to what an earlier run wrote are theirs,
 * so a second run keeps every file as it is. The `wx` flag makes "is it there?" and "write it" one
 * step, so nothing that appears in between is overwritten either.
 */
export function writeNew(file: string, content: string): FileReport {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content, { flag: 'wx' });
    return { file, outcome: 'written' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isFile(file)) {
      return { file, outcome: 'kept' };
    }
    throw cannotWrite(file, error);
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Replaces a file the starter has edited in place (a project file gaining a service). */
export function writeOver(file: string, content: string): void {
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    throw cannotWrite(file, error);
  }
}
