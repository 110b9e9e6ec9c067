import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { RESULTS_SCHEMA_VERSION, readModelFile, readRunModel } from '../../support/results/model-file';
import { UnusableResultsError } from '../../support/results/read-run';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

/**
 * One model, computed once: the results plugin writes the run's results, coverage and traceability
 * (versioned); the gate and the docs read them, never the message stream, and refuse a model that
 * is malformed or of another version with one line naming the file (exit 2).
 */

/** A copy of a reports folder, `without` the files named. */
function copyOf(reportsDir: string, without: readonly string[] = []): string {
  const copy = tempDir('sbe-model-copy-');
  fs.cpSync(reportsDir, copy, { recursive: true });
  for (const name of without) fs.rmSync(path.join(copy, name), { force: true });
  return copy;
}

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** What the gate decided: gate.json, its rules and the run it judged. */
const verdictOf = (reportsDir: string): unknown => readJson(path.join(reportsDir, 'gate.json'));

/** The site the docs wrote, without the moment it was written. */
function siteOf(reportsDir: string): string {
  return fs
    .readFileSync(path.join(reportsDir, 'living-docs', 'index.html'), 'utf8')
    .replace(/"generatedAt":"[^"]*"/g, '"generatedAt":"<time>"');
}

describe('the gate and the docs read the run’s model, not its message stream', () => {
  let reportsDir: string;

  before(async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-501 or @REQ-110', '--no-gate']);
    assert.equal(run.code, 0, run.output);
    reportsDir = run.reportsDir;
  });

  it('writes results, coverage and traceability once, each of this schema version', () => {
    for (const name of ['results.json', 'contract-coverage.json', 'traceability.json'])
      assert.equal(readJson(path.join(reportsDir, name)).schemaVersion, RESULTS_SCHEMA_VERSION, name);
    const model = readRunModel(reportsDir);
    assert.ok(model.results.scenarios.some((scenario) => scenario.status === 'PASSED'));
    assert.ok(model.traceability.requirements.some((requirement) => requirement.id === 'REQ-110'));
    assert.ok(model.coverage.totals.statusPairsCovered > 0);
    assert.equal('schemaVersion' in model.results, false, 'readers get the content, not the version');
  });

  it('the gate gives the same verdict with and without messages.ndjson', async () => {
    const withStream = copyOf(reportsDir);
    const withoutStream = copyOf(reportsDir, ['messages.ndjson']);
    const first = await runHarness('gate', ['--reports', withStream]);
    const second = await runHarness('gate', ['--reports', withoutStream]);
    assert.equal(first.code, 1, first.output);
    assert.equal(second.code, first.code, second.output);
    assert.equal(second.output, first.output);
    assert.deepEqual(verdictOf(withoutStream), verdictOf(withStream));
    for (const name of ['junit.xml', 'summary.md'])
      assert.equal(
        fs.readFileSync(path.join(withoutStream, name), 'utf8'),
        fs.readFileSync(path.join(withStream, name), 'utf8'),
        name,
      );
  });

  it('the gate judges what results.json says, not what the stream says', async () => {
    const altered = copyOf(reportsDir);
    const file = path.join(altered, 'results.json');
    const results = readJson(file) as { scenarios: { selected: boolean; status: string }[] };
    const scenario = results.scenarios.find((each) => each.selected && each.status === 'PASSED')!;
    scenario.status = 'FAILED';
    fs.writeFileSync(file, JSON.stringify(results));
    const gate = await runHarness('gate', ['--reports', altered, '--policy', 'partial']);
    assert.equal(gate.code, 1, gate.output);
    assert.match(gate.output, /no-failed-scenarios/);
  });

  it('the docs build the same site with and without messages.ndjson, from the run’s traceability', async () => {
    const withStream = copyOf(reportsDir);
    const withoutStream = copyOf(reportsDir, ['messages.ndjson']);
    for (const dir of [withStream, withoutStream]) {
      const docs = await runHarness('docs', [], { REPORTS_DIR: dir });
      assert.equal(docs.code, 0, docs.output);
    }
    assert.equal(siteOf(withoutStream), siteOf(withStream));

    // The docs of the run's features take its traceability as the run computed it…
    const retitled = copyOf(reportsDir, ['messages.ndjson']);
    const traceFile = path.join(retitled, 'traceability.json');
    fs.writeFileSync(
      traceFile,
      fs.readFileSync(traceFile, 'utf8').replace(/"title": "[^"]*"/, '"title": "Retitled in the model"'),
    );
    assert.equal((await runHarness('docs', [], { REPORTS_DIR: retitled })).code, 0);
    assert.match(siteOf(retitled), /Retitled in the model/);
    // …which is what the docs would derive themselves from the results and the features.
    const derived = copyOf(reportsDir, ['messages.ndjson', 'traceability.json']);
    assert.equal((await runHarness('docs', [], { REPORTS_DIR: derived })).code, 0);
    assert.equal(siteOf(derived), siteOf(withStream));
  });
});

describe('npm run merge writes the merged model', () => {
  it('which the gate reads as it reads one run’s, with or without the merged messages.ndjson', async () => {
    const shards: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const run = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate'], { SHARD: shard });
      assert.equal(run.code, 0, run.output);
      shards.push(run.reportsDir);
    }
    const merged = await runHarness('merge', ['--no-gate', ...shards]);
    assert.equal(merged.code, 0, merged.output);
    for (const name of ['results.json', 'contract-coverage.json', 'traceability.json'])
      assert.equal(readJson(path.join(merged.reportsDir, name)).schemaVersion, RESULTS_SCHEMA_VERSION, name);
    const withStream = copyOf(merged.reportsDir);
    const withoutStream = copyOf(merged.reportsDir, ['messages.ndjson']);
    const first = await runHarness('gate', ['--reports', withStream]);
    const second = await runHarness('gate', ['--reports', withoutStream]);
    assert.equal(second.code, first.code, second.output);
    assert.deepEqual(verdictOf(withoutStream), verdictOf(withStream));
  });
});

describe('a results model that cannot be read: exit 2, one line naming the file', () => {
  const reportsWith = (results: string): string => {
    const dir = tempDir('sbe-bad-model-');
    fs.writeFileSync(path.join(dir, 'results.json'), results);
    return dir;
  };
  const cases: readonly { what: string; content: string; says: RegExp }[] = [
    {
      what: 'cut off',
      content: `{"schemaVersion": ${RESULTS_SCHEMA_VERSION}, "complete": tr`,
      says: /results\.json: not valid JSON \(.+\): the file is corrupt or was cut off while writing/,
    },
    {
      what: 'of another version',
      content: JSON.stringify({ schemaVersion: 99, complete: true, runs: 1, scenarios: [], errors: [] }),
      says: /results\.json: schemaVersion 99, but this harness reads results of schemaVersion 1/,
    },
    {
      what: 'without a version (an older harness)',
      content: JSON.stringify({ complete: true, runs: 1, scenarios: [], errors: [] }),
      says: /results\.json: no schemaVersion, but this harness reads results of schemaVersion 1/,
    },
    {
      what: 'of the wrong shape',
      content: JSON.stringify({
        schemaVersion: 1,
        complete: true,
        runs: 1,
        scenarios: [{ name: 'x' }],
        errors: [],
      }),
      says: /results\.json: not a results file of this harness: \/scenarios\/0 must have required property/,
    },
  ];

  for (const { what, content, says } of cases) {
    it(`read directly: ${what}`, () => {
      const dir = reportsWith(content);
      assert.throws(
        () => readModelFile(path.join(dir, 'results.json'), 'results'),
        (error: unknown) =>
          error instanceof UnusableResultsError && says.test(error.message) && !error.message.includes('\n'),
      );
    });
  }

  it('npm run gate on a results.json of another version', async () => {
    const dir = reportsWith(cases[1]!.content);
    const gate = await runHarness('gate', ['--reports', dir]);
    assert.equal(gate.code, 2, gate.output);
    const lines = gate.output.split('\n').filter((line) => line.includes('results.json'));
    assert.equal(lines.length, 1, gate.output);
    assert.match(lines[0]!, /^Release gate \(release policy\): NO-GO — .*results\.json: schemaVersion 99/);
    assert.match(String(readJson(path.join(dir, 'gate.json')).unusable), cases[1]!.says);
  });

  it('npm run gate on a malformed results.json', async () => {
    const dir = reportsWith(cases[0]!.content);
    const gate = await runHarness('gate', ['--reports', dir]);
    assert.equal(gate.code, 2, gate.output);
    assert.equal(
      gate.output.split('\n').filter((line) => line.includes('results.json')).length,
      1,
      gate.output,
    );
    assert.match(gate.output, cases[0]!.says);
  });

  it('npm run docs on a results.json of another version or shape', async () => {
    for (const { content, says } of [cases[1]!, cases[3]!]) {
      const dir = reportsWith(content);
      const docs = await runHarness('docs', ['--features', path.join(ROOT, 'test/docs/fixtures/run')], {
        REPORTS_DIR: dir,
      });
      assert.equal(docs.code, 2, docs.output);
      assert.equal(docs.output.trim().split('\n').length, 1, docs.output);
      assert.match(docs.output.trim(), new RegExp(`^docs: .*${says.source}`));
      assert.ok(!fs.existsSync(path.join(dir, 'living-docs')), 'no site from a model it cannot read');
    }
  });
});
