import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { cacheDir, contentKey, writeCacheEntry } from '../config/disk-cache';

/**
 * The dereferenced contract kept on disk, so that a process reading an unchanged contract neither
 * loads the OpenAPI parser nor parses: one entry per main file (its path and content, the parser's
 * version), holding every file the document is made of with the hash of its content, and the
 * document itself in V8's structured-clone format, which keeps the shared objects and the cycles
 * of `$ref`s. Only a document that passed validation is written, so an entry also means "valid".
 */

/** Bumped when the entry's layout or the way the document is parsed changes: new entries. */
const FORMAT = 'contract-document-1';
const PARSER_VERSION = (
  JSON.parse(fs.readFileSync(require.resolve('@apidevtools/swagger-parser/package.json'), 'utf8')) as {
    version: string;
  }
).version;

interface Entry {
  readonly format: string;
  /** Every file the document is made of (the main file and each external `$ref`'s), with its sha256. */
  readonly files: readonly (readonly [file: string, sha256: string])[];
  readonly document: unknown;
}

/** The cache entry of one main file's current content. */
export interface DocumentCacheEntry {
  /** The dereferenced document, when the entry exists and none of its files changed since. */
  readonly document: unknown;
  /** Keeps `document`, made of `files`, for the next process: call it only for a valid document. */
  remember(files: readonly string[], document: unknown): void;
}

/** The entry for `file` as it is now: a hit carries the document; a miss only knows where to write. */
export function documentCacheEntry(file: string): DocumentCacheEntry {
  const entryFile = entryFileOf(file);
  const readingSince = Date.now();
  return {
    document: entryFile === undefined ? undefined : readEntry(entryFile),
    remember(files, document) {
      if (entryFile !== undefined && !changedSince(files, readingSince))
        writeEntry(entryFile, files, document);
    },
  };
}

/** Named by the main file's path and content: an edit to it is a new entry. Unreadable: no entry. */
function entryFileOf(file: string): string | undefined {
  const absolute = path.resolve(file);
  const content = readOrUndefined(absolute);
  if (content === undefined) return undefined;
  return path.join(cacheDir(), `contract-${contentKey(FORMAT, PARSER_VERSION, absolute, content)}.v8`);
}

/** The document, when every file it is made of still has the content it had; a corrupt entry is a miss. */
function readEntry(entryFile: string): unknown {
  let entry: Partial<Entry>;
  try {
    entry = v8.deserialize(fs.readFileSync(entryFile)) as Partial<Entry>;
  } catch {
    return undefined;
  }
  if (entry?.format !== FORMAT || !Array.isArray(entry.files)) return undefined;
  const unchanged = entry.files.every(
    (listed) => Array.isArray(listed) && typeof listed[0] === 'string' && sha256Of(listed[0]) === listed[1],
  );
  return unchanged ? entry.document : undefined;
}

/** A file's clock may run a tick behind the process's: a change this close to the parse counts. */
const CLOCK_TICK_MS = 50;

/**
 * Whether a file the document is made of was saved while (or just before) the parser read it: the
 * document may then hold its old content under its new hash, so it is not kept.
 */
function changedSince(files: readonly string[], since: number): boolean {
  return files.some(
    (each) => (fs.statSync(each, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > since - CLOCK_TICK_MS,
  );
}

/** Written whole or not at all (a read-only installation: no entry). */
function writeEntry(entryFile: string, files: readonly string[], document: unknown): void {
  const hashed = files.map((each) => [each, sha256Of(each)] as const);
  // A file read over HTTP, or one gone since: nothing to check the entry against next time.
  if (hashed.some(([, sha256]) => sha256 === undefined)) return;
  const entry: Entry = { format: FORMAT, files: hashed as Entry['files'], document };
  writeCacheEntry(entryFile, v8.serialize(entry));
}

function sha256Of(file: string): string | undefined {
  const content = readOrUndefined(file);
  return content && contentKey(content);
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
