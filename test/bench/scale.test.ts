import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

// A measurement, not a test: this checks that `npm run bench:scale` works on a few scenarios and
// writes its findings for every process. It asserts nothing about the figures.
describe('npm run bench:scale', () => {
  it('runs generated scenarios with every process sampling its memory, and writes the findings', async () => {
    const dir = tempDir('sbe-scale-');
    const out = path.join(dir, 'SCALE.md');
    const run = await runHarness(
      'bench:scale',
      ['--scenarios', '40', '--workers', '2', '--out', out, '--work', path.join(dir, 'work')],
      {},
      { timeoutMs: 300_000 },
    );
    // A run this short has no meaningful second half: the verdict may go either way (exit 0 or 1).
    assert.ok(run.code === 0 || run.code === 1, run.output);
    const document = fs.readFileSync(out, 'utf8');
    assert.match(document, /^Produced by `npm run bench:scale -- --scenarios 40 /m);
    assert.match(document, /^40 generated API scenarios/m);
    // The coordinator's reporting thread samples its own heap; the coordinator is judged on all its threads.
    for (const role of [
      'coordinator',
      'coordinator, thread \\d+',
      'coordinator, all threads',
      'worker 0',
      'worker 1',
    ]) {
      assert.match(document, new RegExp(`^\\| ${role} \\| [\\d.]+ MB \\| [\\d.]+ MB \\| -?\\d+ B \\|`, 'm'));
    }
    assert.match(
      document,
      /^- The coordinator's heap, all its threads, (grows|shrinks) by \d+ B per scenario/m,
    );
    assert.match(
      document,
      /^- The highest peak resident memory of any process: [\d.]+ MB \(goal ≤ 300 MB\): /m,
    );
  });
});
