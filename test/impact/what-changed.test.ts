import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { WhatChangedDoc } from '../../support/docs/what-changed';
import { diffScenarios, scenariosOf } from '../../support/impact/gherkin-diff';
import { launchChromium, watchErrors } from '../helpers/browser';
import { runHarness } from '../helpers/run-harness';
import { at, project } from './contract-repo';

const feature = (...scenarios: string[]): string => `Feature: Reports\n\n${scenarios.join('\n')}`;
const LOOKUP = '  Scenario: Look a number up\n    When I look up "+886955000111"\n    Then it is spam\n';
const BLOCK = '  Scenario: Block a number\n    When I block "+886955000111"\n    Then it is blocked\n';
const OUTLINE = (level: string): string =>
  `  Scenario Outline: <n> reports\n    Given <n> reports\n    Then it is <level>\n\n    Examples:\n      | n | level |\n      | 3 | ${level} |\n`;

describe('scenarios added, removed or reworded: by scenario, not by line', () => {
  const diff = (before: string, after: string): ReturnType<typeof diffScenarios> =>
    diffScenarios(scenariosOf('f.feature', before), scenariosOf('f.feature', after));

  it('the same scenarios moved around are no change', () => {
    assert.deepEqual(diff(feature(LOOKUP, BLOCK), feature(BLOCK, '\n\n', LOOKUP)), []);
  });

  it('added and removed, named with their line', () => {
    assert.deepEqual(
      diff(feature(LOOKUP), feature(BLOCK)).map((change) => [change.kind, change.name, change.line]),
      [
        ['added', 'Block a number', 3],
        ['removed', 'Look a number up', 3],
      ],
    );
  });

  it('a step or an Examples row changed is reworded, with the lines that changed', () => {
    const [step] = diff(feature(LOOKUP), feature(LOOKUP.replace('it is spam', 'it is fraud')));
    assert.deepEqual(step, {
      kind: 'reworded',
      uri: 'f.feature',
      name: 'Look a number up',
      line: 3,
      removedLines: ['Then it is spam'],
      addedLines: ['Then it is fraud'],
    });
    const [row] = diff(feature(OUTLINE('spam')), feature(OUTLINE('fraud')));
    assert.deepEqual(
      [row?.kind, row?.removedLines, row?.addedLines],
      ['reworded', ['| 3 | spam |'], ['| 3 | fraud |']],
    );
  });

  it('a scenario renamed with the same steps is reworded, not removed and added', () => {
    const changes = diff(feature(LOOKUP), feature(LOOKUP.replace('Look a number up', 'Identify a caller')));
    assert.deepEqual(
      changes.map((change) => [change.kind, change.name, change.previousName]),
      [['reworded', 'Identify a caller', 'Look a number up']],
    );
  });
});

describe('npm run docs -- --since <ref>: the "What changed" page', () => {
  it('shows the changed operations, the requirements they touch and the scenarios reworded', async () => {
    const repo = project();
    repo.edit((document) => delete at(document, 'paths')['/partner/numbers/{number}']);
    const file = path.join(repo.dir, 'features/contract/sms-reports.feature');
    const text = fs.readFileSync(file, 'utf8');
    const [first] = scenariosOf('x', text);
    assert.ok(first, 'sms-reports.feature has a scenario');
    fs.writeFileSync(file, text.replace(`: ${first.name}\n`, ': Renamed by the test\n'));

    const env = { HARNESS_CONFIG: path.join(repo.dir, 'harness.config.yaml') };
    const run = await runHarness('docs', ['--since', 'v1'], env);
    assert.equal(run.code, 0, run.output);
    const html = fs.readFileSync(path.join(run.reportsDir, 'living-docs/index.html'), 'utf8');
    const json = /<script id="docs-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
    const changes = (JSON.parse(json) as { whatChanged?: WhatChangedDoc }).whatChanged;
    assert.ok(changes);
    assert.deepEqual(
      changes.operations.map((operation) => [operation.label, operation.breaksClients]),
      [['identifyForPartner', true]],
    );
    assert.ok(
      changes.requirements.some((requirement) => requirement.id === 'REQ-113'),
      'the partner requirement',
    );
    assert.deepEqual(
      changes.scenarios.map((change) => [change.kind, change.name, change.previousName]),
      [['reworded', 'Renamed by the test', first.name]],
    );

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`file://${path.join(run.reportsDir, 'living-docs/index.html')}#/changes`);
      await page.getByRole('heading', { name: 'What changed since v1' }).waitFor({ timeout: 10_000 });
      await page.getByText('GET /partner/numbers/{number} removed — breaks clients').waitFor();
      await page.getByText('was: ' + first.name).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  it('a ref that is not there: exit 2, one line naming it', async () => {
    const run = await runHarness('docs', ['--since', 'no-such-ref']);
    assert.equal(run.code, 2, run.output);
    assert.match(
      run.output.trim(),
      /^docs: no-such-ref: neither a contract file nor a commit, branch or tag/,
    );
  });
});
