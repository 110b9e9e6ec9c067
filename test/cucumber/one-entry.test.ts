import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/run-harness';

/** Every TypeScript file under steps/, relative to the repository. */
function stepFiles(dir = path.join(ROOT, 'steps')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return stepFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The module specifiers a file imports from (`import … from '…'`, `export … from '…'`). */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/\b(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
}

describe('the steps stand on the harness’s one entry', () => {
  const files = stepFiles();

  it('finds the step files', () => {
    assert.ok(files.length > 5, `${files.length} step files`);
  });

  it('imports the harness only through support/index.ts, and the keywords from there too', () => {
    const entry = path.join(ROOT, 'support');
    const wrong = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => {
          if (specifier.startsWith('@cucumber/')) return true;
          if (!specifier.startsWith('.')) return false;
          const target = path.resolve(path.dirname(file), specifier);
          const isEntry = target === entry || target === path.join(entry, 'index');
          return !isEntry && (target === entry || target.startsWith(`${entry}${path.sep}`));
        })
        .map((specifier) => `${path.relative(ROOT, file)}: ${specifier}`),
    );
    assert.deepEqual(wrong, []);
  });

  it('has no step that takes a persona and ignores it', () => {
    const ignoring = files.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /\b_persona\b/.test(line) ? [`${path.relative(ROOT, file)}:${index + 1}`] : [],
        ),
    );
    assert.deepEqual(ignoring, []);
  });
});
