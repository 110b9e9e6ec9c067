import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { computeCoverage, coverageMarkdown } from '../../support/results/coverage';
import { loadContract, type Contract } from '../../support/contract/load';
import type { ExchangeSummary, RunResults, ScenarioResult } from '../../support/results/run-model';
import { scenarioResult } from '../helpers/results';

const COVERAGE_SPEC = path.join(__dirname, '../fixtures/contract/coverage.yaml');

type Hit = Pick<ExchangeSummary, 'method' | 'path' | 'status' | 'operationId' | 'responseKey'> & {
  mediaType?: string;
};

function scenario(uri: string, line: number, hits: readonly Hit[]): ScenarioResult {
  return scenarioResult({
    uri,
    line,
    exchanges: hits.map((hit) => ({
      source: 'api',
      validated: true,
      undocumented: false,
      violations: [],
      ...hit,
    })),
  });
}

function run(...scenarios: ScenarioResult[]): RunResults {
  return { complete: true, runs: 1, scenarios, errors: [] };
}

const json200: Hit = {
  method: 'GET',
  path: '/v2/shelves/1',
  status: 200,
  operationId: 'getShelf',
  responseKey: '200',
  mediaType: 'application/json',
};
const xml200: Hit = { ...json200, mediaType: 'application/xml' };
const notFound: Hit = {
  ...json200,
  status: 404,
  responseKey: '404',
  mediaType: 'application/problem+json',
};
const unavailable: Hit = { ...notFound, status: 503, responseKey: 'default' };
const removed: Hit = {
  method: 'DELETE',
  path: '/v2/shelves/1',
  status: 204,
  operationId: 'removeShelf',
  responseKey: '2XX',
};

/** The lines of one `## …` section of the Markdown. */
function section(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`## ${heading}`);
  assert.notEqual(start, -1, `no section "${heading}" in:\n${markdown}`);
  const rest = markdown.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  return (end === -1 ? rest : rest.slice(0, end)).filter((line) => line.trim() !== '');
}

describe('contract coverage', () => {
  let contract: Contract;
  before(async () => {
    contract = await loadContract(COVERAGE_SPEC);
  });

  it('counts documented status codes and ranges as pairs, and lists `default` responses apart', () => {
    const coverage = computeCoverage(
      contract,
      run(
        scenario('features/a.feature', 3, [json200, removed]),
        scenario('features/b.feature', 7, [unavailable]),
      ),
    );
    assert.equal(coverage.totals.statusPairs, 3);
    assert.equal(coverage.totals.statusPairsCovered, 2);
    assert.deepEqual(coverage.uncoveredStatusPairs, ['getShelf 404']);
    assert.ok(coverage.entries.every((entry) => entry.responseKey !== 'default'));
    assert.deepEqual(
      coverage.catchAll.map(({ operationId, responseKey, mediaType, covered, scenarios }) => ({
        operationId,
        responseKey,
        mediaType,
        covered,
        scenarios,
      })),
      [
        {
          operationId: 'getShelf',
          responseKey: 'default',
          mediaType: 'application/problem+json',
          covered: true,
          scenarios: ['features/b.feature:7'],
        },
        {
          operationId: 'removeShelf',
          responseKey: 'default',
          mediaType: 'application/problem+json',
          covered: false,
          scenarios: [],
        },
      ],
    );
  });

  it('names every uncovered row in the Markdown, catch-all responses in their own section', () => {
    const markdown = coverageMarkdown(
      computeCoverage(
        contract,
        run(
          scenario('features/a.feature', 3, [json200, removed]),
          scenario('features/b.feature', 7, [unavailable]),
        ),
      ),
    );
    assert.deepEqual(section(markdown, 'Not covered'), [
      '- getShelf 404',
      '- getShelf 200 as application/xml (the status was exercised with another media type)',
    ]);
    assert.deepEqual(section(markdown, 'Catch-all responses (`default`), not counted as status pairs'), [
      '1 of 2 exercised.',
      '- `getShelf` GET /shelves/{shelfId} default (application/problem+json): covered by `features/b.feature:7`',
      '- `removeShelf` DELETE /shelves/{shelfId} default (application/problem+json): not covered',
    ]);
    assert.doesNotMatch(section(markdown, 'Operations').join('\n'), /\| default \|/);
  });

  it('says every status was exercised only when no row of the matrix is missing', () => {
    const partial = coverageMarkdown(
      computeCoverage(contract, run(scenario('features/a.feature', 3, [json200, notFound, removed]))),
    );
    assert.deepEqual(section(partial, 'Not covered'), [
      '- getShelf 200 as application/xml (the status was exercised with another media type)',
    ]);

    const full = coverageMarkdown(
      computeCoverage(contract, run(scenario('features/a.feature', 3, [json200, xml200, notFound, removed]))),
    );
    assert.deepEqual(section(full, 'Not covered'), [
      'Every documented status of every operation was exercised, with every declared media type.',
    ]);
    assert.doesNotMatch(section(full, 'Operations').join('\n'), /❌/);
    assert.match(
      section(full, 'Catch-all responses (`default`), not counted as status pairs').join('\n'),
      /^0 of 2 exercised\.\n.*: not covered\n.*: not covered$/,
    );
  });
});
