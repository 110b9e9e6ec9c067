import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BenchmarkRun } from '../../bench/report/document';
import { WHY_MISSED } from '../../bench/report/findings';
import { ROW_IDS, type Row, type RowId } from '../../bench/report/rows';
import { runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

const TIME = /^\d+(\.\d+)? (ms|s)$/;
const MEMORY = /^\d+ MB$/;

/** The goals of issue 15, and what each row's figures look like. */
const GOALS: Partial<Record<RowId, { goal: string; figure: RegExp }>> = {
  'startup-wall-hand-rolled': { goal: '≤ 1.00×', figure: TIME },
  'startup-wall-bare': { goal: '≤ 2.00×', figure: TIME },
  'startup-memory': { goal: '≤ 1.25×', figure: MEMORY },
  'startup-first-scenario': { goal: '—', figure: TIME },
  'api-median-allure': { goal: '≤ 1.00×', figure: TIME },
  'api-per-scenario-allure': { goal: '≤ 1.00×', figure: TIME },
  'api-median': { goal: '≤ 1.30×', figure: TIME },
  'api-per-scenario': { goal: '≤ 1.30×', figure: TIME },
  'parallel-speed-up': { goal: '≥ 1.30×', figure: TIME },
};

/** The start-up, API and parallel rows: their goals, both figures and the ratio. */
function assertGoals(rows: readonly Row[]): void {
  for (const [id, expected] of Object.entries(GOALS)) {
    const row = rows.find((each) => each.id === id);
    assert.ok(row, `a row "${id}"`);
    assert.equal(row.goal, expected.goal, `the goal of ${id}`);
    assert.match(row.harness, expected.figure, `the harness's figure of ${id}`);
    assert.match(row.baseline, expected.figure, `the baseline's figure of ${id}`);
    assert.match(row.ratio, /^\d+\.\d\d×$/, `the ratio of ${id}`);
    if (expected.goal !== '—') assert.ok(WHY_MISSED[id as RowId], `why ${id} would miss its goal`);
  }
}

/** Every missed goal is listed with why, and every row is in the table and explained. */
function assertDocument(document: string, rows: readonly Row[]): void {
  assert.match(document, /^- \*\*Machine:\*\* .+, \d+ cores, .+ memory/m);
  assert.match(document, /^- \*\*Node:\*\* v\d+/m);
  assert.match(document, /^- \*\*Command:\*\* `npm run bench -- --quick /m);
  assert.match(document, /^- \*\*Date:\*\* \d{4}-\d\d-\d\dT/m);
  assert.match(document, /^\| metric \| harness \| baseline \| ratio \| goal \| met\? \|$/m);
  for (const row of rows) {
    assert.ok(document.includes(`| ${row.metric} |`), `the document's table has "${row.metric}"`);
    assert.ok(document.includes(`- **${row.metric}** — `), `the document explains "${row.metric}"`);
    const why = WHY_MISSED[row.id];
    if (row.met === 'no' && why) {
      assert.ok(document.includes(`- **${row.metric}**: `), `the document lists "${row.metric}" as missed`);
      assert.ok(document.includes(why), `the document says why "${row.metric}" missed its goal`);
    }
  }
}

// A benchmark is not a test: this checks that `npm run bench` works and reports every row, on tiny
// sizes. It asserts nothing about the figures' values, only that they are there.
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
      assertGoals(result.rows);
      assert.match(run.output, /│ metric\s+│ harness\s+│ baseline\s+│ ratio\s+│ goal\s+│ met\? │/);
      for (const row of result.rows) {
        assert.ok(run.output.includes(row.metric), `the table prints "${row.metric}"`);
        assert.match(row.met, /^(yes|no|—)$/);
      }
      assertDocument(fs.readFileSync(out, 'utf8'), result.rows);
    },
  );
});
