import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RunResults } from '../../support/results/run-model';
import { REGISTER, ROOT, runHarness } from '../helpers/run-harness';
import { startStandaloneSut } from '../../sut/standalone';
import { tempDir } from '../helpers/temp';

const readResults = (reportsDir: string): RunResults =>
  JSON.parse(fs.readFileSync(path.join(reportsDir, 'results.json'), 'utf8')) as RunResults;

const finishedScenarios = (reportsDir: string): number => {
  const stream = path.join(reportsDir, 'messages.ndjson');
  return fs.existsSync(stream)
    ? (fs.readFileSync(stream, 'utf8').match(/"testCaseFinished"/g) ?? []).length
    : 0;
};

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('faults during a run', () => {
  it('the reader of the output goes away (npm run spec | head -1): the run goes on, reports and exit code intact', async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-501'], {}, { readerLeaves: true });
    assert.equal(run.code, 0, run.output);
    assert.doesNotMatch(
      run.output,
      /EPIPE|Unhandled 'error' event|\n\s+at /,
      'no stack trace of the closed pipe',
    );
    assert.equal(readResults(run.reportsDir).complete, true);
    const gate = JSON.parse(fs.readFileSync(path.join(run.reportsDir, 'gate.json'), 'utf8')) as {
      verdict: string;
    };
    assert.equal(gate.verdict, 'go');
  });

  it('the service dies mid-run: the rest fail fast as "service unreachable", results so far are kept, no-go', async () => {
    const sut = await startStandaloneSut();
    const reportsDir = tempDir('sbe-dies-');
    const running = runHarness('spec', ['--tags', '@api and not @REQ-701'], {
      BASE_URL: sut.origin,
      REPORTS_DIR: reportsDir,
    });
    await until(() => finishedScenarios(reportsDir) >= 5, 'five scenarios before the service goes');
    await sut.stop();
    const run = await running;
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /Release gate \(partial policy\): NO-GO/);
    const results = readResults(reportsDir);
    assert.equal(results.complete, true);
    const ran = results.scenarios.filter((scenario) => scenario.selected);
    assert.ok(
      ran.filter((scenario) => scenario.status === 'PASSED').length >= 5,
      'the results so far are kept',
    );
    const failed = ran.filter((scenario) => scenario.status === 'FAILED');
    assert.ok(failed.length >= 10, `${failed.length} failed`);
    for (const scenario of failed) assert.match(scenario.error ?? '', /service unreachable/, scenario.error);
    // After the first, scenarios do not even start: the service is asked once and found gone.
    const notStarted = failed.filter((scenario) => /scenario not run/.test(scenario.error ?? ''));
    assert.ok(
      notStarted.length >= failed.length - 2,
      `only ${notStarted.length} of ${failed.length} failed fast`,
    );
    assert.doesNotMatch(run.output, /no response within/, 'nothing waited for a timeout');
    // Each failure is one line on the console: no stack of a service that is gone.
    assert.match(run.output, /\n {7}service unreachable[^\n]*\n {3}- /);
    assert.doesNotMatch(run.output, /^\s+at /m);
  });

  it('a response hangs: the step fails at its timeout, naming the operation', async () => {
    const run = await runHarness(
      'spec',
      ['--tags', '@REQ-102 and @api', '--format', 'summary', '--no-gate'],
      {
        SUT_FAULTS: 'lookup-hangs',
        HTTP_TIMEOUT: '500',
      },
    );
    assert.equal(run.code, 1, run.output);
    assert.match(
      run.output,
      /ServiceUnreachable: lookUpNumber \(GET [^)]+\): no response within 500 ms \(HTTP_TIMEOUT\)/,
    );
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: results so far stay readable and the gate calls the run incomplete (exit 2)`, async () => {
      const reportsDir = tempDir('sbe-signal-');
      // The harness's own process, not npm's: npm reports a signal it was sent as its own exit status.
      const child = spawn(process.execPath, ['-r', REGISTER, 'support/cli/spec.ts', '--tags', '@api'], {
        cwd: ROOT,
        env: { ...process.env, REPORTS_DIR: reportsDir, CI: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await until(() => finishedScenarios(reportsDir) >= 3, 'three scenarios before the signal');
      child.kill(signal);
      assert.equal(await exited, 2, output);
      assert.match(output, new RegExp(`interrupted by ${signal}: keeping the results so far`));
      assert.match(output, /NO-GO — .*results\.json: the run never finished \(interrupted or killed\)/);
      const results = readResults(reportsDir);
      assert.equal(results.complete, false);
      assert.ok(results.scenarios.filter((scenario) => scenario.status === 'PASSED').length >= 3);
      for (const line of fs
        .readFileSync(path.join(reportsDir, 'messages.ndjson'), 'utf8')
        .trim()
        .split('\n')) {
        JSON.parse(line);
      }
      const gate = await runHarness('gate', ['--reports', reportsDir]);
      assert.equal(gate.code, 2, gate.output);
    });
  }

  it("a worker crashes: the other workers' results survive and the gate names the lost scenario", async () => {
    const run = await runHarness(
      'spec',
      ['test/fixtures/crash/crash.feature', '--require', 'test/fixtures/crash/crash.steps.ts'],
      { WORKERS: '2' },
    );
    assert.equal(run.code, 1, run.output);
    const results = readResults(run.reportsDir);
    assert.deepEqual(
      results.scenarios.map((scenario) => scenario.status),
      ['PASSED', 'UNKNOWN', 'PASSED', 'PASSED'],
    );
    assert.match(
      run.output,
      /every-selected-scenario-ran: 0 not run, 1 run errors .* test\/fixtures\/crash\/crash\.feature:8 "The worker running this scenario dies" started but never finished/,
    );
  });
});
