import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ContractCoverage } from '../../support/results/coverage';
import type { RunResults } from '../../support/results/run-model';
import { freePort } from '../helpers/prism';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

const SHOP = path.join(ROOT, 'test/fixtures/starter/shop-3.0.yaml');

/** `npm run mock`, as a person starts it in a terminal: its own process group, output collected. */
interface MockRun {
  readonly child: ChildProcess;
  output: string;
  readonly exit: Promise<number | null>;
}

function startMock(args: readonly string[], env: NodeJS.ProcessEnv): MockRun {
  const child = spawn('npm', ['run', '--silent', 'mock', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const run: MockRun = {
    child,
    output: '',
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  return run;
}

async function waitFor(run: MockRun, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.output)) {
    if (Date.now() > deadline || run.child.exitCode !== null) {
      assert.fail(`the mock never said ${String(pattern)}:\n${run.output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The mock's own process in npm's group: Ctrl-C in a terminal reaches npm too, which then ends
 * itself by the signal whatever the script's code; signalling the command alone shows its code.
 */
function mockProcess(group: number): number {
  const listing = spawnSync('ps', ['-o', 'pid=,pgid=,args=', '-e'], { encoding: 'utf8' }).stdout;
  const line = listing
    .split('\n')
    .map((each) => each.trim().split(/\s+/))
    .find(
      ([, pgid, command, ...rest]) =>
        Number(pgid) === group &&
        command === 'node' &&
        rest.some((arg) => arg.endsWith('support/cli/mock.ts')),
    );
  assert.ok(line, `no mock process in group ${group}:\n${listing}`);
  return Number(line[0]);
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

describe('a team’s contract, from npm run init through npm run mock to a GO from npm run spec', () => {
  const project = tempDir('sbe-init-e2e-');
  const projectFile = path.join(project, 'harness.config.yaml');
  const reportsDir = path.join(project, 'reports');
  let mock: MockRun | undefined;
  let port: number;

  before(async () => {
    const init = await runHarness('init', ['--spec', SHOP, '--name', 'shop', '--out', project]);
    assert.equal(init.code, 0, init.output);
    port = await freePort();
  });

  after(() => {
    if (mock?.child.pid !== undefined && mock.child.exitCode === null) {
      try {
        process.kill(-mock.child.pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  });

  it('serves the contract with Prism, and the features it wrote pass against it: gate GO', async () => {
    mock = startMock(['--port', String(port)], { HARNESS_CONFIG: projectFile });
    await waitFor(mock, /^In another terminal: .*$/m, 40_000);
    assert.match(
      mock.output,
      new RegExp(
        `^shop: Prism serves test/fixtures/starter/shop-3\\.0\\.yaml at http://127\\.0\\.0\\.1:${port} \\(paths at the root, examples from the contract\\)$`,
        'm',
      ),
    );
    // The project file says 4010; the mock is elsewhere, so the command it gives overrides both.
    const hint = /^In another terminal: (.*)$/m.exec(mock.output)?.[1] ?? '';
    assert.equal(
      hint,
      `BASE_URL_SHOP=http://127.0.0.1:${port} API_BASE_PATH_SHOP=/ HARNESS_CONFIG=${projectFile} npm run spec`,
    );
    assert.doesNotMatch(mock.output, /\[HTTP SERVER\]|\[CLI\]/, "Prism's log stays off the output");

    // The command as the mock gave it: its environment settings, then the credentials init named.
    const settings = Object.fromEntries(
      hint
        .split(' ')
        .filter((word) => /^[A-Z_]+=/.test(word))
        .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
    );
    const env = {
      ...settings,
      SHOP_SHOPKEY: 'shop-key-3141',
      SHOP_SHOPTOKEN: 'shop-token-2718',
      REPORTS_DIR: reportsDir,
      // Two workers: each starts in the project's folder, outside the harness, and must still
      // load the harness's TypeScript (as the Allure writer thread must).
      WORKERS: '2',
    };
    const spec = await runHarness('spec', [], env);
    assert.equal(spec.code, 0, spec.output);
    assert.match(spec.output, /5 scenarios \(5 passed\)/);
    assert.match(spec.output, /Release gate \(release policy\): GO/);

    const results = readJson<RunResults>(path.join(reportsDir, 'results.json'));
    assert.equal(results.scenarios.length, 5);
    assert.deepEqual(
      results.scenarios.filter((scenario) => scenario.status !== 'PASSED').map((scenario) => scenario.name),
      [],
    );
    const coverage = readJson<ContractCoverage>(path.join(reportsDir, 'contract-coverage.json'));
    assert.deepEqual(
      coverage.services.map((service) => service.name),
      ['shop'],
    );
    assert.equal(coverage.totals.statusPairsPercent, 50);
    assert.equal(coverage.totals.violations, 0);

    const docs = await runHarness('docs', [], { HARNESS_CONFIG: projectFile, REPORTS_DIR: reportsDir });
    assert.equal(docs.code, 0, docs.output);
    const site = fs.readFileSync(path.join(reportsDir, 'living-docs/index.html'), 'utf8');
    assert.match(site, /<title>Corner Shop — living specification<\/title>/);

    const outputs = {
      'the living docs': site,
      'contract-coverage.md': fs.readFileSync(path.join(reportsDir, 'contract-coverage.md'), 'utf8'),
      'results.json': fs.readFileSync(path.join(reportsDir, 'results.json'), 'utf8'),
      'the output of npm run spec (the gate’s included)': spec.output,
      'the output of npm run mock': mock.output,
    };
    for (const [what, text] of Object.entries(outputs)) {
      assert.doesNotMatch(text, /caller/i, `${what} speaks of the caller-ID example`);
    }
  });

  it('stops Prism and exits 0 on SIGINT', async () => {
    assert.ok(mock?.child.pid !== undefined, 'the mock runs');
    process.kill(mockProcess(mock.child.pid), 'SIGINT');
    assert.equal(await mock.exit, 0, mock.output);
    assert.doesNotMatch(mock.output, /stopped on its own/);
    // Nothing answers on the port any more: Prism went with it.
    const probe = spawnSync(process.execPath, [
      '-e',
      `require('net').connect(${port}, '127.0.0.1').on('connect', () => process.exit(1)).on('error', () => process.exit(0))`,
    ]);
    assert.equal(probe.status, 0, `something still answers on port ${port}`);
  });
});
