import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContractCoverage } from '../../support/results/coverage';
import { evaluateGate } from '../../support/gate/evaluate';
import type { Policy } from '../../support/gate/policy';
import type { RunResults, ScenarioResult } from '../../support/results/run-model';
import type { Traceability, TracedRequirement } from '../../support/results/traceability';
import { scenarioResult } from '../helpers/results';

function scenario(line: number, overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  return scenarioResult({
    name: `scenario ${line}`,
    uri: 'features/a.feature',
    line,
    durationMs: 10,
    ...overrides,
  });
}

const run = (scenarios: ScenarioResult[], overrides: Partial<RunResults> = {}): RunResults => ({
  complete: true,
  runs: 1,
  durationMs: 30_000,
  success: true,
  scenarios,
  errors: [],
  ...overrides,
});

const coverage = (percent: number, undocumented = 0): ContractCoverage => ({
  spec: { title: 'T', version: '1' },
  totals: {
    operations: 1,
    operationsCovered: 1,
    operationsPercent: 100,
    statusPairs: 10,
    statusPairsCovered: percent / 10,
    statusPairsPercent: percent,
    exchanges: 1,
    validated: 1,
    validatedPercent: 100,
    undocumented,
    violations: 0,
  },
  services: [],
  entries: [],
  uncoveredStatusPairs: percent < 100 ? ['op 404'] : [],
  catchAll: [],
  undocumented: undocumented
    ? [{ method: 'GET', path: '/x', status: 200, reason: 'no path matches', scenarios: [] }]
    : [],
});

const requirement = (id: string, result: TracedRequirement['result']): TracedRequirement => ({
  id,
  title: id,
  capability: 'c',
  priority: 'high',
  owner: 'o',
  status: 'active',
  link: '',
  acceptance: [],
  layersRequired: ['api'],
  layersProven: ['api'],
  layers: [{ layer: 'api', required: true, result }],
  result,
  scenarios: [],
  operations: [],
});

const trace = (...requirements: TracedRequirement[]): Traceability => ({
  requirements,
  operations: [],
  flags: { requirementsWithoutScenario: [], scenariosWithoutRequirement: [], missingLayers: [] },
});

const everything: Policy = {
  name: 'release',
  description: '',
  rules: {
    'no-failed-scenarios': { acceptedIssues: ['BUG-7'] },
    'critical-scenarios-pass': {},
    'no-undefined-steps': {},
    'no-contract-violations': {},
    'no-undocumented-exchanges': {},
    'contract-coverage': { min: 90 },
    'requirement-coverage': { min: 100 },
    'flaky-scenarios': { max: 1 },
    duration: { maxSeconds: 60 },
  },
};

function failedRules(
  results: RunResults,
  cov = coverage(100),
  traceability = trace(requirement('REQ-1', 'PASSED')),
): string[] {
  return evaluateGate(everything, { results, coverage: cov, traceability })
    .rules.filter((rule) => !rule.passed)
    .map((rule) => rule.id);
}

describe('the release gate', () => {
  it('says go when every rule holds', () => {
    const gate = evaluateGate(everything, {
      results: run([scenario(1), scenario(2)]),
      coverage: coverage(100),
      traceability: trace(requirement('REQ-1', 'PASSED')),
    });
    assert.equal(gate.verdict, 'go');
    assert.deepEqual(gate.reasons, []);
  });

  it('catches a failed scenario, unless its known issue is accepted', () => {
    assert.deepEqual(failedRules(run([scenario(1, { status: 'FAILED', error: 'Then x: boom' })])), [
      'no-failed-scenarios',
    ]);
    assert.deepEqual(failedRules(run([scenario(1, { status: 'FAILED', tags: ['@issue:BUG-7'] })])), []);
  });

  it('catches a @critical scenario that failed or did not run', () => {
    const critical = { tags: ['@critical'] };
    assert.deepEqual(failedRules(run([scenario(1, { ...critical, status: 'FAILED' })])), [
      'no-failed-scenarios',
      'critical-scenarios-pass',
    ]);
    assert.deepEqual(
      failedRules(run([scenario(1, { ...critical, selected: false, attempts: 0, status: 'UNKNOWN' })])),
      ['critical-scenarios-pass'],
    );
  });

  it('catches undefined, pending and ambiguous steps', () => {
    for (const status of ['UNDEFINED', 'PENDING', 'AMBIGUOUS'] as const) {
      assert.deepEqual(
        failedRules(run([scenario(1, { status, steps: [{ keyword: 'Given', text: 'nothing', status }] })])),
        ['no-undefined-steps'],
      );
    }
  });

  it('catches contract violations and undocumented exchanges', () => {
    const exchange = {
      source: 'api' as const,
      method: 'GET',
      path: '/x',
      status: 200,
      operationId: 'x',
      validated: true,
      undocumented: false,
      violations: ['response body at /a: expected integer'],
    };
    assert.deepEqual(failedRules(run([scenario(1, { exchanges: [exchange] })])), ['no-contract-violations']);
    assert.deepEqual(failedRules(run([scenario(1)]), coverage(100, 1)), ['no-undocumented-exchanges']);
  });

  it('catches coverage under its threshold', () => {
    assert.deepEqual(failedRules(run([scenario(1)]), coverage(80)), ['contract-coverage']);
    assert.deepEqual(
      failedRules(
        run([scenario(1)]),
        coverage(100),
        trace(requirement('REQ-1', 'PASSED'), requirement('REQ-2', 'NO_SCENARIO')),
      ),
      ['requirement-coverage'],
    );
  });

  it('counts flaky scenarios and the duration against their budgets', () => {
    const flaky = { flaky: true, attempts: 2 };
    assert.deepEqual(failedRules(run([scenario(1, flaky)])), []);
    assert.deepEqual(failedRules(run([scenario(1, flaky), scenario(2, flaky)])), ['flaky-scenarios']);
    assert.deepEqual(failedRules(run([scenario(1)], { durationMs: 61_000 })), ['duration']);
  });

  it('fails closed on scenarios that were selected but never ran, and on errors outside scenarios', () => {
    assert.deepEqual(failedRules(run([scenario(1, { attempts: 0, status: 'UNKNOWN' })])), [
      'every-selected-scenario-ran',
    ]);
    assert.deepEqual(failedRules(run([scenario(1)], { errors: ['BeforeAll: service unreachable'] })), [
      'every-selected-scenario-ran',
    ]);
  });

  it('gives each failed rule as a reason naming threshold, actual and the first culprit', () => {
    const gate = evaluateGate(everything, {
      results: run([
        scenario(7, {
          status: 'FAILED',
          error: 'Then the spam level is spam: expected "spam", actual "suspicious"',
        }),
      ]),
      coverage: coverage(100),
      traceability: trace(requirement('REQ-1', 'PASSED')),
    });
    assert.equal(gate.verdict, 'no-go');
    assert.deepEqual(gate.reasons, [
      'no-failed-scenarios: 1 (needs ≤ 0) — features/a.feature:7 scenario 7 — Then the spam level is spam: expected "spam", actual "suspicious"',
    ]);
  });
});

describe('contract coverage of a project of several services', () => {
  const service = (name: string, percent: number): ContractCoverage['services'][number] => ({
    name,
    title: name,
    version: '1',
    totals: { ...coverage(percent).totals },
  });
  const several = (percents: Record<string, number>, total: number): ContractCoverage => ({
    ...coverage(total),
    services: Object.entries(percents).map(([name, percent]) => service(name, percent)),
  });
  const policy = (rule: { min: number; services?: Record<string, number> }): Policy => ({
    name: 'release',
    description: '',
    rules: { 'contract-coverage': rule },
  });
  const judge = (rule: { min: number; services?: Record<string, number> }, cover: ContractCoverage) =>
    evaluateGate(policy(rule), { results: run([]), coverage: cover, traceability: trace() }).rules.find(
      (result) => result.id === 'contract-coverage',
    );

  it('passes when the total and every service reach their minimum', () => {
    const rule = judge({ min: 50, services: { billing: 40 } }, several({ users: 60, billing: 45 }, 55));
    assert.equal(rule?.passed, true);
    assert.equal(rule?.actual, '55% (users 60%, billing 45%)');
  });

  it('fails on one service below its own minimum even when the total reaches it, naming the service', () => {
    const rule = judge({ min: 50 }, several({ users: 90, billing: 30 }, 70));
    assert.equal(rule?.passed, false);
    assert.equal(rule?.details[0], 'billing: 30% of its operation × status pairs (needs 50%)');
  });
});
