import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ContractCoverage } from '../../support/results/coverage';
import type { RunResults } from '../../support/results/run-model';
import type { Traceability } from '../../support/results/traceability';
import { startLibrary } from '../fixtures/library/server';
import { startPrism } from '../helpers/prism';
import { ROOT, runHarness } from '../helpers/run-harness';

const PROJECTS = path.join(ROOT, 'test/fixtures/projects');
const TIDES = path.join(PROJECTS, 'tides/harness.config.yaml');
const LENDING = path.join(PROJECTS, 'two-services/harness.config.yaml');

const readJson = <T>(dir: string, name: string): T =>
  JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;

/** Every file a run left, as text (zips and images are skipped: their text is scanned elsewhere). */
function textsUnder(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(zip|png)$/.test(entry.name))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(dir, file), text: fs.readFileSync(file, 'utf8') };
    });
}

describe('a project the harness was not written for: OpenAPI 3.1, served at the root, no embedded service', () => {
  let mock: { url: string; close: () => Promise<void> };
  before(async () => {
    mock = await startPrism(path.join(PROJECTS, 'tides/specs/tides.yaml'));
  });
  after(() => mock.close());

  it('runs its features, checks every exchange against its contract, and no output speaks of caller ID', async () => {
    const env = { HARNESS_CONFIG: TIDES, BASE_URL: mock.url, TIDES_STATION_KEY: 'harbour-key-7781' };
    const run = await runHarness('spec', [], env);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /3 scenarios \(3 passed\)/);
    assert.match(run.output, /Release gate \(release policy\): GO/);
    const coverage = readJson<ContractCoverage>(run.reportsDir, 'contract-coverage.json');
    assert.equal(coverage.spec.title, 'Harbour Tides');
    assert.deepEqual(
      coverage.services.map((service) => service.name),
      ['tides'],
    );
    assert.ok(coverage.totals.exchanges >= 3);
    assert.equal(coverage.totals.validated, coverage.totals.exchanges);
    assert.equal(coverage.totals.violations, 0);

    const docs = await runHarness('docs', [], { ...env, REPORTS_DIR: run.reportsDir });
    assert.equal(docs.code, 0, docs.output);
    const site = fs.readFileSync(path.join(run.reportsDir, 'living-docs/index.html'), 'utf8');
    assert.match(site, /<title>Harbour tides — living specification<\/title>/);
    // The step vocabulary holds the harness's generic steps, none of the example's.
    assert.match(site, /I am authorized by/);
    assert.doesNotMatch(site, /persona|spam level/i);

    for (const { file, text } of textsUnder(run.reportsDir)) {
      assert.doesNotMatch(text, /caller|whoscall|spam/i, `${file} speaks of the caller-ID example`);
      assert.doesNotMatch(text, /harbour-key-7781/, `${file} holds the station key`);
    }
    const lint = await runHarness('lint:features', [], env);
    assert.equal(lint.code, 0, lint.output);
    assert.match(lint.output, /Features are clean: 1 files, 3 scenarios/);

    // The gate on its own, a later CI step: it knows the key from the features' {{env.…}}.
    fs.writeFileSync(path.join(run.reportsDir, 'notes.txt'), 'pasted from a log: harbour-key-7781\n');
    const gate = await runHarness('gate', [], { ...env, REPORTS_DIR: run.reportsDir });
    assert.equal(gate.code, 1, gate.output);
    assert.match(gate.output, /notes\.txt: a secret of the run \(raw\)/);
    assert.doesNotMatch(gate.output, /harbour-key-7781/);
  });

  it('refuses, before any scenario, a base path the deployment does not serve, and says which is right', async () => {
    const run = await runHarness('spec', [], {
      HARNESS_CONFIG: TIDES,
      BASE_URL: mock.url,
      API_BASE_PATH: '/v2',
      TIDES_STATION_KEY: 'harbour-key-7781',
    });
    assert.equal(run.code, 2, run.output);
    assert.match(
      run.output,
      /^ {2}BASE_URL: the API is not at http:\/\/127\.0\.0\.1:\d+\/v2: listStations \(GET http:\/\/127\.0\.0\.1:\d+\/v2\/stations\) answered 404, which the contract does not document; at http:\/\/127\.0\.0\.1:\d+ it answers 200: the API is served at the root: set basePath: \/ in the project file, or API_BASE_PATH=\/$/m,
    );
    assert.doesNotMatch(run.output, /scenarios? \(/);
  });

  it("fills the contract's server variables when nothing else says where the service is", async () => {
    const run = await runHarness('spec', [], {
      HARNESS_CONFIG: TIDES,
      TIDES_STATION_KEY: 'harbour-key-7781',
      HEALTH_WAIT: '0',
      HTTP_TIMEOUT: '1000',
    });
    assert.equal(run.code, 2, run.output);
    // scheme from the project file (http), version from its default (v2), basePath / from the project file.
    assert.match(run.output, /listStations \(GET http:\/\/tides\.example\.test\/stations\) failed/);
    assert.doesNotMatch(run.output, /%7B|\{scheme\}/);
  });

  it('says which environment variable a credential needs, before any scenario', async () => {
    const run = await runHarness('spec', [], {
      HARNESS_CONFIG: TIDES,
      BASE_URL: mock.url,
      TIDES_STATION_KEY: '',
    });
    assert.equal(run.code, 2, run.output);
    assert.match(
      run.output,
      /^ {2}features\/stations\/stations\.feature:25: \{\{env\.TIDES_STATION_KEY\}\}: the environment variable TIDES_STATION_KEY is not set$/m,
    );
  });
});

describe('two services in one suite', () => {
  let accounts: { url: string; close: () => Promise<void> };
  let library: { url: string; close: () => Promise<void> };
  let env: NodeJS.ProcessEnv;
  before(async () => {
    accounts = await startPrism(path.join(PROJECTS, 'two-services/specs/accounts.yaml'));
    library = await startLibrary();
    env = { HARNESS_CONFIG: LENDING, BASE_URL_ACCOUNTS: accounts.url, BASE_URL_LIBRARY: library.url };
  });
  after(async () => {
    await accounts.close();
    await library.close();
  });

  it('crosses services in one scenario, each exchange checked by its own contract and reported per service', async () => {
    const run = await runHarness('spec', [], env);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /1 scenario \(1 passed\)/);
    const results = readJson<RunResults>(run.reportsDir, 'results.json');
    assert.deepEqual(
      results.scenarios[0]?.exchanges.map((exchange) => `${exchange.service}:${exchange.operationId}`),
      ['accounts:createSession', 'library:listItems', 'accounts:listItems'],
    );
    const coverage = readJson<ContractCoverage>(run.reportsDir, 'contract-coverage.json');
    assert.deepEqual(
      coverage.services.map((service) => [
        service.name,
        service.totals.operationsCovered,
        service.totals.operations,
      ]),
      [
        ['accounts', 2, 2],
        ['library', 1, 5],
      ],
    );
    assert.equal(coverage.totals.operations, 7);
    assert.ok(coverage.uncoveredStatusPairs.includes('library:addItem 201'));
    const markdown = fs.readFileSync(path.join(run.reportsDir, 'contract-coverage.md'), 'utf8');
    assert.match(markdown, /\| accounts \| Member Accounts 1\.2\.0 \| 2\/2 \(100 %\)/);
    const trace = readJson<Traceability>(run.reportsDir, 'traceability.json');
    assert.deepEqual(
      trace.operations.map((operation) => operation.operationId),
      ['accounts:createSession', 'accounts:listItems', 'library:listItems'],
    );
    // Allure labels the scenario with the same operations, by the same names.
    const allure = path.join(run.reportsDir, 'allure-results');
    const labels = fs
      .readdirSync(allure)
      .filter((name) => name.endsWith('-result.json'))
      .flatMap((name) => readJson<{ labels: { name: string; value: string }[] }>(allure, name).labels)
      .filter((label) => label.name === 'operation')
      .map((label) => label.value);
    assert.deepEqual(labels.sort(), ['accounts:createSession', 'accounts:listItems', 'library:listItems']);
    // The session token came back in a secret-named field: it is in no report.
    for (const { file, text } of textsUnder(run.reportsDir)) {
      assert.doesNotMatch(text, /sess-7f3a9c2e41/, `${file} holds the session token`);
    }
  });

  it('judges contract coverage per service: one short of its minimum is a no-go naming it', async () => {
    const run = await runHarness('spec', ['--gate-policy', 'strict'], env);
    assert.equal(run.code, 1, run.output);
    assert.match(
      run.output,
      /contract-coverage: .*\(accounts 100%, library 11\.1%\).* — library: 11\.1% of its operation × status pairs \(needs 50%\)/,
    );
  });

  it('refuses an operation id two services share when the call does not say which, and an unknown service', async () => {
    const run = await runHarness('spec', [path.join(PROJECTS, 'two-services/mistakes')], env);
    assert.equal(run.code, 2, run.output);
    assert.match(
      run.output,
      /mistakes\/ambiguous\.feature:5: operation "listItems" is in several services \("accounts", "library"\): say which, as in When I call "listItems" on "accounts"/,
    );
    assert.match(
      run.output,
      /mistakes\/ambiguous\.feature:9: unknown service "catalogue"; the project's services are: accounts, library/,
    );
  });
});
