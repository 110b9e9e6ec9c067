import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RunResults } from '../../support/results/run-model';
import { REGISTER, ROOT, runHarness, type HarnessRun } from '../helpers/run-harness';
import { tempDir, tempFile } from '../helpers/temp';

/**
 * No verdict that is false or silent: a dry run is never one, a typo in a requirement, a selection
 * or a command line stops the run with exit 2 and one line saying where, and a merge of shards
 * that are not one run (one missing, given twice, from elsewhere) is exit 2 naming the shard.
 */

/** A reports folder holding an earlier run's files: they must outlive what does not run. */
function earlierReports(): string {
  const dir = tempDir('sbe-earlier-');
  fs.writeFileSync(path.join(dir, 'results.json'), '{"earlier": true}');
  fs.writeFileSync(path.join(dir, 'gate.json'), '{"verdict": "go"}');
  return dir;
}

function assertUntouched(dir: string): void {
  assert.deepEqual(fs.readdirSync(dir).sort(), ['gate.json', 'results.json']);
  assert.equal(fs.readFileSync(path.join(dir, 'results.json'), 'utf8'), '{"earlier": true}');
}

/** Exit 2, the lines asked for, no stack trace and no verdict. */
function assertRefused(run: HarnessRun, ...says: RegExp[]): void {
  assert.equal(run.code, 2, run.output);
  for (const line of says) assert.match(run.output, line);
  assert.doesNotMatch(run.output, /^\s+at /m, 'no stack trace');
  assert.doesNotMatch(run.output, /TypeError|Release gate \(/, run.output);
}

describe('a dry run is never a verdict', () => {
  it('runs nothing, judges nothing, and leaves the last run’s reports as they were: exit 0', async () => {
    const reportsDir = earlierReports();
    const run = await runHarness('spec', ['--dry-run', 'features/block-list'], { REPORTS_DIR: reportsDir });
    assert.equal(run.code, 0, run.output);
    assert.doesNotMatch(run.output, /Gate policy|Release gate|GO/);
    assert.match(
      run.output,
      /^dry run: \d+ scenario\(s\) would run, every step has its definition; nothing ran, so no verdict/m,
    );
    assertUntouched(reportsDir);
  });

  it('the snippet command the preflight suggests: snippets, the undefined step named, exit 2, reports kept', async () => {
    const reportsDir = earlierReports();
    const run = await runHarness(
      'spec',
      ['--dry-run', '--format', 'snippets', 'test/fixtures/gate/undefined-step.feature'],
      { REPORTS_DIR: reportsDir },
    );
    assert.equal(run.code, 2, run.output);
    // The snippet itself (its style is the snippet syntax's business): a Given to paste.
    assert.match(run.output, /^Given\(/m);
    assert.match(
      run.output,
      /^ {2}test\/fixtures\/gate\/undefined-step\.feature:5: undefined step "the service has been up for a week"/m,
    );
    assert.doesNotMatch(run.output, /Gate policy|Release gate/);
    assertUntouched(reportsDir);
  });
});

describe('a selection or a tag that means nothing stops npm run spec (exit 2)', () => {
  it('a scenario tagged with a requirement the catalogue lacks: file:line, nothing run', async () => {
    const feature = tempFile(
      'typo.feature',
      [
        '@contract @api',
        'Feature: A mistyped requirement',
        '',
        '  @REQ-330',
        '  Scenario: The health check answers',
        '    When I call "getHealth"',
        '    Then the response status is 200',
        '',
      ].join('\n'),
    );
    const run = await runHarness('spec', [feature]);
    assertRefused(
      run,
      /^ {2}\S*typo\.feature:4: @REQ-330 is not in the requirement catalogue \[unknown-requirement\]$/m,
    );
    assert.ok(!fs.existsSync(path.join(run.reportsDir, 'results.json')), 'nothing ran');
  });

  it('tags that match nothing in the whole suite, in every shard', async () => {
    for (const shard of ['1/3', '3/3']) {
      const run = await runHarness('spec', ['--tags', '@typo'], { SHARD: shard });
      assertRefused(
        run,
        new RegExp(
          `^ {2}no scenario selected: the run is narrowed by tags "@typo", and no scenario of the whole suite matches \\(neither in shard ${shard} nor in any other\\)$`,
          'm',
        ),
      );
    }
  });

  it('a feature path that does not exist, sharded or not, is named', async () => {
    for (const env of [{}, { SHARD: '2/3' }]) {
      const run = await runHarness('spec', ['features/no-such-folder', 'features/block-list'], env);
      assertRefused(run, /^spec: no such feature file or folder: features\/no-such-folder \(/m);
    }
  });

  it('an invalid --name pattern says so', async () => {
    const run = await runHarness('spec', ['--name', '((']);
    assertRefused(run, /^spec: --name "\(\(" is not a valid regular expression: Unterminated group$/m);
  });
});

describe('a bad command line is exit 2 with one line, for every command', () => {
  const cases: readonly { command: string; args: string[]; says: RegExp }[] = [
    {
      command: 'spec',
      args: ['--frobnicate'],
      says: /^spec: unknown option '--frobnicate' \(npm run spec -- --help/m,
    },
    { command: 'spec', args: ['--tags'], says: /^spec: option '-t, --tags <EXPRESSION>' argument missing /m },
    { command: 'gate', args: ['--frobnicate'], says: /^gate: Unknown option '--frobnicate'$/m },
    { command: 'merge', args: ['--frobnicate'], says: /^merge: Unknown option '--frobnicate'$/m },
    { command: 'docs', args: ['--frobnicate'], says: /^docs: Unknown option '--frobnicate'$/m },
    { command: 'report', args: ['--frobnicate'], says: /^report: Unknown option '--frobnicate'$/m },
  ];
  for (const { command, args, says } of cases) {
    it(`npm run ${command} -- ${args.join(' ')}`, async () => {
      const run = await runHarness(command, args);
      assertRefused(run, says);
      assert.equal(run.output.trim().split('\n').length, 1, run.output);
    });
  }
});

describe('merge refuses shards that are not one run (exit 2, naming the shard)', () => {
  const shards = new Map<string, string>();
  const shard = async (which: string): Promise<string> => {
    if (!shards.has(which)) {
      const run = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate'], { SHARD: which });
      assert.equal(run.code, 0, run.output);
      shards.set(which, run.reportsDir);
    }
    return shards.get(which)!;
  };
  /** A copy of a shard's folder whose results.json says something else about its run. */
  const altered = async (which: string, change: Partial<NonNullable<RunResults['run']>>): Promise<string> => {
    const copy = tempDir('sbe-altered-shard-');
    fs.cpSync(await shard(which), copy, { recursive: true });
    const file = path.join(copy, 'results.json');
    const results = JSON.parse(fs.readFileSync(file, 'utf8')) as RunResults;
    fs.writeFileSync(file, JSON.stringify({ ...results, run: { ...results.run, ...change } }));
    return copy;
  };

  it('records which shard of which selection and commit each run is', async () => {
    const results = JSON.parse(
      fs.readFileSync(path.join(await shard('1/2'), 'results.json'), 'utf8'),
    ) as RunResults;
    assert.equal(results.run?.shard, '1/2');
    assert.equal(results.run?.selection, 'tags "@REQ-501"');
    assert.match(results.run?.commit ?? '', /^[0-9a-f]{40}$/);
  });

  it('a missing shard', async () => {
    const run = await runHarness('merge', ['--no-gate', await shard('1/2')]);
    assertRefused(run, /^merge: shard 2\/2 of the run narrowed by tags "@REQ-501" is missing/m);
    const junit = fs.readFileSync(path.join(run.reportsDir, 'junit.xml'), 'utf8');
    assert.match(junit, /<failure message="results unusable: shard 2\/2 [^"]* is missing/);
  });

  it('a shard given twice', async () => {
    const one = await shard('1/2');
    const run = await runHarness('merge', ['--no-gate', one, one, await shard('2/2')]);
    assertRefused(run, /^merge: shard 1\/2 of the run narrowed by tags "@REQ-501" is given twice: /m);
  });

  it('a shard of another commit', async () => {
    const foreign = await altered('2/2', { commit: '0123456789abcdef0123456789abcdef01234567' });
    const run = await runHarness('merge', ['--no-gate', await shard('1/2'), foreign]);
    assertRefused(run, /^merge: the runs are of different commits: /m);
  });

  it('a shard of another shard count', async () => {
    const foreign = await altered('2/2', { shard: '2/3' });
    const run = await runHarness('merge', ['--no-gate', await shard('1/2'), foreign]);
    assertRefused(
      run,
      /^merge: shards of the run narrowed by tags "@REQ-501" split it in different counts: .* is 1\/2, .* is 2\/3$/m,
    );
  });

  it('the complete set merges (exit 0 without the gate)', async () => {
    const run = await runHarness('merge', ['--no-gate', await shard('1/2'), await shard('2/2')]);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^Merged 2 shards into .*: 1 scenarios from 2 runs$/m);
  });
});

/** `npm run spec -- --tags @api` in its own process, sent SIGINT once `scenarios` have finished. */
async function interruptedRun(
  scenarios: number,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string; reportsDir: string; workers: number[] }> {
  const reportsDir = tempDir('sbe-sigint-');
  // The harness's own process, not npm's: npm reports a signal it was sent as its own exit status.
  const child = spawn(process.execPath, ['-r', REGISTER, 'support/cli/spec.ts', '--tags', '@api'], {
    cwd: ROOT,
    env: { ...process.env, ...env, REPORTS_DIR: reportsDir, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const stream = path.join(reportsDir, 'messages.ndjson');
  const finished = (): number =>
    fs.existsSync(stream) ? (fs.readFileSync(stream, 'utf8').match(/"testCaseFinished"/g) ?? []).length : 0;
  const deadline = Date.now() + 90_000;
  while (finished() < scenarios && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // The worker processes of a parallel run, children of the one signalled.
  const workers = spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.trim())
    .map(Number);
  child.kill('SIGINT');
  return { code: await exited, output, reportsDir, workers };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('an interrupted run', () => {
  it('SIGINT: the run ends there, and every file holds the same scenarios, marked incomplete', async () => {
    const { code, output, reportsDir } = await interruptedRun(4);
    assert.equal(code, 2, output);
    assert.match(output, /Release gate \(partial policy\): NO-GO — .*results\.json: the run never finished/);

    const results = JSON.parse(fs.readFileSync(path.join(reportsDir, 'results.json'), 'utf8')) as RunResults;
    const started = results.scenarios.filter((scenario) => scenario.attempts > 0);
    assert.equal(results.complete, false);
    assert.ok(started.length >= 4 && started.length < results.scenarios.filter((s) => s.selected).length);
    // The stream holds exactly the scenarios the results hold: none ran on after the signal.
    const envelopes = fs
      .readFileSync(path.join(reportsDir, 'messages.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(envelopes.filter((envelope) => envelope.testCaseStarted).length, started.length);
    for (const name of ['contract-coverage.json', 'traceability.json']) {
      const report = JSON.parse(fs.readFileSync(path.join(reportsDir, name), 'utf8')) as {
        complete?: boolean;
      };
      assert.equal(report.complete, false, `${name} says the run is incomplete`);
    }
    assert.match(
      fs.readFileSync(path.join(reportsDir, 'contract-coverage.md'), 'utf8'),
      /^> \*\*Incomplete run\*\*/,
    );
    const gate = JSON.parse(fs.readFileSync(path.join(reportsDir, 'gate.json'), 'utf8')) as {
      verdict: string;
    };
    assert.notEqual(gate.verdict, 'go');
  });

  it('SIGINT to a parallel run: its workers stop too, none runs on alone', async () => {
    const { code, output, workers } = await interruptedRun(2, { WORKERS: '2' });
    assert.equal(code, 2, output);
    assert.equal(workers.length, 2, `two workers: ${workers.join(', ')}`);
    const deadline = Date.now() + 10_000;
    while (workers.some(alive) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(workers.filter(alive), [], 'no worker outlives the run');
  });
});

describe('located lines for what used to be a stack of errors', () => {
  it('an empty contract file is named and called empty', async () => {
    const empty = tempFile('openapi.yaml', '\n');
    const run = await runHarness('spec', ['--tags', '@REQ-501'], { OPENAPI_SPEC: empty });
    assertRefused(run, /^spec: \S*openapi\.yaml: the OpenAPI spec is empty$/m);
    assert.doesNotMatch(run.output, /JSON Schema/);
  });

  it('a worker that dies is named by its scenario, not by cucumber’s TypeError', async () => {
    const run = await runHarness(
      'spec',
      ['test/fixtures/crash/crash.feature', '--require', 'test/fixtures/crash/crash.steps.ts', '--no-gate'],
      { WORKERS: '2' },
    );
    assert.equal(run.code, 1, run.output);
    assert.match(
      run.output,
      /^spec: a worker died during the run: test\/fixtures\/crash\/crash\.feature:8 "The worker running this scenario dies" started but never finished/m,
    );
    assert.doesNotMatch(run.output, /TypeError/);
  });
});
