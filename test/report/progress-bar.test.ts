import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/run-harness';

describe('the progress bar on a terminal', () => {
  it('is cucumber’s own progress-bar formatter, from its public FormatterBuilder, with readable failures', () => {
    // An ES module with a top-level await, as cucumber imports it: in a process of its own.
    const formatter = pathToFileURL(path.join(ROOT, 'support/report/progress-bar-formatter.mjs')).href;
    const probe = `
      import { FormatterBuilder } from '@cucumber/cucumber';
      const { default: Readable } = await import(${JSON.stringify(formatter)});
      const Builtin = await FormatterBuilder.getConstructorByType('progress-bar', process.cwd());
      console.log(JSON.stringify({ extendsBuiltin: Readable.prototype instanceof Builtin, documentation: Readable.documentation }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(output), {
      extendsBuiltin: true,
      documentation: 'A progress bar, then the summary and the failures as people read them.',
    });
  });
});
