import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RuleResult } from '../../support/gate/evaluate';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

interface GateFile {
  verdict: string;
  unusable?: string;
  rules: RuleResult[];
  reasons: string[];
}

const readGate = (reportsDir: string): GateFile =>
  JSON.parse(fs.readFileSync(path.join(reportsDir, 'gate.json'), 'utf8')) as GateFile;

function failedRule(gate: GateFile, id: string): RuleResult {
  const rule = gate.rules.find((candidate) => candidate.id === id);
  assert.ok(rule, `no rule ${id} in ${JSON.stringify(gate.rules.map((candidate) => candidate.id))}`);
  assert.equal(rule.passed, false, `${id} passed: ${JSON.stringify(rule)}`);
  return rule;
}

describe('the release gate at the end of npm run spec', () => {
  it('says no-go when a @critical scenario fails, naming the rule and the scenario', async () => {
    // A filtered run is judged as a partial run unless a policy is named: here, the release's.
    const run = await runHarness(
      'spec',
      ['--tags', '@REQ-110 and @critical and @api', '--gate-policy', 'release'],
      { SUT_FAULTS: 'spam-threshold-off-by-one' },
    );
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /^Gate policy: release — named by --gate-policy$/m);
    assert.match(run.output, /│ critical-scenarios-pass\s+│[^│]+│[^│]+│ FAIL/);
    const rule = failedRule(readGate(run.reportsDir), 'critical-scenarios-pass');
    assert.ok(
      rule.details.some((detail) =>
        /^failed: features\/number-lookup\/spam-level\.feature:\d+ 3 telemarketing report\(s\) make a number spam/.test(
          detail,
        ),
      ),
      rule.details.join('\n'),
    );
    assert.match(fs.readFileSync(path.join(run.reportsDir, 'summary.md'), 'utf8'), /❌ \*\*NO-GO\*\*/);
    assert.match(
      fs.readFileSync(path.join(run.reportsDir, 'junit.xml'), 'utf8'),
      /<testcase classname="release-gate" name="critical-scenarios-pass: [^"]+">\s*<failure/,
    );
  });

  it('says no-go on an undefined step', async () => {
    // `npm run spec` stops at its preflight on an undefined step (test/e2e/bad-input.test.ts) and
    // its dry run is never a verdict (test/e2e/verdicts.test.ts); results from any run — here
    // cucumber's own dry run with the harness's profile — are judged by the gate all the same.
    const reportsDir = tempDir('sbe-undefined-');
    spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@cucumber/cucumber/bin/cucumber-js'),
        '--dry-run',
        'test/fixtures/gate/undefined-step.feature',
      ],
      { cwd: ROOT, env: { ...process.env, REPORTS_DIR: reportsDir, CI: 'true' }, stdio: 'ignore' },
    );
    const run = await runHarness('gate', ['--policy', 'partial', '--reports', reportsDir]);
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /^Gate policy: partial — named by --policy/m);
    const rule = failedRule(readGate(reportsDir), 'no-undefined-steps');
    assert.deepEqual(rule.details, [
      'undefined: test/fixtures/gate/undefined-step.feature:4 Given the service has been up for a week',
    ]);
  });

  it('says no-go on a contract violation', async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-101 and @api'], {
      SUT_FAULTS: 'lookup-report-count-as-string',
    });
    assert.equal(run.code, 1, run.output);
    const rule = failedRule(readGate(run.reportsDir), 'no-contract-violations');
    assert.match(
      rule.details[0] ?? '',
      /lookUpNumber → 200: response body at \/reportCount: expected integer/,
    );
  });

  it('says no-go when contract coverage is under its threshold', async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-501', '--gate-policy', 'release']);
    assert.equal(run.code, 1, run.output);
    const rule = failedRule(readGate(run.reportsDir), 'contract-coverage');
    assert.equal(rule.threshold, '≥ 90%');
    assert.match(rule.actual, /^\d+(\.\d)?%$/);
  });
});

/** The verdict files of a gate that could not use its results: failing, and nothing green beside them. */
function assertFailedClosed(reportsDir: string, reason: RegExp): void {
  const junit = fs.readFileSync(path.join(reportsDir, 'junit.xml'), 'utf8');
  assert.match(junit, /<testsuite name="Release gate \([a-z]+\)" tests="1" failures="1">/);
  assert.match(
    junit,
    /<testcase classname="release-gate" name="results usable">\s*<failure message="results unusable: [^"]+">/,
  );
  assert.match(junit, reason);
  assert.doesNotMatch(junit, /failures="0"/);
  assert.match(readGate(reportsDir).unusable ?? '', reason);
  assert.match(fs.readFileSync(path.join(reportsDir, 'summary.md'), 'utf8'), /❌ \*\*NO-GO\*\*/);
  for (const name of ['results.json', 'contract-coverage.json', 'contract-coverage.md', 'traceability.json'])
    assert.ok(!fs.existsSync(path.join(reportsDir, name)), `${name} of an earlier run stayed behind`);
}

describe('the release gate on results it cannot trust (exit 2, fail closed)', () => {
  it('a missing results file, beside the green files of an earlier run', async () => {
    const reportsDir = tempDir('sbe-stale-');
    fs.writeFileSync(
      path.join(reportsDir, 'junit.xml'),
      '<testsuites><testsuite name="Release gate (release)" tests="1" failures="0"/></testsuites>',
    );
    // Every file but the results (the run's model) is there.
    for (const name of ['traceability.json', 'contract-coverage.json', 'gate.json'])
      fs.writeFileSync(path.join(reportsDir, name), '{"verdict":"go"}');
    const run = await runHarness('gate', ['--reports', reportsDir]);
    assert.equal(run.code, 2, run.output);
    assert.match(run.output, /NO-GO — .*results\.json: no results: run the features first/);
    assertFailedClosed(reportsDir, /no results/);
  });

  it('a truncated results file', async () => {
    // A good run first: its junit.xml is green, its results.json complete.
    const run = await runHarness('spec', ['--tags', '@REQ-501']);
    assert.equal(run.code, 0, run.output);
    assert.match(fs.readFileSync(path.join(run.reportsDir, 'junit.xml'), 'utf8'), /failures="0"/);
    // The gate reads the run's model (results.json), not the message stream.
    const model = path.join(run.reportsDir, 'results.json');
    const text = fs.readFileSync(model, 'utf8');
    fs.writeFileSync(model, text.slice(0, text.length - 40));
    const gate = await runHarness('gate', ['--reports', run.reportsDir]);
    assert.equal(gate.code, 2, gate.output);
    assert.match(
      gate.output,
      /results\.json: not valid JSON \(.*\): the file is corrupt or was cut off while writing/,
    );
    assertFailedClosed(run.reportsDir, /cut off while writing/);
  });

  it('a run killed half-way', async () => {
    const reportsDir = tempDir('sbe-killed-');
    const stream = path.join(reportsDir, 'messages.ndjson');
    const child = spawn('npm', ['run', '--silent', 'spec', '--', '--tags', '@api'], {
      cwd: ROOT,
      env: { ...process.env, REPORTS_DIR: reportsDir },
      stdio: 'ignore',
      detached: true,
    });
    const finishedScenarios = (): number =>
      fs.existsSync(stream) ? (fs.readFileSync(stream, 'utf8').match(/"testCaseFinished"/g) ?? []).length : 0;
    const deadline = Date.now() + 60_000;
    while (finishedScenarios() < 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    assert.ok(finishedScenarios() >= 3, 'the run got going before it was killed');
    const gate = await runHarness('gate', ['--reports', reportsDir]);
    assert.equal(gate.code, 2, gate.output);
    assert.match(gate.output, /(never finished \(interrupted or killed\)|the last message is cut off)/);
    assertFailedClosed(reportsDir, /(never finished|cut off)/);
  });
});

describe('npm run spec into a folder an earlier run wrote', () => {
  it('leaves nothing of the earlier run but the Allure history', async () => {
    const reportsDir = tempDir('sbe-rerun-');
    const history = path.join(reportsDir, 'allure-results', 'history', 'history-trend.json');
    fs.mkdirSync(path.dirname(history), { recursive: true });
    fs.writeFileSync(history, '[]');
    const first = await runHarness('spec', ['--tags', '@REQ-501'], { REPORTS_DIR: reportsDir });
    assert.equal(first.code, 0, first.output);
    assert.ok(fs.existsSync(path.join(reportsDir, 'gate.json')));

    const second = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate'], { REPORTS_DIR: reportsDir });
    assert.equal(second.code, 0, second.output);
    // This run had no gate: the first one's verdict must not pass for its own.
    for (const name of ['gate.json', 'junit.xml', 'summary.md'])
      assert.ok(!fs.existsSync(path.join(reportsDir, name)), `${name} of the first run stayed behind`);
    const selected = (
      JSON.parse(fs.readFileSync(path.join(reportsDir, 'results.json'), 'utf8')) as {
        scenarios: { selected: boolean }[];
      }
    ).scenarios.filter((scenario) => scenario.selected).length;
    const allure = fs
      .readdirSync(path.join(reportsDir, 'allure-results'))
      .filter((name) => name.endsWith('-result.json'));
    assert.ok(selected > 0);
    assert.equal(allure.length, selected, 'one Allure result per scenario, none from the first run');
    assert.ok(fs.existsSync(history), 'the Allure history is kept');
  });
});
