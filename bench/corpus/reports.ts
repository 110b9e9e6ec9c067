import path from 'node:path';
import { API_SHAPES } from './api';
import { cycledFeatures, moduleFile, writeFolder, type Shape } from './files';

/** The API corpus's scenarios, one level deeper (inside a Rule): the glossary matches them to the harness's steps. */
const SHAPES: readonly Shape[] = API_SHAPES.map(
  (shape) => (n: number) => shape(n).map((line) => `  ${line}`),
);

/**
 * Steps that pass at once and attach the exchange records the harness's steps would have made, in
 * the harness's own attachment format (its exchangeAttachment, so the two cannot drift apart),
 * checked and valid: a run of thousands of scenarios in seconds whose message stream reads like
 * the harness's own. A TypeScript module is required: the fast run loads it through the harness's TypeScript loader.
 */
const FAST_STEPS = `const { Given, When, Then } = require(${moduleFile('@cucumber/cucumber')});
const { exchangeAttachment } = require(${moduleFile(path.resolve(__dirname, '../../support/report/exchange-attachment'))});
const { EXCHANGE_MEDIA_TYPE } = require(${moduleFile(path.resolve(__dirname, '../../support/http/exchange'))});

const ORIGIN = 'http://127.0.0.1:8080';
let counter = 0;

function attachExchange(world, method, pathName, status, operationId, requestBody, responseBody) {
  const url = ORIGIN + '/api/v1' + pathName;
  const headers = { accept: 'application/json, application/problem+json' };
  if (requestBody !== undefined) headers['content-type'] = 'application/json';
  const record = {
    exchange: {
      source: 'api',
      startedAt: new Date().toISOString(),
      durationMs: 2,
      request: { method, url, headers, ...(requestBody === undefined ? {} : { body: requestBody }) },
      response: { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: responseBody },
    },
    assessment: { operationId, responseKey: String(status), mediaType: 'application/json', validated: true, undocumented: false, violations: [] },
  };
  world.attach(JSON.stringify(exchangeAttachment(record), null, 2), EXCHANGE_MEDIA_TYPE);
}

function lookUp(world, number) {
  attachExchange(world, 'GET', '/numbers/' + encodeURIComponent(number), 200, 'lookUpNumber', undefined, {
    number, displayName: null, kind: 'unknown', spamLevel: 'none', reportCount: 0, categories: [], lastReportedAt: null,
  });
}

When(/^a caller looks up (\\+\\d+)$/, function (number) { lookUp(this, number); });
When('a caller looks up the number', function () { lookUp(this, '+886900000000'); });
Given('a number nobody has reported', function () {});
Given(/^a number that has been reported (\\d+) times? as (\\w+)$/, function (times, category) {
  for (let i = 1; i <= Number(times); i += 1) {
    const username = 'reporter' + i + '-' + ++counter;
    attachExchange(this, 'POST', '/users', 201, 'registerUser', { username, password: '[redacted]', displayName: 'reporter' + i }, { username, displayName: 'reporter' + i });
    attachExchange(this, 'POST', '/auth/token', 200, 'issueToken', { username, password: '[redacted]' }, { accessToken: '[redacted]', tokenType: 'Bearer', expiresIn: 3600 });
    attachExchange(this, 'POST', '/users/' + username + '/reports', 201, 'reportNumber', { number: '+886900000000', category }, { id: 'r' + counter, number: '+886900000000', category });
  }
});
Then(/^the caller is identified as the verified business "([^"]*)"$/, function (_name) {});
Then('the caller is unknown', function () {});
Then(/^the spam level is (\\w+)$/, function (_level) {});
When('I call {string}', function (_operationId) {
  attachExchange(this, 'GET', '/health', 200, 'getHealth', undefined, { status: 'ok', version: '1.0.0' });
});
Then('the response status is {int}', function (_status) {});
`;

export interface ReportsCorpus {
  readonly count: number;
  readonly featuresDir: string;
  /** Cucumber configuration of the fast run that produces the results. */
  readonly runConfig: string;
  /** Where the fast run's messages and the harness's reports go. */
  readonly reportsDir: string;
  readonly docsDir: string;
}

/**
 * `count` scenarios in features of five Rules, each Rule tagged with one of the catalogue's active
 * requirements, and a cucumber configuration that runs them fast with the harness's results plugin
 * (results.json, contract coverage, traceability) and the message formatter.
 */
export function writeReportsCorpus(
  dir: string,
  count: number,
  requirements: readonly string[],
): ReportsCorpus {
  const fastRunDir = path.join(dir, 'fast-run');
  const steps = path.join(fastRunDir, 'steps.js');
  const corpus: ReportsCorpus = {
    count,
    featuresDir: path.join(dir, 'features'),
    runConfig: path.join(fastRunDir, 'cucumber.cjs'),
    reportsDir: path.join(dir, 'reports'),
    docsDir: path.join(dir, 'living-docs'),
  };
  const plugin = path.resolve(__dirname, '../../support/results/plugin.cjs');
  writeFolder(dir, {
    ...cycledFeatures(corpus.featuresDir, count, {
      tags: '@api',
      name: 'Benchmark reports',
      perFile: 50,
      shapes: SHAPES,
      before: (file, index) =>
        index % 10 === 0
          ? [
              `  @${requirements[(file * 5 + index / 10) % requirements.length]!}`,
              `  Rule: Rule ${file}.${index / 10 + 1}`,
              '',
            ]
          : [],
    }),
    [steps]: FAST_STEPS,
    [corpus.runConfig]: `module.exports = { default: ${JSON.stringify({
      paths: [corpus.featuresDir],
      require: [steps],
      // The results plugin writes messages.ndjson itself, beside the results.
      plugin: [plugin],
      strict: true,
    })} };\n`,
  });
  return corpus;
}
