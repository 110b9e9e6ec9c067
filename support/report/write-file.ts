import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a report file whole or not at all (temporary file + rename), so a reader never sees half
 * a report, even when the run is killed while writing.
 */
export function writeReportFile(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

export function writeJson(file: string, value: unknown): void {
  writeReportFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
