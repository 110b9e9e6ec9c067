import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { loadConfig } from '../../support/config/config';
import { autoWorkers, usableCores } from '../../support/config/workers';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

describe('WORKERS=auto', () => {
  it('gives each worker two cores, at least one worker, and says what it chose', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 8, 16].map((cores) => autoWorkers(cores).workers),
      [1, 1, 1, 2, 4, 8],
    );
    assert.equal(
      autoWorkers(2).said,
      'WORKERS=auto: 1 worker on 2 cores (a worker keeps about 2 cores busy)',
    );
    assert.equal(
      autoWorkers(8).said,
      'WORKERS=auto: 4 workers on 8 cores (a worker keeps about 2 cores busy)',
    );
  });

  it('counts the cores a container’s CPU limit allows, not only those the machine has', () => {
    assert.equal(usableCores(8, '200000 100000\n'), 2);
    assert.equal(usableCores(8, '50000 100000'), 1, 'half a core is one');
    assert.equal(usableCores(8, 'max 100000'), 8, 'no limit');
    assert.equal(usableCores(2, '800000 100000'), 2, 'a limit above the machine');
    assert.equal(usableCores(4, undefined), 4, 'no cgroup to read');
    assert.equal(usableCores(4, 'not a limit'), 4);
    assert.ok(usableCores() <= os.availableParallelism());
  });

  it('is read from the environment, in any case; a number stays a number', () => {
    const auto = loadConfig({ WORKERS: 'Auto' }, ROOT);
    assert.equal(auto.workers, autoWorkers(usableCores()).workers);
    assert.match(auto.workersChosen ?? '', /^WORKERS=auto: \d+ workers? on \d+ cores?/);
    const three = loadConfig({ WORKERS: '3' }, ROOT);
    assert.equal(three.workers, 3);
    assert.equal(three.workersChosen, undefined);
    assert.throws(
      () => loadConfig({ WORKERS: 'two' }, ROOT),
      /^UsageError: WORKERS: "two" is not a whole number/,
    );
  });

  it('npm run spec says what it chose before the run, unless --parallel says otherwise', async () => {
    const env = { WORKERS: 'auto', REPORTS_DIR: tempDir('sbe-workers-auto-') };
    const chosen = await runHarness('spec', ['--no-gate', '--dry-run', 'features'], env);
    assert.equal(chosen.code, 0, chosen.output);
    assert.match(chosen.output, /^WORKERS=auto: \d+ workers? on \d+ cores?/m);
    const overridden = await runHarness(
      'spec',
      ['--no-gate', '--dry-run', '--parallel', '2', 'features'],
      env,
    );
    assert.equal(overridden.code, 0, overridden.output);
    assert.doesNotMatch(overridden.output, /WORKERS=auto/);
  });
});
