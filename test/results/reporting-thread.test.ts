import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type * as messages from '@cucumber/messages';
import { reportOnReportingThread, type AllureFormatterOptions } from '../../support/results/allure-formatter';
import { absolutePreloads } from '../../support/config/harness-thread';
import { startReportingThread, startReportingThreadEarly } from '../../support/results/reporting-thread';
import { tempDir } from '../helpers/temp';

type RunHookCode = (...args: unknown[]) => unknown;

/** What cucumber gives the Allure formatter, with these options and run hooks. */
function formatterOptions(
  parsedArgvOptions: Record<string, unknown>,
  beforeAll: { code: RunHookCode }[] = [],
): AllureFormatterOptions {
  return {
    parsedArgvOptions,
    eventBroadcaster: { on: () => undefined },
    supportCodeLibrary: {
      beforeTestCaseHookDefinitions: [{ id: 'before', name: 'Start the scenario' }],
      afterTestCaseHookDefinitions: [],
      beforeTestRunHookDefinitions: beforeAll,
      afterTestRunHookDefinitions: [],
    },
  };
}

const timestamp = { seconds: 1, nanos: 0 };
const runStarted: messages.Envelope = { testRunStarted: { timestamp } };
const runFinished: messages.Envelope = { testRunFinished: { timestamp, success: false } };

describe('the reporting thread', () => {
  // First: the process has no reporting thread yet.
  it('the Allure formatter in a run without the results plugin says what is missing', () => {
    assert.throws(
      () => reportOnReportingThread(formatterOptions({ resultsDir: tempDir() })),
      /^Error: The harness Allure formatter needs the harness results plugin \(support\/results\/plugin\.cjs\)/,
    );
  });

  it('writes the message stream and the results of what it was handed, and Allure’s files, by the end', async () => {
    const reports = tempDir();
    const thread = startReportingThread({ reportsDir: reports, identity: {} });
    const allureResults = path.join(reports, 'allure-results');
    const boom = new Error('the service would not start');
    const hooks = [{ code: (): Promise<never> => Promise.reject(boom) }];
    const checkFed = reportOnReportingThread(formatterOptions({ resultsDir: allureResults }, hooks));
    assert.throws(checkFed, /got no message: the results plugin did not run/);

    // A BeforeAll hook fails as it did, and Allure shows the run's error.
    await assert.rejects(hooks[0]!.code(), boom);
    thread.envelope(runStarted);
    thread.envelope(runFinished);
    assert.deepEqual(await thread.finish(), []);
    checkFed();

    const lines = fs.readFileSync(path.join(reports, 'messages.ndjson'), 'utf8').trim().split('\n');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line) as messages.Envelope),
      [runStarted, runFinished],
    );
    const results = JSON.parse(fs.readFileSync(path.join(reports, 'results.json'), 'utf8')) as {
      complete: boolean;
    };
    assert.equal(results.complete, true);
    const globals = fs.readdirSync(allureResults).filter((file) => file.endsWith('-globals.json'));
    assert.equal(globals.length, 1, fs.readdirSync(allureResults).join(', '));
    const { errors } = JSON.parse(fs.readFileSync(path.join(allureResults, globals[0]!), 'utf8')) as {
      errors: { message: string }[];
    };
    assert.match(errors[0]!.message, /the service would not start/);
    assert.ok(
      fs.existsSync(path.join(allureResults, 'environment.properties')),
      'its extras, after its files',
    );
  });

  it('names an Allure option that cannot reach it', () => {
    startReportingThread({ reportsDir: tempDir(), identity: {} });
    assert.throws(
      () =>
        reportOnReportingThread(
          formatterOptions({ resultsDir: tempDir(), listeners: [{ onTestStart: () => undefined }] }),
        ),
      /^Error: Allure format option "listeners" cannot reach the reporting thread: give it as data/,
    );
  });

  it('says which of Allure’s files it could not write', async () => {
    const reports = tempDir();
    const thread = startReportingThread({ reportsDir: reports, identity: {} });
    // A file where Allure's folder should be.
    const notAFolder = path.join(reports, 'allure-results');
    fs.writeFileSync(notAFolder, '');
    const hooks = [
      {
        code: (): never => {
          throw new Error('no service');
        },
      },
    ];
    reportOnReportingThread(formatterOptions({ resultsDir: notAFolder }, hooks));
    assert.throws(() => hooks[0]!.code(), /no service/);
    thread.envelope(runStarted);
    thread.envelope(runFinished);
    const problems = await thread.finish();
    assert.ok(
      problems.some((problem) =>
        /^allure: could not write [\w-]+-globals\.json: Error: E(EXIST|NOTDIR)/.test(problem),
      ),
      problems.join('\n'),
    );
    for (const problem of problems)
      assert.match(problem, /^allure: could not write .+: Error: E(EXIST|NOTDIR)/);
    assert.ok(fs.existsSync(path.join(reports, 'results.json')), 'the run’s own reports are written');
  });
});

describe('a reporting thread started before the run', () => {
  it('is the one that reports on the run it is told of when the run begins: its folder, which run it is, its commit', async () => {
    // The commit checked out, not one a CI names.
    for (const name of ['GIT_COMMIT', 'GITHUB_SHA', 'CI_COMMIT_SHA']) delete process.env[name];
    const early = startReportingThreadEarly(false);
    const reports = tempDir();
    const thread = startReportingThread({
      reportsDir: reports,
      identity: { selection: 'features/lookup', commit: '0123456789abcdef0123' },
    });
    assert.equal(thread, early);
    thread.envelope(runStarted);
    thread.envelope(runFinished);
    assert.deepEqual(await thread.finish(), []);
    assert.equal(fs.readFileSync(path.join(reports, 'messages.ndjson'), 'utf8').trim().split('\n').length, 2);
    const results = JSON.parse(fs.readFileSync(path.join(reports, 'results.json'), 'utf8')) as {
      run?: { selection: string; commit: string };
    };
    assert.deepEqual(results.run, { selection: 'features/lookup', commit: '0123456789abcdef0123' });
    const environment = fs.readFileSync(
      path.join(reports, 'allure-results', 'environment.properties'),
      'utf8',
    );
    assert.match(environment, /^Commit=0123456789ab$/m);
    // Taken once: the next run starts a thread of its own.
    assert.notEqual(startReportingThread({ reportsDir: tempDir(), identity: {} }), thread);
  });

  it('gives the scenarios the cores first when they run beside it with a core to spare, only then', () => {
    const decided = (besideScenarios: boolean, cores: number): boolean => {
      const thread = startReportingThreadEarly(besideScenarios, cores);
      startReportingThread({ reportsDir: tempDir(), identity: {} });
      return thread.yieldToScenarios;
    };
    assert.equal(decided(true, 2), true);
    assert.equal(decided(true, 1), false, 'on one core it would fall behind the scenarios');
    assert.equal(decided(false, 8), false, 'beside worker processes it would fall behind their messages');
  });
});

describe('the reporting thread beside the scenarios', { skip: process.platform !== 'linux' }, () => {
  it('runs at a lower priority than the scenarios and the service under test', async () => {
    const thread = startReportingThreadEarly(true, 2);
    startReportingThread({ reportsDir: tempDir(), identity: {} });
    const nices = (): number[] =>
      fs.readdirSync('/proc/self/task').map((task) => {
        const stat = fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
        // Field 19 (nice), counted after the command name, which may hold spaces.
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    // Nice 10, or the process's own when it runs lower already.
    const lowered = Math.max(os.getPriority(), 10);
    const until = Date.now() + 10_000;
    while (!nices().includes(lowered) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(nices().includes(lowered), `nice values of the threads: ${nices().join(', ')}`);
    assert.equal(nices()[0], os.getPriority(), 'the main thread keeps its own');
    thread.envelope(runStarted);
    thread.envelope(runFinished);
    assert.deepEqual(await thread.finish(), []);
  });
});

describe('a reporting thread that stops on its own', () => {
  it('fails the run: its end and a signal each say why the reports could not be written', async () => {
    // A file where the reports folder should be: the thread cannot open the message stream.
    const notAFolder = path.join(tempDir(), 'reports');
    fs.writeFileSync(notAFolder, '');
    const thread = startReportingThread({ reportsDir: notAFolder, identity: {} });
    thread.envelope(runStarted);
    const [problem] = await thread.finish();
    assert.match(problem ?? '', /^the reporting thread stopped: Error: E(EXIST|NOTDIR)/);
    assert.equal(thread.stoppedBecause, problem);
    assert.throws(
      () => thread.interrupt(),
      /^Error: the results so far could not be written: the reporting thread stopped/,
    );
  });
});

describe("the reporting thread's node options", () => {
  it("are the process's preloads named absolutely, and none of its other options, which a thread refuses", () => {
    assert.deepEqual(
      absolutePreloads([
        '--expose-gc',
        '-r',
        '/h/support/register.cjs',
        '--max-old-space-size=500',
        '--require=/h/bench/scale/memory-probe.ts',
        '--require',
        './relative-to-where-the-command-started.cjs',
      ]),
      ['--require', '/h/support/register.cjs', '--require', '/h/bench/scale/memory-probe.ts'],
    );
  });
});
