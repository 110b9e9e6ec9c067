import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chromium } from 'playwright';
import { chromiumArgs, findBrowser } from '../../support/browser/find-browser';
import type { RunResults } from '../../support/results/run-model';
import { ROOT, runHarness } from '../helpers/run-harness';

const readResults = (dir: string): RunResults =>
  JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as RunResults;

describe('parallel runs, retries and remote browsers', () => {
  it('pass with two workers (each with its own browser and service) in random order', async () => {
    const run = await runHarness(
      'spec',
      ['--tags', '@REQ-301 or @REQ-110', '--order', 'random', '--format', 'summary', '--no-gate'],
      {
        WORKERS: '2',
      },
    );
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /scenarios \(\d+ passed\)/);
    const ui = readResults(run.reportsDir).scenarios.filter(
      (scenario) => scenario.selected && scenario.tags.includes('@ui'),
    );
    assert.ok(
      ui.length >= 4 && ui.every((scenario) => scenario.status === 'PASSED'),
      'UI scenarios ran in the workers',
    );
  });

  it('retry only @flaky scenarios, and count one that passes on a retry as flaky in the gate table', async () => {
    const run = await runHarness('spec', [
      path.join(ROOT, 'test/fixtures/flaky/flaky.feature'),
      '--require',
      path.join(ROOT, 'test/fixtures/flaky/flaky.steps.ts'),
      '--gate-policy',
      'smoke',
    ]);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /│ flaky-scenarios\s+│ ≤ 2\s+│ 1\s+│ pass/);
    const [flaky] = readResults(run.reportsDir).scenarios.filter((scenario) => scenario.selected);
    assert.equal(flaky?.flaky, true);
    assert.equal(flaky?.attempts, 2);
    assert.match(
      fs.readFileSync(path.join(run.reportsDir, 'junit.xml'), 'utf8'),
      /flaky: passed on attempt 2/,
    );
  });

  it('run the UI scenarios in a Playwright browser server named by PW_CONNECT_WS', async () => {
    const found = findBrowser('chromium', process.env.CHROMIUM_PATH, () => chromium.executablePath());
    const server = await chromium.launchServer({
      ...(found.executablePath ? { executablePath: found.executablePath } : {}),
      args: chromiumArgs(),
    });
    try {
      // With no local browser to fall back on, passing proves the remote one was used.
      const run = await runHarness('spec', ['--tags', '@ui and @smoke', '--format', 'summary', '--no-gate'], {
        PW_CONNECT_WS: server.wsEndpoint(),
        CHROMIUM_PATH: '/nowhere/chromium',
      });
      assert.equal(run.code, 0, run.output);
      assert.match(run.output, /scenarios \(\d+ passed\)/);
    } finally {
      await server.close();
    }
  });
});
