import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startStandaloneSut, type StandaloneSut } from '../../sut/standalone';
import { runHarness, type HarnessRun } from './run-harness';

/** The provisioned account's password: every character JSON, URLs and HTML escape. */
export const SHARED_PASSWORD = 'Dm0"Pa\\ss<&+%Xq9';

export interface SharedRun extends HarnessRun {
  /** `npm run report` on the run's reports: the Allure report. */
  readonly report: HarnessRun;
  /** The API scenarios run again on the same deployment, now dirty with the whole run's data. */
  readonly again: HarnessRun;
}

/**
 * The whole suite as a pipeline runs it against a deployment, run once for all the test files of one
 * `node --test` run and shared by them: `npm run sut` on its own (the provisioned account `demo`
 * with SHARED_PASSWORD), then `npm run spec -- --order random` with two workers on it, ACCOUNT_ALICE,
 * TRACE=on and the web app under another host name (localhost; the API on 127.0.0.1), then
 * `npm run report`, then the API scenarios again on the same deployment. The tests that only read a
 * full run's reports (the parallel run's checks, the shards' reference run, the secret scans) need
 * not pay for one each.
 *
 * Node's test runner starts each file in a process of its own, all children of the runner: the
 * first file to ask runs it into a folder named after the runner's process, the others wait for it.
 * The folder is read-only to its readers. A file run on its own simply runs it. A folder hours old
 * is a past runner's whose process number came round again: it is run anew.
 */
export async function sharedFullRun(): Promise<SharedRun> {
  const dir = path.join(os.tmpdir(), `sbe-shared-full-run-${process.ppid}`);
  const done = path.join(dir, 'run.json');
  if (fs.existsSync(dir) && Date.now() - fs.statSync(dir).mtimeMs > 2 * 3600_000) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    fs.mkdirSync(dir);
  } catch {
    return waitFor(done);
  }
  // The files waiting for it hear of a failure too, rather than waiting out their time.
  const run = await runOnDeployment(path.join(dir, 'reports')).catch((error: unknown) => ({
    failed: error instanceof Error ? (error.stack ?? error.message) : String(error),
  }));
  fs.writeFileSync(`${done}.part`, JSON.stringify(run));
  fs.renameSync(`${done}.part`, done);
  return outcome(run);
}

function outcome(run: SharedRun | { failed: string }): SharedRun {
  if ('failed' in run) throw new Error(`the shared full run could not run: ${run.failed}`);
  return run;
}

/**
 * The settings of a run against a deployment of `npm run sut` started with SHARED_PASSWORD: its
 * provisioned account, TRACE=on, and the web app under another host name than the API's.
 */
export function deploymentSettings(sut: StandaloneSut, reportsDir: string): NodeJS.ProcessEnv {
  const port = new URL(sut.origin).port;
  return {
    BASE_URL: `http://127.0.0.1:${port}`,
    UI_BASE_URL: `http://localhost:${port}`,
    ACCOUNT_ALICE: `demo:${SHARED_PASSWORD}`,
    TRACE: 'on',
    REPORTS_DIR: reportsDir,
  };
}

async function runOnDeployment(reportsDir: string): Promise<SharedRun> {
  const sut = await startStandaloneSut({ SUT_DEMO_PASSWORD: SHARED_PASSWORD });
  try {
    const env = { ...deploymentSettings(sut, reportsDir), WORKERS: '2' };
    const run = await runHarness('spec', ['--order', 'random'], env, { timeoutMs: 600_000 });
    const report = await runHarness('report', [], env);
    const again = await runHarness('spec', ['--tags', '@api', '--format', 'summary', '--no-gate'], {
      BASE_URL: sut.origin,
    });
    return { ...run, report, again };
  } finally {
    await sut.stop();
  }
}

async function waitFor(file: string): Promise<SharedRun> {
  // As long as the run, its report and the second run may take together.
  for (let waited = 0; waited < 1_000_000; waited += 250) {
    if (fs.existsSync(file)) return outcome(JSON.parse(fs.readFileSync(file, 'utf8')) as SharedRun);
    await sleep(250);
  }
  throw new Error(`the shared full run never finished (${file})`);
}
