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
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${threadId}.${crypto.randomUUID()}.tmp`;
  try {
    if (typeof content === 'string' || Buffer.isBuffer(content)) fs.writeFileSync(temporary, content);
    else writePieces(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
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
        fs.writeSync(fd, buffer, 0, used);
        used = 0;
      }
      if (bytes > WRITE_BYTES) fs.writeSync(fd, piece);
      else used += buffer.write(piece, used);
    }
    fs.writeSync(fd, buffer, 0, used);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it, and a newline. The lists at the top
 * (results.json's scenarios, the traceability's requirements) are written element by element:
 * the text of a 10,000-scenario run's results, tens of megabytes, is never one string in memory.
 */
export function writeJson(file: string, value: unknown): void {
  writeWholeFile(file, prettyJson(value));
}

/** The pieces of `JSON.stringify(value, null, 2)` and a newline, a top-level list (or an object's lists) one element at a time. */
export function* prettyJson(value: unknown): Generator<string> {
  if (Array.isArray(value)) yield* listPieces(value, '');
  else if (isPlainObject(value)) {
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
  } else yield JSON.stringify(value, null, 2);
  yield '\n';
}

function* listPieces(items: readonly unknown[], indentation: string): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indentation}  `;
  for (const [index, item] of items.entries()) {
    // JSON writes what it cannot represent in a list as null.
    const text = isWritten(item) ? JSON.stringify(item, null, 2) : 'null';
    yield `${index === 0 ? '[' : ','}\n${inner}${indented(text, inner)}`;
  }
  yield `\n${indentation}]`;
}

/** An object JSON walks itself: not null, not a list, nothing of its own to say (`toJSON`, as a Date has). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** Whether JSON writes a value at all: it leaves out properties that are undefined, functions or symbols. */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** JSON's own text has no raw line breaks inside strings: each one starts a line to indent. */
function indented(text: string, indentation: string): string {
  return text.replaceAll('\n', `\n${indentation}`);
}
