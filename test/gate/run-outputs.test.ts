import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { junitXml, unusableGate } from '../../support/gate/outputs';
import { clearRunOutputs, removeDerivedReports } from '../../support/gate/run-outputs';
import { tempDir } from '../helpers/temp';

function plant(dir: string, files: readonly string[]): void {
  for (const name of files) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), 'old');
  }
}

const left = (dir: string, files: readonly string[]): string[] =>
  files.filter((name) => fs.existsSync(path.join(dir, name)));

const RUN = [
  'messages.ndjson',
  'results.json',
  'contract-coverage.json',
  'contract-coverage.md',
  'traceability.json',
  'gate.json',
  'junit.xml',
  'summary.md',
  'allure-results/1-result.json',
  'allure-results/2-container.json',
  'allure-results/environment.properties',
];
const KEPT = [
  'allure-results/history/history-trend.json',
  'allure-report/history/history.json',
  'living-docs/index.html',
  'shard-1/messages.ndjson',
  'notes.txt',
];

describe("clearing a reports folder of an earlier run's outputs", () => {
  it('removes every file a run writes, and keeps the Allure history and what is not a run’s', () => {
    const dir = tempDir('sbe-clear-');
    plant(dir, [...RUN, ...KEPT]);
    clearRunOutputs(dir);
    assert.deepEqual(left(dir, RUN), []);
    assert.deepEqual(left(dir, KEPT), KEPT);
  });

  it("moves Allure's results aside at once and deletes them in the background, leftovers too", async () => {
    const dir = tempDir('sbe-clear-');
    const many = Array.from({ length: 2000 }, (_, index) => `allure-results/${index}-result.json`);
    // A deletion that an earlier run's end cut short.
    plant(dir, [...RUN, ...KEPT, ...many, '.discarded/1700000000000-42/9-result.json']);
    clearRunOutputs(dir);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'allure-results')), ['history']);
    assert.deepEqual(left(dir, KEPT), KEPT);
    const discarded = path.join(dir, '.discarded');
    for (let waited = 0; fs.existsSync(discarded) && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(fs.existsSync(discarded), false, 'the results moved aside are deleted');
  });

  it('takes back a history left among discarded results (a run that ended between two moves)', () => {
    const dir = tempDir('sbe-clear-');
    plant(dir, ['allure-results/1-result.json', '.discarded/1700000000000-42/history/history-trend.json']);
    clearRunOutputs(dir);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'allure-results', 'history')), ['history-trend.json']);
  });

  it('deletes them file by file where they cannot be moved aside', () => {
    const dir = tempDir('sbe-clear-');
    // A file where the folder for discarded results would go: nothing can be moved into it.
    plant(dir, [...RUN, ...KEPT, '.discarded']);
    clearRunOutputs(dir);
    assert.deepEqual(left(dir, RUN), []);
    assert.deepEqual(left(dir, KEPT), KEPT);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'allure-results')), ['history']);
  });

  it('removes the reports derived from unusable results, not the results themselves', () => {
    const dir = tempDir('sbe-derived-');
    plant(dir, RUN);
    removeDerivedReports(dir);
    assert.deepEqual(left(dir, RUN), [
      'messages.ndjson',
      'gate.json',
      'junit.xml',
      'summary.md',
      ...RUN.filter((name) => name.startsWith('allure-results/')),
    ]);
  });

  it('a clear on a folder that does not exist yet is no error', () => {
    assert.doesNotThrow(() => clearRunOutputs(path.join(tempDir(), 'not-yet')));
  });
});

describe('junit.xml without usable results', () => {
  it('is one failing case for the gate, with the reason', () => {
    const xml = junitXml(undefined, unusableGate('release', 'reports/messages.ndjson: no results'));
    assert.match(xml, /<testsuite name="Release gate \(release\)" tests="1" failures="1">/);
    assert.match(
      xml,
      /<testcase classname="release-gate" name="results usable">\s*<failure message="results unusable: reports\/messages\.ndjson: no results">results unusable: reports\/messages\.ndjson: no results<\/failure>/,
    );
    assert.equal((xml.match(/<testsuite /g) ?? []).length, 1);
  });
});
