import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];
let cleaning = false;

/** A fresh temporary directory, removed when the process exits. */
export function tempDir(prefix = 'sbe-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  if (!cleaning) {
    cleaning = true;
    process.on('exit', () => {
      for (const each of made) fs.rmSync(each, { recursive: true, force: true });
    });
  }
  return dir;
}

/** Writes `content` to `name` inside a fresh temporary directory and returns the path. */
export function tempFile(name: string, content: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}
