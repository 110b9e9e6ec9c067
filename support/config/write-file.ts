import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a file whole or not at all (a temporary file, then renamed), so that a reader — another
 * command, a parallel worker — never sees half of it, even when the run is killed while writing.
 * The temporary name is the writer's own (process, thread, a random part): two writers of the same
 * file never share one. What fails leaves no temporary file behind.
 */
export function writeWholeFile(file: string, content: string | Buffer | Iterable<string>): void {
  const temporary = `${file}.${process.pid}.${threadId}.${crypto.randomUUID()}.tmp`;
  try {
    inFolder(temporary, () =>
      typeof content === 'string' || Buffer.isBuffer(content)
        ? fs.writeFileSync(temporary, content)
        : writePieces(temporary, content),
    );
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * `write` of a new file, its folder made first if it is not there yet: thousands of files go into
 * one folder (Allure's results), which is made once, not asked after before each.
 */
function inFolder(file: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    write();
  }
}

/** What is gathered before one write: the pieces of a large file go out in a few hundred writes. */
const WRITE_BYTES = 1 << 18;

/**
 * The pieces gathered in one buffer and written when it is full: joined into strings instead, the
 * text of a large file would pass through the heap as megabyte strings, garbage the heap then keeps
 * until its next full collection.
 */
function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = fs.openSync(file, 'w');
  try {
    const buffer = Buffer.allocUnsafe(WRITE_BYTES);
    let used = 0;
    for (const piece of pieces) {
      const bytes = Buffer.byteLength(piece);
      if (used + bytes > WRITE_BYTES) {
        writeAll(fd, buffer.subarray(0, used));
        used = 0;
      }
      if (bytes > WRITE_BYTES) writeAll(fd, Buffer.from(piece));
      else used += buffer.write(piece, used);
    }
    writeAll(fd, buffer.subarray(0, used));
  } finally {
    fs.closeSync(fd);
  }
}

/** `fs.writeSync` may write less than it was given (a disk nearly full): the rest goes again, or it throws. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length;) written += fs.writeSync(fd, bytes, written);
}

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it, and a newline. The lists at the top
 * (results.json's scenarios, the traceability's requirements) are written element by element:
 * the text of a 10,000-scenario run's results, tens of megabytes, is never one string in memory.
 */
export function writeJson(file: string, value: unknown): void {
  writeWholeFile(file, prettyJson(value));
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` and a newline, a top-level list (or an object's
 * lists) one element at a time. What JSON would treat in its own way at those levels (`toJSON`,
 * a boxed value, anything not a plain object or list) is written as JSON writes it, whole.
 */
export function* prettyJson(value: unknown): Generator<string> {
  if (Array.isArray(value) && !hasToJson(value) && !value.some(hasToJson)) yield* listPieces(value, '');
  else if (isPlainObject(value) && !hasToJson(value) && Object.values(value).every(cutAlike)) {
    const entries = Object.entries(value).filter(([, item]) => isWritten(item));
    if (entries.length === 0) yield '{}';
    else {
      for (const [index, [key, item]] of entries.entries()) {
        yield `${index === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `;
        if (Array.isArray(item)) yield* listPieces(item, '  ');
        else yield indented(JSON.stringify(item, null, 2), '  ');
      }
      yield '\n}';
    }
  } else yield String(JSON.stringify(value, null, 2));
  yield '\n';
}

function* listPieces(items: readonly unknown[], indentation: string): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indentation}  `;
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    // JSON writes what it cannot represent in a list, and a hole, as null.
    const text = isWritten(item) ? JSON.stringify(item, null, 2) : 'null';
    yield `${index === 0 ? '[' : ','}\n${inner}${indented(text, inner)}`;
  }
  yield `\n${indentation}]`;
}

/**
 * Whether a top-level property is written alike cut into pieces: JSON gives a value's `toJSON` its
 * key, which a piece written alone does not have — the property's own, or its list elements'.
 */
function cutAlike(value: unknown): boolean {
  return !hasToJson(value) && (!Array.isArray(value) || !value.some(hasToJson));
}

function hasToJson(value: unknown): boolean {
  return typeof (value as { toJSON?: unknown } | null | undefined)?.toJSON === 'function';
}

/** A plain object, as `{…}` makes it: JSON walks its own properties. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Whether JSON writes a value at all: it leaves out properties that are undefined, functions or symbols. */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** JSON's own text has no raw line breaks inside strings: each one starts a line to indent. */
function indented(text: string, indentation: string): string {
  return text.replaceAll('\n', `\n${indentation}`);
}
