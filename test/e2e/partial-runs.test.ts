import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runHarness } from '../helpers/run-harness';
import { startLibrary } from '../fixtures/library/server';

const verdict = (reportsDir: string): { verdict: string; policy: string; rules: { id: string }[] } =>
  JSON.parse(fs.readFileSync(path.join(reportsDir, 'gate.json'), 'utf8')) as {
    verdict: string;
    policy: string;
    rules: { id: string }[];
  };

/** Coverage and the @critical set are the full run's to prove: a partial run is not judged on them. */
function assertJudgedAsPartial(reportsDir: string): void {
  const gate = verdict(reportsDir);
  assert.equal(gate.policy, 'partial');
  assert.equal(gate.verdict, 'go');
  const ids = gate.rules.map((rule) => rule.id);
  for (const id of ['no-failed-scenarios', 'no-undefined-steps', 'no-contract-violations'])
    assert.ok(ids.includes(id), `${id} is judged`);
  for (const id of ['critical-scenarios-pass', 'contract-coverage', 'requirement-coverage'])
    assert.ok(!ids.includes(id), `${id} is not judged`);
}

describe('a run narrowed by paths, tags or names, judged by the partial policy', () => {
  it('one passing scenario by its line: go, exit 0, and the policy line says why', async () => {
    const run = await runHarness('spec', ['features/number-lookup/spam-level.feature:70']);
    assert.equal(run.code, 0, run.output);
    assert.match(
      run.output,
      /^Gate policy: partial — the run is narrowed by paths features\/number-lookup\/spam-level\.feature:70 \(coverage and @critical are the full run's to prove\)$/m,
    );
    // The policy line comes before the table.
    assert.ok(run.output.indexOf('Gate policy:') < run.output.indexOf('│ rule'), run.output);
    assert.match(run.output, /Release gate \(partial policy\): GO/);
    assertJudgedAsPartial(run.reportsDir);
  });

  it('the smoke scenarios of the API by their tags: go, exit 0', async () => {
    const run = await runHarness('spec', ['--tags', '@smoke and @api']);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^Gate policy: partial — the run is narrowed by tags "@smoke and @api"/m);
    assertJudgedAsPartial(run.reportsDir);
  });
});

describe('a policy named on the command line', () => {
  it('that the gate file lacks stops the run before any scenario, naming the file and its policies', async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-501', '--gate-policy', 'nightly']);
    assert.equal(run.code, 2, run.output);
    assert.match(
      run.output,
      /^spec: gate\.config\.yaml: no policy "nightly" \(policies: release, partial, smoke\)$/m,
    );
    assert.ok(!fs.existsSync(path.join(run.reportsDir, 'messages.ndjson')), 'no scenario ran');
  });
});

describe('the generic contract steps against another OpenAPI service, with the gate', () => {
  let library: { url: string; close: () => Promise<void> };
  before(async () => {
    library = await startLibrary();
  });
  after(() => library.close());

  it('say go: its requirements and coverage are not the caller-ID catalogue’s', async () => {
    const run = await runHarness('spec', [path.join(ROOT, 'test/fixtures/library/library.feature')], {
      OPENAPI_SPEC: path.join(ROOT, 'test/fixtures/library/openapi.yaml'),
      BASE_URL: `${library.url}/v2`,
    });
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^Gate policy: partial — the run is narrowed by paths .*library\.feature/m);
    assertJudgedAsPartial(run.reportsDir);
  });
});
