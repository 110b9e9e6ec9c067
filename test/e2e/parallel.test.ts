import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chromium } from 'playwright';
import { chromiumArgs, findBrowser, launchFound } from '../../support/browser/find-browser';
import type { Envelope, Timestamp } from '@cucumber/messages';
import type { RunResults } from '../../support/results/run-model';
import { ROOT, runHarness } from '../helpers/run-harness';
import { sharedFullRun } from '../helpers/shared-run';
import { tempDir } from '../helpers/temp';

const readResults = (dir: string): RunResults =>
  JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as RunResults;

interface Attempt {
  readonly name: string;
  readonly tags: readonly string[];
  readonly worker: string | undefined;
  readonly start: number;
  end: number;
}

const millis = (timestamp: Timestamp): number => timestamp.seconds * 1000 + timestamp.nanos / 1e6;

/** When each scenario attempt started and finished, and in which worker, from the message stream. */
function attempts(reportsDir: string): Attempt[] {
  const envelopes = fs
    .readFileSync(path.join(reportsDir, 'messages.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Envelope);
  const pickles = new Map(
    envelopes.flatMap((envelope) => (envelope.pickle ? [[envelope.pickle.id, envelope.pickle]] : [])),
  );
  const testCases = new Map(
    envelopes.flatMap((envelope) =>
      envelope.testCase ? [[envelope.testCase.id, envelope.testCase.pickleId]] : [],
    ),
  );
  const started = new Map<string, Attempt>();
  for (const envelope of envelopes) {
    if (envelope.testCaseStarted) {
      const pickle = pickles.get(testCases.get(envelope.testCaseStarted.testCaseId) ?? '');
      started.set(envelope.testCaseStarted.id, {
        name: pickle?.name ?? '',
        tags: pickle?.tags.map((tag) => tag.name) ?? [],
        worker: envelope.testCaseStarted.workerId,
        start: millis(envelope.testCaseStarted.timestamp),
        end: Number.NaN,
      });
    }
    const finished = envelope.testCaseFinished;
    if (finished) {
      const attempt = started.get(finished.testCaseStartedId);
      if (attempt) attempt.end = millis(finished.timestamp);
    }
  }
  return [...started.values()];
}

const overlap = (a: Attempt, b: Attempt): boolean => a.start < b.end && b.start < a.end;

describe('parallel runs, retries and remote browsers', () => {
  it('pass the whole suite and the release gate with two workers (each with its own browser) in random order on one deployment', async () => {
    const run = await sharedFullRun();
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^Gate policy: release — the full suite ran/m);
    assert.match(run.output, /Release gate \(release policy\): GO/);
    const selected = readResults(run.reportsDir).scenarios.filter((scenario) => scenario.selected);
    assert.match(
      run.output,
      new RegExp(`^${selected.length} scenarios \\(${selected.length} passed\\)`, 'm'),
    );
    assert.ok(
      selected.some((scenario) => scenario.tags.includes('@ui')) &&
        selected.some((scenario) => scenario.tags.includes('@api')),
      'UI and API scenarios ran',
    );
    const workers = new Set(attempts(run.reportsDir).map((attempt) => attempt.worker));
    assert.equal(workers.size, 2, 'both workers ran scenarios');
  });

  it('start the embedded service in each worker when there is no deployment', async () => {
    // Every API scenario: enough work that neither worker can finish it before the other is ready.
    const run = await runHarness('spec', ['--tags', '@api', '--no-gate'], { WORKERS: '2' });
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /scenarios \(\d+ passed\)/);
    const workers = new Set(attempts(run.reportsDir).map((attempt) => attempt.worker));
    assert.equal(workers.size, 2, 'both workers ran scenarios');
  });

  it('never run two @serial scenarios at the same time, though the workers run others side by side', async () => {
    const markers = tempDir('sbe-serial-');
    const run = await runHarness(
      'spec',
      [
        path.join(ROOT, 'test/fixtures/serial/serial.feature'),
        '--require',
        path.join(ROOT, 'test/fixtures/serial/serial.steps.ts'),
      ],
      { WORKERS: '2', SERIAL_MARKERS: markers },
    );
    assert.equal(run.code, 0, run.output);
    const all = attempts(run.reportsDir);
    const tagged = (tag: string): Attempt[] => all.filter((attempt) => attempt.tags.includes(tag));
    const [together1, together2] = tagged('@together');
    const [serial1, serial2] = tagged('@serial');
    assert.ok(together1 && together2 && serial1 && serial2, JSON.stringify(all));
    // The control: untagged partners do run at the same time, in two workers.
    assert.ok(
      overlap(together1, together2),
      `the workers ran side by side: ${JSON.stringify([together1, together2])}`,
    );
    assert.notEqual(together1.worker, together2.worker);
    assert.ok(
      !overlap(serial1, serial2),
      `@serial scenarios overlapped: ${JSON.stringify([serial1, serial2])}`,
    );
  });

  it('attempt a failing scenario not tagged @flaky once, and retry a @flaky one', async () => {
    const run = await runHarness('spec', [
      path.join(ROOT, 'test/fixtures/retry/retry.feature'),
      '--require',
      path.join(ROOT, 'test/fixtures/retry/retry.steps.ts'),
    ]);
    assert.equal(run.code, 1, run.output);
    const scenarios = readResults(run.reportsDir).scenarios.filter((scenario) => scenario.selected);
    const plain = scenarios.find((scenario) => !scenario.tags.includes('@flaky'));
    const flaky = scenarios.find((scenario) => scenario.tags.includes('@flaky'));
    assert.deepEqual(
      { status: plain?.status, attempts: plain?.attempts, flaky: plain?.flaky },
      { status: 'FAILED', attempts: 1, flaky: false },
      'both fail only their first attempt: a retry would have passed the untagged one',
    );
    assert.deepEqual(
      { status: flaky?.status, attempts: flaky?.attempts, flaky: flaky?.flaky },
      { status: 'PASSED', attempts: 2, flaky: true },
    );
    assert.match(run.output, /│ no-failed-scenarios\s+│ ≤ 0\s+│ 1\s+│ FAIL/);
    assert.match(run.output, /│ flaky-scenarios\s+│ ≤ 2\s+│ 1\s+│ pass/);
  });

  it('retry only @flaky scenarios, and count one that passes on a retry as flaky in the gate table', async () => {
    const run = await runHarness('spec', [
      path.join(ROOT, 'test/fixtures/flaky/flaky.feature'),
      '--require',
      path.join(ROOT, 'test/fixtures/flaky/flaky.steps.ts'),
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
    const server = await launchFound(found, (executablePath) =>
      chromium.launchServer({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs() }),
    );
    try {
      // With no local browser to fall back on, passing proves the remote one was used.
      const run = await runHarness('spec', ['--tags', '@ui and @smoke', '--format', 'summary'], {
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
