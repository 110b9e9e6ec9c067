import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadCorpus } from '../../support/gherkin/load-corpus';
import type { RunResults } from '../../support/results/run-model';
import { scenarioKey, scenarioRef } from '../../support/gherkin/corpus';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempFile } from '../helpers/temp';

/** `file:line` of every scenario of the features whose steps (or their tables) name the operation. */
function namingOperation(operationId: string): Set<string> {
  const corpus = loadCorpus([path.join(ROOT, 'features')], ROOT);
  return new Set(
    corpus.features.flatMap((feature) =>
      feature.pickles
        .filter((pickle) =>
          pickle.steps.some(
            (step) =>
              step.text.includes(`"${operationId}"`) ||
              (step.argument?.dataTable?.rows ?? []).some((row) =>
                row.cells.some((cell) => cell.value.trim() === operationId),
              ),
          ),
        )
        .map((pickle) => scenarioRef(feature, pickle)),
    ),
  );
}

/**
 * The base: the embedded contract as it was before the partner lookup accepted a web session — a
 * narrow change that touches the partner-lookup scenarios only.
 */
function baseWithoutPartnerSession(): string {
  const text = fs.readFileSync(path.join(ROOT, 'specs/openapi.yaml'), 'utf8');
  const alternatives = '        - partnerKey: []\n        - partnerSession: []\n';
  assert.equal(text.split(alternatives).length, 2, 'the partner lookup accepts a key or a session');
  return tempFile('openapi-base.yaml', text.replace(alternatives, '        - partnerKey: []\n'));
}

describe('npm run spec -- --affected-by <base>', () => {
  it('runs only the scenarios the change touches and every @critical one, judged as a partial run', async () => {
    const run = await runHarness('spec', ['--affected-by', baseWithoutPartnerSession()]);
    assert.equal(run.code, 0, run.output);
    assert.match(
      run.output,
      /^Affected by .*openapi-base\.yaml: (\d+) scenario\(s\) exercise the 1 changed operation\(s\), \+ \d+ other @critical scenario\(s\)$/m,
    );
    assert.match(run.output, /^Gate policy: partial — the run is narrowed by paths /m);
    const results = JSON.parse(
      fs.readFileSync(path.join(run.reportsDir, 'results.json'), 'utf8'),
    ) as RunResults;
    const ran = results.scenarios.filter((scenario) => scenario.attempts > 0);
    // Touched: every scenario whose steps name the changed operation (no earlier run here).
    const touched = namingOperation('identifyForPartner');
    assert.ok(touched.size > 0, 'some scenario calls identifyForPartner');
    const impact = JSON.parse(fs.readFileSync(path.join(run.reportsDir, 'impact.json'), 'utf8')) as {
      affectedScenarios: string[];
    };
    assert.deepEqual([...impact.affectedScenarios].sort(), [...touched].sort());
    for (const ref of touched)
      assert.ok(
        ran.some((scenario) => scenarioKey(scenario) === ref),
        `${ref} exercises the changed operation but did not run`,
      );
    for (const scenario of ran) {
      assert.ok(
        touched.has(scenarioKey(scenario)) || scenario.tags.includes('@critical'),
        `${scenarioKey(scenario)} ran but is neither touched nor @critical`,
      );
    }
    assert.ok(
      !ran.some(
        (scenario) =>
          scenario.uri === 'features/contract/sms-reports.feature' && !scenario.tags.includes('@critical'),
      ),
      'no scenario of an untouched operation ran',
    );
    assert.ok(ran.length < results.scenarios.length / 2, `${ran.length} of ${results.scenarios.length} ran`);
  });

  it('without a base: one line saying what it needs', async () => {
    const run = await runHarness('spec', ['--affected-by']);
    assert.equal(run.code, 2, run.output);
    assert.equal(
      run.output.trim(),
      'spec: --affected-by needs a git ref or a contract file (e.g. --affected-by main)',
    );
  });

  it('a base it cannot read stops the run before any scenario, in one line naming it', async () => {
    const run = await runHarness('spec', ['--affected-by', 'no-such-release-tag']);
    assert.equal(run.code, 2, run.output);
    assert.match(
      run.output.trim(),
      /^spec: no-such-release-tag: neither a contract file nor a commit, branch or tag/,
    );
    assert.equal(run.output.trim().split('\n').length, 1, run.output);
    assert.ok(!fs.existsSync(path.join(run.reportsDir, 'messages.ndjson')), 'no scenario ran');
  });
});
