import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = path.join(__dirname, '../..');

// The repository's own config; the probe is not a file on disk, so no type information for it
// (the project service only knows files on disk) — the size cap needs none.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: path.join(ROOT, 'eslint.config.mjs'),
  overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
});

/** A function of exactly `lines` lines, its signature and closing brace included. */
function functionOf(lines: number): string {
  const body = Array.from({ length: lines - 2 }, (_, index) => `  total += ${index};`);
  return [
    'export function probe(total: number): number {',
    ...body.slice(0, -1),
    '  return total;',
    '}',
    '',
  ].join('\n');
}

/** What ESLint says of `text` as a file at `file` (relative to the repository). */
async function lengthErrors(text: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the size cap on functions in support/ and sut/', () => {
  it('fails a 61-line function in support/', async () => {
    assert.deepEqual(await lengthErrors(functionOf(61), 'support/gate/probe.ts'), [
      "max-lines-per-function: Function 'probe' has too many lines (61). Maximum allowed is 60.",
    ]);
  });

  it('passes a 60-line one', async () => {
    assert.deepEqual(await lengthErrors(functionOf(60), 'support/gate/probe.ts'), []);
  });

  it('holds in sut/ too, not in the docs site', async () => {
    assert.equal((await lengthErrors(functionOf(61), 'sut/routes/probe.ts')).length, 1);
    assert.deepEqual(await lengthErrors(functionOf(61), 'support/docs/site/probe.ts'), []);
  });
});
