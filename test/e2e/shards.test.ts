import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RuleResult } from '../../support/gate/evaluate';
import type { RunResults } from '../../support/results/run-model';
import { scenarioKey } from '../../support/gherkin/corpus';
import { runHarness, type HarnessRun } from '../helpers/run-harness';
import { sharedFullRun } from '../helpers/shared-run';

const FAULT = { SUT_FAULTS: 'spam-threshold-off-by-one' };
const SHARDS = ['1/3', '2/3', '3/3'];
// Whole-suite runs side by side on a small machine: more than a lone run's three minutes.
const LONG = { timeoutMs: 600_000 };

interface Outcome {
  scenarios: string[];
  verdict: string;
  policy: string;
  failedRules: string[];
}

function outcome(dir: string): Outcome {
  const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as RunResults;
  const gate = JSON.parse(fs.readFileSync(path.join(dir, 'gate.json'), 'utf8')) as {
    verdict: string;
    policy: string;
    rules: RuleResult[];
  };
  return {
    scenarios: results.scenarios
      .filter((scenario) => scenario.selected)
      .map((scenario) => `${scenarioKey(scenario)} ${scenario.status}`)
      .sort(),
    verdict: gate.verdict,
    policy: gate.policy,
    failedRules: gate.rules.filter((rule) => !rule.passed).map((rule) => rule.id),
  };
}

const failed = (result: Outcome): string[] => result.scenarios.filter((line) => line.endsWith(' FAILED'));

describe('the whole suite split into three shards and merged', () => {
  // The passing shards, kept for the case where one of them is run again with a defect.
  const shards = new Map<string, HarnessRun>();

  it('equals one run under the release policy: same scenarios, same results, same verdict', async () => {
    // As a pipeline runs them: the shards side by side (and beside the single run to compare with).
    const [whole, ...runs] = await Promise.all([
      sharedFullRun(),
      ...SHARDS.map((shard) => runHarness('spec', [], { SHARD: shard }, LONG)),
    ]);
    assert.equal(whole.code, 0, whole.output);
    assert.equal(outcome(whole.reportsDir).policy, 'release');
    SHARDS.forEach((shard, index) => {
      const run = runs[index]!;
      assert.equal(run.code, 0, run.output);
      assert.match(
        run.output,
        new RegExp(`^Gate policy: partial — the run is narrowed by shard ${shard} `, 'm'),
      );
      shards.set(shard, run);
    });
    const sizes = [...shards.values()].map((run) => outcome(run.reportsDir).scenarios.length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `shards are even: ${sizes.join(', ')}`);

    const merged = await runHarness(
      'merge',
      [...shards.values()].map((run) => run.reportsDir),
    );
    assert.equal(merged.code, 0, merged.output);
    assert.match(merged.output, /^Gate policy: release — merged shards are judged as the full run$/m);
    assert.deepEqual(outcome(merged.reportsDir), outcome(whole.reportsDir));
    assert.ok(
      fs
        .readdirSync(path.join(merged.reportsDir, 'allure-results'))
        .some((name) => name.endsWith('-result.json')),
    );
  });

  it('says no-go, as the release policy judges a broken @critical scenario, when one shard has a failure', async (context) => {
    if (shards.size !== SHARDS.length) return context.skip('needs the passing shards of the case before');
    // The shard holding the @critical scenario the defect breaks runs again against a faulty service.
    const target = SHARDS.find((shard) =>
      outcome(shards.get(shard)!.reportsDir).scenarios.some((line) =>
        line.startsWith('features/number-lookup/spam-level.feature:'),
      ),
    );
    assert.ok(target, 'a shard holds the spam-level scenarios');
    const faulty = await runHarness('spec', [], { SHARD: target, ...FAULT }, LONG);
    assert.equal(faulty.code, 1, faulty.output);
    const merged = await runHarness(
      'merge',
      SHARDS.map((shard) => (shard === target ? faulty : shards.get(shard)!).reportsDir),
    );
    assert.equal(merged.code, 1, merged.output);

    // What a single run against the faulty service says (the first case proved the merge judges as
    // the single run does): the release policy's no-go, for failed @critical scenarios and the
    // requirement they no longer prove; the failures all the spam level's, each as its shard ran it.
    const combined = outcome(merged.reportsDir);
    assert.deepEqual(
      { verdict: combined.verdict, policy: combined.policy, failedRules: combined.failedRules },
      {
        verdict: 'no-go',
        policy: 'release',
        failedRules: ['no-failed-scenarios', 'critical-scenarios-pass', 'requirement-coverage'],
      },
    );
    assert.ok(failed(combined).length > 0);
    assert.deepEqual(failed(combined), failed(outcome(faulty.reportsDir)));
    for (const line of failed(combined)) {
      assert.match(line, /^features\/number-lookup\/spam-level\.feature:/);
    }
  });

  it('refuses a shard that never finished, and leaves a failing verdict', async () => {
    const run = (shard: string): Promise<HarnessRun> =>
      runHarness('spec', ['--tags', '@REQ-501', '--no-gate'], { SHARD: shard });
    const [done, broken] = await Promise.all([run('1/2'), run('2/2')]);
    const stream = path.join(broken.reportsDir, 'messages.ndjson');
    fs.writeFileSync(stream, fs.readFileSync(stream, 'utf8').replace(/^.*"testRunFinished".*$\n?/m, ''));
    const merged = await runHarness('merge', [done.reportsDir, broken.reportsDir]);
    assert.equal(merged.code, 2, merged.output);
    assert.match(merged.output, /merge: .*messages\.ndjson: the run never finished/);
    const junit = fs.readFileSync(path.join(merged.reportsDir, 'junit.xml'), 'utf8');
    assert.match(
      junit,
      /<testcase classname="release-gate" name="results usable">\s*<failure message="results unusable: [^"]*the run never finished/,
    );
    assert.ok(
      !fs.existsSync(path.join(merged.reportsDir, 'results.json')),
      'no results from a merge that failed',
    );
  });
});
