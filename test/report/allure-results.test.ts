import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { CATEGORIES } from '../../support/report/allure-metadata';
import { headCommit } from '../../support/config/head-commit';
import { commitId, executor } from '../../support/report/run-environment';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

interface Label {
  readonly name: string;
  readonly value: string;
}

interface Attachment {
  readonly name: string;
  readonly source: string;
}

interface Step {
  readonly name?: string;
  readonly attachments?: readonly Attachment[];
  readonly steps?: readonly Step[];
}

interface AllureResult extends Step {
  readonly name: string;
  readonly status: string;
  readonly start: number;
  readonly statusDetails?: { readonly flaky?: boolean };
  readonly labels: readonly Label[];
  readonly links: readonly { readonly name: string; readonly url: string; readonly type: string }[];
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** A Java properties file as Allure reads it: `key=value`, with `\` escaping `:`, `=` and spaces. */
function readProperties(file: string): Record<string, string> {
  const unescape = (text: string): string =>
    text.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
  const entries = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const separator = /(?<!\\)=/.exec(line)?.index ?? line.length;
      return [unescape(line.slice(0, separator)), unescape(line.slice(separator + 1))] as const;
    });
  return Object.fromEntries(entries);
}

function attachmentsOf(step: Step): Attachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

interface TreeNode {
  readonly name: string;
  readonly children?: readonly TreeNode[];
}

const leaves = (node: TreeNode): string[] => (node.children ? node.children.flatMap(leaves) : [node.name]);

const labelsOf = (result: AllureResult, name: string): string[] =>
  result.labels.filter((label) => label.name === name).map((label) => label.value);

const FLAKY = 'A check that fails once, then passes';
const API = 'A verified business is named as such';
const UI = 'The web app names a verified business';
const FAILING = 'After a successful sign-in the web app is wrongly expected to complain';

describe('the Allure results and report of a run', () => {
  const reportsDir = tempDir('sbe-allure-');
  const resultsDir = path.join(reportsDir, 'allure-results');
  let results: AllureResult[];
  const named = (name: string): AllureResult[] => results.filter((result) => result.name === name);
  const only = (name: string): AllureResult => {
    const [result, ...others] = named(name);
    assert.ok(result, `no Allure result for "${name}"`);
    assert.equal(others.length, 0, `several Allure results for "${name}"`);
    return result;
  };

  before(async () => {
    const run = await runHarness(
      'spec',
      [
        'features/number-lookup/identify-callers.feature',
        path.join(ROOT, 'test/fixtures/flaky/flaky.feature'),
        path.join(ROOT, 'test/fixtures/failing/ui-failure.feature'),
        '--require',
        path.join(ROOT, 'test/fixtures/flaky/flaky.steps.ts'),
        '--tags',
        '@REQ-101 or @REQ-501 or @REQ-402',
        '--format',
        'summary',
        '--no-gate',
      ],
      { REPORTS_DIR: reportsDir },
    );
    // One scenario is made to fail: the categories need a failure to sort.
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /5 scenarios \(1 failed, 4 passed\)/);
    results = fs
      .readdirSync(resultsDir)
      .filter((name) => name.endsWith('-result.json'))
      .map((name) => readJson<AllureResult>(path.join(resultsDir, name)));
  });

  it('label each result with epic, suites, feature, story, severity, owner, layer and the operations it exercised', () => {
    const api = only(API);
    const expected = {
      epic: ['Number lookup'],
      parentSuite: ['Number lookup'],
      suite: ['Identify who is calling'],
      subSuite: ['A listed business is named, and the lookup says whether it is verified'],
      feature: ['Identify who is calling'],
      story: ['A listed business is named, and the lookup says whether it is verified'],
      severity: ['critical'],
      owner: ['Mei-ling Chen (Product, Caller ID)'],
      layer: ['api'],
      operation: ['lookUpNumber'],
      requirement: ['REQ-101'],
    };
    for (const [name, values] of Object.entries(expected))
      assert.deepEqual(labelsOf(api, name), values, name);
    const ui = only(UI);
    assert.deepEqual(labelsOf(ui, 'layer'), ['ui']);
    assert.deepEqual(labelsOf(ui, 'severity'), ['normal']);
    assert.deepEqual(labelsOf(ui, 'operation'), ['lookUpNumber'], 'the calls the web app made count too');
    for (const result of results) assert.equal(labelsOf(result, 'severity').length, 1, result.name);
  });

  it('link each result to the requirements it proves', () => {
    assert.deepEqual(only(API).links, [
      {
        name: 'REQ-101 Identify business callers',
        url: 'https://tracker.example/browse/REQ-101',
        type: 'tms',
      },
    ]);
    assert.deepEqual(
      only(FAILING).links.map((link) => link.url),
      ['https://tracker.example/browse/REQ-402'],
    );
  });

  it('attach every HTTP exchange with its method, URL, status, headers, bodies and a curl line', () => {
    const [attachment] = attachmentsOf(only(API)).filter((each) =>
      /^HTTP lookUpNumber → 200/.test(each.name),
    );
    assert.ok(attachment, 'no exchange attachment');
    const record = readJson<{
      kind: string;
      curl: string;
      exchange: {
        request: { method: string; url: string; headers: Record<string, string> };
        response: { status: number; headers: Record<string, string>; body: { number?: string } };
      };
    }>(path.join(resultsDir, attachment.source));
    assert.equal(record.kind, 'http-exchange');
    assert.equal(record.exchange.request.method, 'GET');
    assert.match(
      record.exchange.request.url,
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/numbers\/%2B886227208889$/,
    );
    assert.equal(record.exchange.response.status, 200);
    assert.match(record.exchange.response.headers['content-type'] ?? '', /^application\/json/);
    assert.equal(record.exchange.response.body.number, '+886227208889');
    assert.equal(record.curl.startsWith(`curl -X GET '${record.exchange.request.url}'`), true, record.curl);
  });

  it('write environment.properties with the base URL the run used, the spec, the commit and the browser', async () => {
    const environment = readProperties(path.join(resultsDir, 'environment.properties'));
    const spec = parse(fs.readFileSync(path.join(ROOT, 'specs/openapi.yaml'), 'utf8')) as {
      info: { title: string; version: string };
    };
    const baseUrl = new URL(environment['Base URL'] ?? 'not a URL');
    assert.equal(baseUrl.hostname, '127.0.0.1');
    assert.equal(baseUrl.pathname, '/api/v1');
    // The URL the exchanges went to: the one the run really used.
    const exchangeFile = attachmentsOf(only(API)).find((each) => each.name.startsWith('HTTP '))?.source ?? '';
    const { exchange } = readJson<{ exchange: { request: { url: string } } }>(
      path.join(resultsDir, exchangeFile),
    );
    assert.equal(new URL(exchange.request.url).origin, baseUrl.origin);
    assert.equal(environment['UI URL'], baseUrl.origin);
    assert.equal(environment.Spec, spec.info.title);
    assert.equal(environment['Spec version'], spec.info.version);
    assert.equal(environment.Commit, commitId(await headCommit()));
    assert.equal(environment.Browser, 'chromium');
    assert.match(environment['Browser version'] ?? '', /^\d+\.\d+/);
  });

  it('write executor.json and categories.json', () => {
    const { buildName, ...rest } = readJson<Record<string, string>>(path.join(resultsDir, 'executor.json'));
    const { buildName: expectedBuild, ...expected } = executor({ ...process.env, CI: 'true' });
    assert.deepEqual(rest, expected);
    assert.equal(typeof buildName, typeof expectedBuild);
    assert.deepEqual(
      readJson<{ name: string }[]>(path.join(resultsDir, 'categories.json')).map((category) => category.name),
      CATEGORIES.map((category) => category.name),
    );
  });

  it('flag the scenario that passed only on its retry as flaky, and no other', () => {
    const attempts = named(FLAKY).sort((a, b) => a.start - b.start);
    assert.deepEqual(
      attempts.map((attempt) => [attempt.status, attempt.statusDetails?.flaky === true]),
      [
        ['broken', false],
        ['passed', true],
      ],
    );
    const flagged = results
      .filter((result) => result.statusDetails?.flaky === true)
      .map((result) => result.name);
    assert.deepEqual(flagged, [FLAKY]);
  });

  it('build a report whose history carries over, with the flaky scenario flagged and the failure sorted', async () => {
    for (const time of [1, 2]) {
      const report = await runHarness('report', [], { REPORTS_DIR: reportsDir });
      assert.equal(report.code, 0, `report ${time}: ${report.output}`);
    }
    const report = path.join(reportsDir, 'allure-report');
    assert.equal(readJson<unknown[]>(path.join(report, 'history/history-trend.json')).length, 2);
    const cases = fs
      .readdirSync(path.join(report, 'data/test-cases'))
      .map((name) =>
        readJson<{ name: string; flaky: boolean; retry: boolean }>(
          path.join(report, 'data/test-cases', name),
        ),
      )
      .filter((testCase) => !testCase.retry);
    assert.deepEqual(
      cases.filter((testCase) => testCase.flaky).map((testCase) => testCase.name),
      [FLAKY],
    );
    const environment = readJson<{ name: string; values: string[] }[]>(
      path.join(report, 'widgets/environment.json'),
    );
    assert.match(
      environment.find((entry) => entry.name === 'Base URL')?.values[0] ?? '',
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/,
    );
    // Category → message → scenario.
    const categories = readJson<TreeNode>(path.join(report, 'data/categories.json'));
    assert.deepEqual(
      (categories.children ?? []).map((category) => [category.name, leaves(category)]),
      [['Product defects', [FAILING]]],
    );
  });
});
