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
export function writeWholeFile(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${threadId}.${crypto.randomUUID()}.tmp`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

export function writeJson(file: string, value: unknown): void {
  writeWholeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
