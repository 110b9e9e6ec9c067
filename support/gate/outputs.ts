import Table from 'cli-table3';
import { create } from 'xmlbuilder2';
import type { ContractCoverage } from '../results/coverage';
import type { RunResults, ScenarioResult } from '../results/run-model';
import { scenarioKey } from '../gherkin/corpus';
import type { GateResult } from './evaluate';

/** The verdict as a terminal table: rule, threshold, actual, verdict. */
export function gateTable(gate: GateResult): string {
  const table = new Table({
    head: ['rule', 'threshold', 'actual', 'verdict'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const rule of gate.rules)
    table.push([
      rule.id,
      rule.threshold,
      rule.actual,
      rule.skipped ? 'skipped' : rule.passed ? 'pass' : 'FAIL',
    ]);
  const lines = [
    table.toString(),
    `Release gate (${gate.policy} policy): ${gate.verdict === 'go' ? 'GO' : 'NO-GO'}`,
    ...gate.reasons.map((reason) => `  - ${reason}`),
  ];
  return lines.join('\n');
}

/** reports/gate.json: the verdict and its reasons, for machines. */
export function gateJson(
  gate: GateResult,
  results: RunResults | undefined,
  problem?: string,
): Record<string, unknown> {
  return {
    verdict: gate.verdict,
    policy: gate.policy,
    ...(problem ? { unusable: problem } : {}),
    reasons: gate.reasons,
    rules: gate.rules,
    run: results
      ? {
          startedAt: results.startedAt,
          durationMs: results.durationMs,
          complete: results.complete,
          runs: results.runs,
          selected: results.scenarios.filter((scenario) => scenario.selected).length,
        }
      : null,
  };
}

/** A verdict the results could not support: missing, corrupt or incomplete. */
export function unusableGate(policy: string, problem: string): GateResult {
  return {
    policy,
    verdict: 'no-go',
    rules: [],
    reasons: [`results unusable: ${problem}`],
  };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

type XmlElement = ReturnType<typeof create>;

/** The selected scenarios by feature file, in the order they ran. */
function scenariosByFeature(results: RunResults | undefined): Map<string, ScenarioResult[]> {
  const byFeature = new Map<string, ScenarioResult[]>();
  for (const scenario of (results?.scenarios ?? []).filter((candidate) => candidate.selected)) {
    byFeature.set(scenario.uri, [...(byFeature.get(scenario.uri) ?? []), scenario]);
  }
  return byFeature;
}

/** A scenario's test case: failed with its error, skipped when it did not pass, flaky said. */
function scenarioCase(suite: XmlElement, scenario: ScenarioResult): void {
  const testcase = suite.ele('testcase', {
    classname: scenario.feature,
    name: scenario.name,
    file: scenarioKey(scenario),
    time: seconds(scenario.durationMs),
  });
  if (scenario.status === 'FAILED') {
    testcase
      .ele('failure', { message: scenario.error?.split('\n')[0] ?? 'failed' })
      .txt(scenario.error ?? '');
  } else if (scenario.status !== 'PASSED') {
    testcase.ele('skipped', {
      message: scenario.attempts === 0 ? 'not run' : scenario.status.toLowerCase(),
    });
  }
  if (scenario.flaky) testcase.ele('system-out').txt(`flaky: passed on attempt ${scenario.attempts}`);
}

/** One feature's suite: a case per selected scenario. */
function featureSuite(root: XmlElement, uri: string, scenarios: readonly ScenarioResult[]): void {
  const failures = scenarios.filter((scenario) => scenario.status === 'FAILED').length;
  const skipped = scenarios.filter(
    (scenario) => scenario.status !== 'FAILED' && scenario.status !== 'PASSED',
  ).length;
  const suite = root.ele('testsuite', {
    name: scenarios[0]?.feature || uri,
    file: uri,
    tests: scenarios.length,
    failures,
    skipped,
    time: seconds(scenarios.reduce((sum, scenario) => sum + scenario.durationMs, 0)),
  });
  for (const scenario of scenarios) scenarioCase(suite, scenario);
}

/** The release gate's suite: a case per rule, or one failing case when the results were unusable. */
function gateSuite(root: XmlElement, gate: GateResult): void {
  const suite = root.ele('testsuite', {
    name: `Release gate (${gate.policy})`,
    tests: gate.rules.length || 1,
    failures: gate.rules.filter((rule) => !rule.passed).length || (gate.verdict === 'no-go' ? 1 : 0),
    // A rule that judged nothing (no base to compare with) is a skipped case, not a pass.
    ...(gate.rules.some((rule) => rule.skipped)
      ? { skipped: gate.rules.filter((rule) => rule.skipped).length }
      : {}),
  });
  if (gate.rules.length === 0) {
    suite
      .ele('testcase', { classname: 'release-gate', name: 'results usable' })
      .ele('failure', { message: gate.reasons[0] ?? 'results unusable' })
      .txt(gate.reasons.join('\n'));
  }
  for (const rule of gate.rules) {
    const testcase = suite.ele('testcase', {
      classname: 'release-gate',
      name: `${rule.id}: ${rule.description}`,
    });
    if (rule.skipped) testcase.ele('skipped', { message: rule.actual });
    else if (!rule.passed) {
      testcase
        .ele('failure', { message: `${rule.actual} (needs ${rule.threshold})` })
        .txt(rule.details.join('\n'));
    }
  }
}

/**
 * reports/junit.xml: one suite per feature with a case per selected scenario, and one suite for
 * the release gate with a case per rule, so CI systems show the verdict among the tests. Without
 * usable results it is the gate's suite alone, with one failing case that says why.
 */
export function junitXml(results: RunResults | undefined, gate: GateResult): string {
  return junitScenarios(results).withVerdict(gate);
}

/** junit.xml's suites of the scenarios, built before the verdict is known; the gate's suite goes last. */
export function junitScenarios(results: RunResults | undefined): { withVerdict(gate: GateResult): string } {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'sbe-harness' });
  for (const [uri, scenarios] of scenariosByFeature(results)) featureSuite(root, uri, scenarios);
  return {
    withVerdict: (gate) => {
      gateSuite(root, gate);
      return root.end({ prettyPrint: true });
    },
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** reports/summary.md: the verdict for a pull-request comment or a CI job summary. */
export function summaryMarkdown(
  gate: GateResult,
  results: RunResults | undefined,
  coverage: ContractCoverage | undefined,
): string {
  const headline =
    gate.verdict === 'go' ? '✅ **GO** — the release gate passed' : '❌ **NO-GO** — the release gate failed';
  const lines = [`## ${headline} (${gate.policy} policy)`, ''];
  if (results) {
    const selected = results.scenarios.filter((scenario) => scenario.selected);
    const by = (status: string): number => selected.filter((scenario) => scenario.status === status).length;
    lines.push(
      `${selected.length} scenarios: ${by('PASSED')} passed, ${by('FAILED')} failed, ${selected.filter((scenario) => scenario.flaky).length} flaky` +
        (results.durationMs === undefined ? '' : `, in ${(results.durationMs / 1000).toFixed(1)} s`) +
        (coverage
          ? ` · contract coverage ${coverage.totals.statusPairsPercent}% of operation × status pairs`
          : ''),
      '',
    );
  }
  if (gate.rules.length > 0) {
    lines.push('| rule | threshold | actual | verdict |', '| --- | --- | --- | :---: |');
    for (const rule of gate.rules) {
      lines.push(
        `| ${cell(rule.description)} (\`${rule.id}\`) | ${cell(rule.threshold)} | ${cell(rule.actual)} | ${rule.skipped ? '⏭️ skipped' : rule.passed ? '✅' : '❌'} |`,
      );
    }
    lines.push('');
  }
  const failing = gate.rules.filter((rule) => !rule.passed && rule.details.length > 0);
  if (failing.length > 0 || gate.rules.length === 0) {
    lines.push('### Why', '');
    for (const reason of gate.rules.length === 0 ? gate.reasons : []) lines.push(`- ${cell(reason)}`);
    for (const rule of failing) {
      lines.push(`**${rule.id}**`, '');
      for (const detail of rule.details.slice(0, 20)) lines.push(`- ${cell(detail)}`);
      if (rule.details.length > 20) lines.push(`- … and ${rule.details.length - 20} more`);
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
