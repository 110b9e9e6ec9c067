import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ContractCoverage } from '../../support/results/coverage';
import { ROOT, runHarness } from '../helpers/run-harness';
import { startLibrary } from '../fixtures/library/server';

describe('the generic contract steps against another OpenAPI service, by configuration alone', () => {
  let library: { url: string; close: () => Promise<void> };
  before(async () => {
    library = await startLibrary();
  });
  after(() => library.close());

  it('run its feature, validate every exchange against its spec, and report its coverage', async () => {
    // Its own service and spec, and no requirements in the catalogue: run without the release gate.
    const run = await runHarness(
      'spec',
      [path.join(ROOT, 'test/fixtures/library/library.feature'), '--format', 'summary', '--no-gate'],
      {
        OPENAPI_SPEC: path.join(ROOT, 'test/fixtures/library/openapi.yaml'),
        BASE_URL: `${library.url}/v2`,
      },
    );
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /5 scenarios \(5 passed\)/);
    const coverage = JSON.parse(
      fs.readFileSync(path.join(run.reportsDir, 'contract-coverage.json'), 'utf8'),
    ) as ContractCoverage;
    assert.equal(coverage.spec.title, 'Little Library');
    assert.equal(coverage.totals.operationsCovered, 5);
    assert.equal(coverage.totals.validated, coverage.totals.exchanges);
    assert.equal(coverage.totals.undocumented, 0);
    assert.deepEqual(coverage.uncoveredStatusPairs, ['listItems 4XX', 'removeItem 404']);
  });
});
