import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces the folder `dir` with the files given as `path → content`, each path absolute or
 * relative to `dir` and inside it; returns `dir`.
 */
export function writeFolder(dir: string, files: Readonly<Record<string, string>>): string {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.resolve(dir, name);
    const inside = path.relative(dir, file);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new Error(`${file}: not inside the corpus folder ${dir}`);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** A module specifier generated code can load from any folder: the absolute file this project resolves. */
export function moduleFile(specifier: string): string {
  return JSON.stringify(require.resolve(specifier));
}

/** The lines of generated scenario `n`. */
export type Shape = (n: number) => string[];

export interface GeneratedFeatures {
  /** The feature's tag line, e.g. `@api`. */
  readonly tags: string;
  /** `Feature: <name> <file number>`. */
  readonly name: string;
  readonly perFile: number;
  /** Scenario n has the shape (n - 1) modulo their number: the shapes in turn. */
  readonly shapes: readonly Shape[];
  /** Lines before the scenario at `index` in file `file` (a Rule heading, say). */
  readonly before?: (file: number, index: number) => string[];
}

/** `count` generated scenarios in feature files of at most `perFile`, as `path → content` in `featuresDir`. */
export function cycledFeatures(
  featuresDir: string,
  count: number,
  features: GeneratedFeatures,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (let first = 0, file = 1; first < count; first += features.perFile, file += 1) {
    const lines = [features.tags, `Feature: ${features.name} ${file}`, ''];
    for (let index = 0; index < Math.min(features.perFile, count - first); index += 1) {
      const n = first + index + 1;
      lines.push(...(features.before?.(file, index) ?? []));
      lines.push(...features.shapes[(n - 1) % features.shapes.length]!(n), '');
    }
    files[path.join(featuresDir, `bench-${String(file).padStart(3, '0')}.feature`)] = lines.join('\n');
  }
  return files;
}
