import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RunResults } from '../../support/results/run-model';
import { scenarioKey } from '../../support/results/run-model';
import { runHarness } from '../helpers/run-harness';

const SELECTION = ['--tags', '@REQ-110 or @REQ-201 or @REQ-403', '--gate-policy', 'smoke'];

function outcome(dir: string): { scenarios: string[]; verdict: string } {
  const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as RunResults;
  const gate = JSON.parse(fs.readFileSync(path.join(dir, 'gate.json'), 'utf8')) as { verdict: string };
  return {
    scenarios: results.scenarios
      .filter((scenario) => scenario.selected)
      .map((scenario) => `${scenarioKey(scenario)} ${scenario.status}`)
      .sort(),
    verdict: gate.verdict,
  };
}

describe('a run split into three shards and merged', () => {
  it('equals one run: same scenarios, same results, same verdict', async () => {
    const whole = await runHarness('spec', SELECTION);
    assert.equal(whole.code, 0, whole.output);
    const shards = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const run = await runHarness('spec', SELECTION, { SHARD: shard });
      assert.equal(run.code, 0, run.output);
      shards.push(run);
    }
    const sizes = shards.map((run) => outcome(run.reportsDir).scenarios.length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `shards are even: ${sizes.join(', ')}`);
    const merged = await runHarness('merge', ['--policy', 'smoke', ...shards.map((run) => run.reportsDir)]);
    assert.equal(merged.code, 0, merged.output);
    assert.deepEqual(outcome(merged.reportsDir), outcome(whole.reportsDir));
    assert.ok(
      fs
        .readdirSync(path.join(merged.reportsDir, 'allure-results'))
        .some((name) => name.endsWith('-result.json')),
    );
  });

  it('refuses a shard that never finished', async () => {
    const done = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate'], { SHARD: '1/2' });
    const broken = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate'], { SHARD: '2/2' });
    const stream = path.join(broken.reportsDir, 'messages.ndjson');
    fs.writeFileSync(stream, fs.readFileSync(stream, 'utf8').replace(/^.*"testRunFinished".*$\n?/m, ''));
    const merged = await runHarness('merge', [done.reportsDir, broken.reportsDir]);
    assert.equal(merged.code, 2, merged.output);
    assert.match(merged.output, /merge: .*messages\.ndjson: the run never finished/);
  });
});
