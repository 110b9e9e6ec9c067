import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BenchmarkRun } from '../../bench/report/document';
import { ROW_IDS } from '../../bench/report/rows';
import { runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

// A benchmark is not a test: this checks that `npm run bench` works and reports every row, on tiny
// sizes. It asserts nothing about the figures.
describe('npm run bench -- --quick', () => {
  it(
    'measures every pair, prints the whole table and writes the document',
    { timeout: 900_000 },
    async () => {
      const dir = tempDir('sbe-bench-');
      const out = path.join(dir, 'BENCHMARKS.md');
      const json = path.join(dir, 'bench.json');
      const run = await runHarness(
        'bench',
        ['--quick', '--out', out, '--json', json, '--work', path.join(dir, 'work')],
        {},
        { timeoutMs: 900_000 },
      );
      assert.equal(run.code, 0, run.output);

      const result = JSON.parse(fs.readFileSync(json, 'utf8')) as BenchmarkRun;
      assert.deepEqual(
        result.rows.map((row) => row.id),
        [...ROW_IDS],
      );
      assert.match(run.output, /│ metric\s+│ harness\s+│ baseline\s+│ ratio\s+│ goal\s+│ met\? │/);
      for (const row of result.rows) {
        assert.ok(run.output.includes(row.metric), `the table prints "${row.metric}"`);
        assert.match(row.met, /^(yes|no|—)$/);
      }

      const document = fs.readFileSync(out, 'utf8');
      assert.match(document, /^- \*\*Machine:\*\* .+, \d+ cores, .+ memory/m);
      assert.match(document, /^- \*\*Node:\*\* v\d+/m);
      assert.match(document, /^- \*\*Command:\*\* `npm run bench -- --quick /m);
      assert.match(document, /^- \*\*Date:\*\* \d{4}-\d\d-\d\dT/m);
      assert.match(document, /^\| metric \| harness \| baseline \| ratio \| goal \| met\? \|$/m);
      for (const row of result.rows) {
        assert.ok(document.includes(`| ${row.metric} |`), `the document's table has "${row.metric}"`);
        assert.ok(document.includes(`- **${row.metric}** — `), `the document explains "${row.metric}"`);
      }
    },
  );
});
