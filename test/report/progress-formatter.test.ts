import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatterHelpers } from '@cucumber/cucumber';
import type { Duration, Envelope } from '@cucumber/messages';
import {
  forgettingPassedAttempts,
  HARNESS_FORGETTING_FORMATTERS,
  mayForgetPassedAttempts,
  type AttemptMaps,
} from '../../support/report/passed-attempts';
import { ROOT, runHarness } from '../helpers/run-harness';

// The progress formatter of logs (stdout not a terminal) writes its dots in batches: nothing of
// what cucumber's own would have printed may be lost or come out of order.
describe('the batched progress formatter', () => {
  it('prints a dot per step and hook, then the summary, and each failure as people read it', async () => {
    const passing = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate']);
    assert.equal(passing.code, 0, passing.output);
    assert.match(passing.output, /^\.{5,}\n\n1 scenario \(1 passed\)\n3 steps \(3 passed\)\n/m);

    const failing = await runHarness('spec', ['--tags', '@REQ-110 and @api', '--no-gate'], {
      SUT_FAULTS: 'spam-threshold-off-by-one',
    });
    assert.equal(failing.code, 1, failing.output);
    assert.match(failing.output, /^[.F-]*F[.F-]*\n\nFailures:\n/m);
    assert.match(failing.output, /\n8 scenarios \(2 failed, 6 passed\)\n/);
    // A failure reads in seconds: the headline, then the project's own frames; no diff of two
    // words, no frame of cucumber or node, no attachment line under a step.
    assert.match(
      failing.output,
      /\n {7}spam level of \+886\d+: expected "spam", actual "suspicious"\n {11}at .*\(\.\/steps\/api\/lookup\.steps\.ts:\d+:\d+\)\n {3}- /,
    );
    assert.doesNotMatch(failing.output, /Attachment \(|node_modules|node:internal|[+-] (expected|actual)/);
  });
});

/** Cucumber's summary of a run's message stream, with the collector as the console formatter sees it. */
function summaryOf(messagesFile: string, forget: boolean): { text: string; kept: number } {
  const broadcaster = new EventEmitter();
  const collector = new formatterHelpers.EventDataCollector(broadcaster);
  const view = forget
    ? forgettingPassedAttempts(broadcaster, collector as unknown as AttemptMaps, collector)
    : collector;
  let duration: Duration = { seconds: 0, nanos: 0 };
  for (const line of fs.readFileSync(messagesFile, 'utf8').split('\n').filter(Boolean)) {
    const envelope = JSON.parse(line) as Envelope;
    broadcaster.emit('envelope', envelope);
    if (envelope.testRunFinished) duration = { seconds: 12, nanos: 345_000_000 };
  }
  const colorFns = { forStatus: () => (text: string) => text } as unknown as Parameters<
    typeof formatterHelpers.formatSummary
  >[0]['colorFns'];
  return {
    text: formatterHelpers.formatSummary({
      colorFns,
      testCaseAttempts: view.getTestCaseAttempts(),
      testRunDuration: duration,
    }),
    kept: collector.getTestCaseAttempts().length,
  };
}

describe('attempts that passed, forgotten once counted (a long run’s memory)', () => {
  it('leave the summary as cucumber counts it, and keep every failed or retried attempt', async () => {
    const runs = await Promise.all([
      runHarness('spec', ['--tags', '@REQ-110 and @api', '--no-gate'], {
        SUT_FAULTS: 'spam-threshold-off-by-one',
      }),
      runHarness('spec', [
        path.join(ROOT, 'test/fixtures/retry/retry.feature'),
        '--require',
        path.join(ROOT, 'test/fixtures/retry/retry.steps.ts'),
        '--no-gate',
      ]),
    ]);
    // What stays: the failed attempts (2 of 8 scenarios), and a retried one with its passing retry.
    const kept = [2, 3];
    runs.forEach((run, index) => {
      const messages = path.join(run.reportsDir, 'messages.ndjson');
      const whole = summaryOf(messages, false);
      const forgetting = summaryOf(messages, true);
      assert.equal(forgetting.text, whole.text);
      assert.equal(forgetting.kept, kept[index], run.output);
    });
    assert.match(
      summaryOf(path.join(runs[0].reportsDir, 'messages.ndjson'), true).text,
      /^8 scenarios \(2 failed, 6 passed\)\n/,
    );
    assert.match(
      summaryOf(path.join(runs[1].reportsDir, 'messages.ndjson'), true).text,
      /^2 scenarios \(1 failed, 1 passed\)\n/,
    );
  });

  it('gives two formatters that forget on one collector (stdout and a file) the same summary', async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate']);
    const broadcaster = new EventEmitter();
    const collector = new formatterHelpers.EventDataCollector(broadcaster);
    const maps = collector as unknown as AttemptMaps;
    const views = [1, 2].map(() => forgettingPassedAttempts(broadcaster, maps, collector));
    for (const line of fs.readFileSync(path.join(run.reportsDir, 'messages.ndjson'), 'utf8').split('\n')) {
      if (line) broadcaster.emit('envelope', JSON.parse(line) as Envelope);
    }
    assert.deepEqual(
      views.map((view) => view.getTestCaseAttempts().length),
      [1, 1],
    );
  });

  it('in the profiles of a log (ci, and the default when stdout is not a terminal)', async () => {
    const { loadConfiguration } = await import('@cucumber/cucumber/api');
    for (const profile of ['ci', 'default']) {
      const { runConfiguration } = await loadConfiguration(
        { file: 'cucumber.cjs', profiles: [profile] },
        { cwd: ROOT },
      );
      assert.equal(
        mayForgetPassedAttempts(runConfiguration.formats, HARNESS_FORGETTING_FORMATTERS),
        true,
        JSON.stringify(runConfiguration.formats),
      );
    }
  });

  it('only when every formatter of the run reads no finished attempt', () => {
    const ours = ['/h/progress-formatter.cjs', '/h/allure-formatter.cjs'];
    assert.equal(mayForgetPassedAttempts({ stdout: ours[0], files: { 'a.log': ours[1]! } }, ours), true);
    assert.equal(mayForgetPassedAttempts({ stdout: ours[0], files: { 'm.ndjson': 'message' } }, ours), true);
    for (const other of ['summary', 'progress', 'junit', 'json', 'rerun', 'usage', 'snippets']) {
      assert.equal(mayForgetPassedAttempts({ stdout: ours[0], files: { out: other } }, ours), false, other);
    }
    assert.equal(mayForgetPassedAttempts({ stdout: 'summary' }, ours), false);
  });
});
