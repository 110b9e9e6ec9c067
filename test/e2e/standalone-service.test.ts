import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runHarness } from '../helpers/run-harness';
import { startStandaloneSut, type StandaloneSut } from '../../sut/standalone';

describe('the features against a standalone deployment (npm run sut + BASE_URL)', () => {
  let sut: StandaloneSut;
  before(async () => {
    sut = await startStandaloneSut();
  });
  after(() => sut.stop());

  it('pass every scenario over the network, isolating themselves without resets', async () => {
    // Only the origin: the harness appends the contract's base path (/api/v1).
    const run = await runHarness(
      'spec',
      ['--format', 'summary'],
      { BASE_URL: sut.origin },
      { timeoutMs: 300_000 },
    );
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^\d+ scenarios \(\d+ passed\)$/m);
    assert.match(run.output, /Release gate \(release policy\): GO/, 'a clean full run is a go');
  });

  it('pass again on the same, now dirty, deployment: nothing depends on a clean state', async () => {
    const run = await runHarness('spec', ['--tags', '@api', '--format', 'summary', '--no-gate'], {
      BASE_URL: sut.origin,
    });
    assert.equal(run.code, 0, run.output);
  });
});
