import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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
    const run = await runHarness('spec', ['--tags', '@REQ-110 and @critical and @api'], {
      SUT_FAULTS: 'spam-threshold-off-by-one',
    });
    assert.equal(run.code, 1, run.output);
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
    const run = await runHarness('spec', [
      path.join(ROOT, 'test/fixtures/gate/undefined-step.feature'),
      '--gate-policy',
      'smoke',
    ]);
    assert.equal(run.code, 1, run.output);
    const rule = failedRule(readGate(run.reportsDir), 'no-undefined-steps');
    assert.deepEqual(rule.details, [
      'undefined: test/fixtures/gate/undefined-step.feature:4 Given the service has been up for a week',
    ]);
  });

  it('says no-go on a contract violation', async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-101 and @api', '--gate-policy', 'smoke'], {
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
    const run = await runHarness('spec', ['--tags', '@REQ-501']);
    assert.equal(run.code, 1, run.output);
    const rule = failedRule(readGate(run.reportsDir), 'contract-coverage');
    assert.equal(rule.threshold, '≥ 90%');
    assert.match(rule.actual, /^\d+(\.\d)?%$/);
  });
});

describe('the release gate on results it cannot trust (exit 2, fail closed)', () => {
  it('a missing results file', async () => {
    const empty = tempDir('sbe-empty-');
    const run = await runHarness('gate', ['--reports', empty]);
    assert.equal(run.code, 2, run.output);
    assert.match(run.output, /NO-GO — .*messages\.ndjson: no results: run the features first/);
    assert.match(readGate(empty).unusable ?? '', /no results/);
  });

  it('a truncated results file', async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate']);
    const stream = path.join(run.reportsDir, 'messages.ndjson');
    const text = fs.readFileSync(stream, 'utf8');
    fs.writeFileSync(stream, text.slice(0, text.length - 40));
    const gate = await runHarness('gate', ['--reports', run.reportsDir]);
    assert.equal(gate.code, 2, gate.output);
    assert.match(
      gate.output,
      /messages\.ndjson:\d+: the last message is cut off: the run was interrupted while writing/,
    );
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
  });
});
