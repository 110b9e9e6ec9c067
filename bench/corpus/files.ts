import fs from 'node:fs';
import path from 'node:path';

/** Replaces the folder `dir` with the files given as `relative path → content`; returns `dir`. */
export function writeFolder(dir: string, files: Readonly<Record<string, string>>): string {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** A module specifier generated code can load from any folder: the absolute file this project resolves. */
export function moduleFile(specifier: string): string {
  return JSON.stringify(require.resolve(specifier));
}

/** Splits `count` generated scenarios into feature files of at most `perFile`. */
export function featureFiles(
  count: number,
  perFile: number,
  feature: (file: number, scenarios: readonly number[]) => string,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (let first = 0, file = 1; first < count; first += perFile, file += 1) {
    const scenarios = Array.from({ length: Math.min(perFile, count - first) }, (_, i) => first + i + 1);
    files[`features/bench-${String(file).padStart(3, '0')}.feature`] = feature(file, scenarios);
  }
  return files;
}
