import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runHarness, type HarnessRun } from './run-harness';

/**
 * `npm run spec -- --order random` of the whole suite against the embedded service with two workers,
 * run once for all the test files of one `node --test` run and shared by them: the tests that only
 * read a full run's reports (the parallel run's checks, the shards' reference run, the full run's
 * secret scan) need not pay for one each.
 *
 * Node's test runner starts each file in a process of its own, all children of the runner: the
 * first file to ask runs it into a folder named after the runner's process, the others wait for it.
 * The folder is read-only to its readers. A file run on its own simply runs it. A folder hours old
 * is a past runner's whose process number came round again: it is run anew.
 */
export async function sharedFullRun(): Promise<HarnessRun> {
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
  const run = await runHarness(
    'spec',
    ['--order', 'random'],
    { REPORTS_DIR: path.join(dir, 'reports'), WORKERS: '2' },
    { timeoutMs: 600_000 },
  );
  fs.writeFileSync(`${done}.part`, JSON.stringify(run));
  fs.renameSync(`${done}.part`, done);
  return run;
}

async function waitFor(file: string): Promise<HarnessRun> {
  for (let waited = 0; waited < 600_000; waited += 250) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as HarnessRun;
    await sleep(250);
  }
  throw new Error(`the shared full run never finished (${file})`);
}
