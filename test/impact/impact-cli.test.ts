/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the tests edit the contract as untyped YAML */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { scenarioRef } from '../../support/gherkin/corpus';
import { loadCorpus } from '../../support/gherkin/load-corpus';
import type { Impact } from '../../support/impact/impact-model';
import { REGISTER, runHarness } from '../helpers/run-harness';
import { scenarioResult } from '../helpers/results';
import { tempDir } from '../helpers/temp';
import { ROOT, at, project, type ContractRepo } from './contract-repo';

interface Run {
  readonly code: number | null;
  readonly output: string;
  readonly reportsDir: string;
}

/** `npm run impact` as a user runs it, in the temporary project. */
function impact(
  repo: ContractRepo,
  args: readonly string[],
  reportsDir = tempDir('sbe-impact-reports-'),
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', REGISTER, path.join(ROOT, 'support/cli/impact.ts'), ...args],
      {
        cwd: repo.dir,
        env: {
          ...process.env,
          NODE_PATH: path.join(ROOT, 'node_modules'),
          HARNESS_CONFIG: path.join(repo.dir, 'harness.config.yaml'),
          REPORTS_DIR: reportsDir,
          INIT_CWD: repo.dir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, reportsDir }));
  });
}

const readImpact = (run: Run): Impact =>
  JSON.parse(fs.readFileSync(path.join(run.reportsDir, 'impact.json'), 'utf8')) as Impact;

/** Scenario refs of a feature file of the project, as cucumber names them (those whose steps say `naming`). */
function refsOf(repo: ContractRepo, feature: string, naming = ''): string[] {
  const corpus = loadCorpus([path.join(repo.dir, feature)], repo.dir);
  return corpus.features.flatMap((parsed) =>
    parsed.pickles
      .filter((pickle) => pickle.steps.some((step) => step.text.includes(naming)))
      .map((pickle) => scenarioRef(parsed, pickle)),
  );
}

describe('npm run impact -- --base <git ref>', () => {
  let repo: ContractRepo;
  before(() => {
    repo = project();
  });

  it('no change: exit 0, says so, and writes impact.json and impact.md', async () => {
    const run = await impact(repo, ['--base', 'v1']);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^No change to the contract since v1$/m);
    assert.equal(readImpact(run).totals.changes, 0);
    assert.match(fs.readFileSync(path.join(run.reportsDir, 'impact.md'), 'utf8'), /No contract change/);
  });

  it('a compatible change: exit 0, with the scenarios and requirements it touches by file:line', async () => {
    repo.edit((document) => {
      at(document, 'components', 'schemas', 'SmsReceipt').properties.reviewer = { type: 'string' };
    });
    const run = await impact(repo, ['--base', 'v1']);
    assert.equal(run.code, 0, run.output);
    const result = readImpact(run);
    assert.equal(result.totals.breakingForClients, 0);
    const [change] = result.services[0]!.changes;
    assert.equal(change?.operation, 'reportBySms');
    assert.equal(change?.kind, 'property-added');
    // Exactly the scenarios whose steps name the operation: those of sms-reports.feature.
    const expected = refsOf(repo, 'features/contract/sms-reports.feature', '"reportBySms"');
    assert.deepEqual(change.scenarios.map((scenario) => scenario.ref).sort(), [...expected].sort());
    for (const scenario of change.scenarios) {
      assert.ok(expected.includes(scenario.ref), `${scenario.ref} is in sms-reports.feature`);
      assert.equal(scenario.status, 'NOT_RUN');
      assert.deepEqual(scenario.evidence, ['feature text']);
    }
    assert.ok(change.requirements.length > 0, 'requirements are named');
    assert.match(run.output, /reportBySms.*optional property "reviewer" added.*compatible/);
    assert.deepEqual(result.unexercised, []);
  });

  it('a breaking change: exit 1, in the table, the JSON and the Markdown', async () => {
    repo.edit((document) => {
      delete at(document, 'paths')['/partner/numbers/{number}'];
    });
    const run = await impact(repo, ['--base', 'v1']);
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /identifyForPartner.*GET \/partner\/numbers\/\{number\} removed.*BREAKING/);
    const change = readImpact(run).services[0]!.changes.find((each) => each.kind === 'operation-removed');
    assert.ok(change?.breaksClients);
    const partner = refsOf(repo, 'features/contract/partner-lookup.feature');
    assert.ok(change.scenarios.length > 0);
    for (const scenario of change.scenarios) assert.ok(partner.includes(scenario.ref), scenario.ref);
    const markdown = fs.readFileSync(path.join(run.reportsDir, 'impact.md'), 'utf8');
    assert.match(markdown, /^## ❌ Breaking contract changes since `v1`/m);
    assert.match(markdown, /`features\/contract\/partner-lookup\.feature:\d+` NOT_RUN/);
  });

  it('the last run: scenarios by the exchanges they made, with their status; unexercised operations named', async () => {
    repo.edit((document) => {
      at(document, 'components', 'schemas', 'SmsReceipt').properties.reviewer = { type: 'string' };
      at(document, 'components', 'schemas', 'Health').properties.region = { type: 'string' };
    });
    const reportsDir = tempDir('sbe-impact-reports-');
    const [ref] = refsOf(repo, 'features/contract/partner-lookup.feature');
    const [uri, line] = [ref!.slice(0, ref!.lastIndexOf(':')), Number(ref!.slice(ref!.lastIndexOf(':') + 1))];
    const exchange = {
      source: 'api' as const,
      service: 'caller-id',
      method: 'POST',
      path: '/v1/sms-reports',
      status: 202,
    };
    fs.writeFileSync(
      path.join(reportsDir, 'results.json'),
      JSON.stringify({
        schemaVersion: 1,
        complete: true,
        runs: 1,
        errors: [],
        scenarios: [
          scenarioResult({
            name: 'A partner scenario that also reports by SMS',
            uri,
            line,
            feature: 'Partner lookup',
            exchanges: [
              {
                ...exchange,
                operationId: 'reportBySms',
                validated: true,
                undocumented: false,
                violations: [],
              },
            ],
          }),
        ],
      }),
    );
    const run = await impact(repo, ['--base', 'v1'], reportsDir);
    assert.equal(run.code, 0, run.output);
    const result = readImpact(run);
    assert.equal(result.lastRun !== null, true);
    const sms = result.services[0]!.changes.find((change) => change.operation === 'reportBySms')!;
    const recorded = sms.scenarios.find((scenario) => scenario.ref === ref);
    assert.deepEqual(recorded && { status: recorded.status, evidence: recorded.evidence }, {
      status: 'PASSED',
      evidence: ['last run'],
    });
    assert.deepEqual(result.unexercised, ['getHealth']);
    assert.match(run.output, /no scenario exercises getHealth/);
  });
});

describe('npm run impact: what it cannot compare exits 2 with one line naming the ref or file', () => {
  let repo: ContractRepo;
  before(() => {
    repo = project();
  });

  const oneLine = (run: Run, pattern: RegExp): void => {
    assert.equal(run.code, 2, run.output);
    assert.equal(run.output.trim().split('\n').length, 1, run.output);
    assert.match(run.output.trim(), pattern);
    assert.doesNotMatch(run.output, /\n\s+at /);
  };

  it('a ref that is neither a file nor a commit', async () => {
    oneLine(
      await impact(repo, ['--base', 'v0-no-such-tag']),
      /^impact: v0-no-such-tag: neither a contract file nor a commit, branch or tag/,
    );
  });

  it('a base file that is not YAML', async () => {
    const file = path.join(tempDir(), 'old.yaml');
    fs.writeFileSync(file, 'openapi: 3.0.3\ninfo: [unclosed\n');
    oneLine(
      await impact(repo, ['--base', file]),
      /^impact: .*old\.yaml:\d+:\d+: not valid YAML\/JSON: .*\(the base\)$/,
    );
  });

  it('a ref whose contract was broken, named ref:path', async () => {
    fs.writeFileSync(repo.file, 'openapi: 3.0.3\ninfo: {title: x}\npaths: {}\n');
    repo.commit('broken');
    repo.edit(() => undefined);
    oneLine(
      await impact(repo, ['--base', 'broken']),
      /^impact: broken:specs\/openapi\.yaml:\d+:\d+: invalid OpenAPI document: .*\(the base\)$/,
    );
  });

  it('no --base', async () => {
    oneLine(await impact(repo, []), /^impact: --base <git ref or contract file> is needed/);
  });
});

describe('npm run impact in a project with several services', () => {
  const env = { HARNESS_CONFIG: path.join(ROOT, 'test/fixtures/projects/two-services/harness.config.yaml') };
  const library = path.join(ROOT, 'test/fixtures/library/openapi.yaml');

  it('a contract file as the base needs --service; with it, only that service is compared, its operations named service:id', async () => {
    const base = path.join(tempDir(), 'library-before.yaml');
    const text = fs.readFileSync(library, 'utf8');
    assert.ok(text.includes('/items/featured:'), 'the library contract has its featured item');
    // The base had one more operation: the working tree removed it.
    fs.writeFileSync(
      base,
      text.replace(
        '  /items/featured:\n',
        '  /items/archived:\n    get:\n      operationId: listArchived\n      responses:\n        "200":\n          description: ok\n  /items/featured:\n',
      ),
    );
    const unnamed = await runHarness('impact', ['--base', base], env);
    assert.equal(unnamed.code, 2, unnamed.output);
    assert.match(
      unnamed.output.trim(),
      /^impact: .*library-before\.yaml: a contract file is the base of one service: name it with --service \(services: accounts, library\)$/,
    );
    const named = await runHarness('impact', ['--base', base, '--service', 'library'], env);
    assert.equal(named.code, 1, named.output);
    const result = readImpact(named);
    assert.deepEqual(
      result.services.map((service) => service.name),
      ['library'],
    );
    assert.deepEqual(
      result.services[0]!.changes.map((change) => [change.label, change.kind]),
      [['library:listArchived', 'operation-removed']],
    );
  });

  it('an unknown --service is one line naming the services', async () => {
    const run = await runHarness('impact', ['--base', 'HEAD', '--service', 'billing'], env);
    assert.equal(run.code, 2, run.output);
    assert.match(
      run.output.trim(),
      /^impact: --service billing: no such service \(services: accounts, library\)$/,
    );
  });
});

describe('npm run impact on a team project of two services, one contract outside its repository', () => {
  it('compares the one it can, names the other as not compared, and the gate cannot vouch for it', async () => {
    // The fixture's library contract is ../../library from the project: here, outside the repository.
    const root = tempDir('sbe-impact-two-');
    const dir = path.join(root, 'projects', 'desk');
    fs.cpSync(path.join(ROOT, 'test/fixtures/projects/two-services'), dir, { recursive: true });
    fs.cpSync(path.join(ROOT, 'test/fixtures/library'), path.join(root, 'library'), { recursive: true });
    for (const args of [
      ['init', '-q'],
      ['add', '-A'],
      ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base'],
    ])
      spawnSync('git', args, { cwd: dir });
    const file = path.join(dir, 'specs/accounts.yaml');
    // The session's answer loses its "member": a client reading it breaks.
    const before = fs.readFileSync(file, 'utf8');
    const after = before.replace(
      '                  member: { type: string }\n              example: { token: sess-7f3a9c2e41, member: ada }',
      '              example: { token: sess-7f3a9c2e41 }',
    );
    assert.notEqual(after, before);
    fs.writeFileSync(file, after);
    const run = await impact({ dir } as ContractRepo, ['--base', 'HEAD']);
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /accounts:createSession .*property "member" removed .*BREAKING/);
    assert.match(
      run.output,
      /not compared: library \(HEAD: not a contract file, and .* is not in a git repository\)/,
    );
    const written = JSON.parse(fs.readFileSync(path.join(run.reportsDir, 'impact.json'), 'utf8')) as Impact;
    assert.deepEqual(
      written.notCompared?.map((each) => each.service),
      ['library'],
    );
  });
});
