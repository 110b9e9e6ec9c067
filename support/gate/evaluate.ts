import type { ContractCoverage } from '../results/coverage';
import type { RunResults, ScenarioResult } from '../results/run-model';
import { scenarioKey } from '../gherkin/corpus';
import type { Traceability } from '../results/traceability';
import type { SecretHit } from '../report/secret-scan';
import type { Policy, RuleId } from './policy';
import { operationLabel } from '../services/operation-label';
import { judgeBreakingChanges, type GateImpact } from '../impact/gate-rule';

export interface RuleResult {
  readonly id: RuleId | 'every-selected-scenario-ran';
  readonly description: string;
  readonly threshold: string;
  readonly actual: string;
  readonly passed: boolean;
  /** What made it fail: scenarios, exchanges, requirements — one per line. */
  readonly details: readonly string[];
  /** The rule could not be judged and says why in `actual` (it does not fail the gate). */
  readonly skipped?: boolean;
}

export interface GateResult {
  readonly policy: string;
  readonly verdict: 'go' | 'no-go';
  readonly rules: readonly RuleResult[];
  /** One line per failed rule, for people and pipelines. */
  readonly reasons: readonly string[];
}

export interface GateInputs {
  readonly results: RunResults;
  readonly coverage: ContractCoverage;
  readonly traceability: Traceability;
  /** What the report scanner found (file and kind, never a value); none when it did not run. */
  readonly secretHits?: readonly SecretHit[];
  /** The contract's changes since the base; read or computed by the rule itself when absent. */
  readonly impact?: GateImpact;
}

const BROKEN_STEPS = new Set(['UNDEFINED', 'PENDING', 'AMBIGUOUS']);

function describeScenario(scenario: ScenarioResult): string {
  const reason = scenario.error?.split('\n')[0];
  return `${scenarioKey(scenario)} ${scenario.name}${reason ? ` — ${reason}` : ''}`;
}

function count(actual: number, max: number, details: string[], id: RuleId, description: string): RuleResult {
  return { id, description, threshold: `≤ ${max}`, actual: String(actual), passed: actual <= max, details };
}

function atLeast(
  actual: number,
  min: number,
  details: readonly string[],
  id: RuleId,
  description: string,
): RuleResult {
  return { id, description, threshold: `≥ ${min}%`, actual: `${actual}%`, passed: actual >= min, details };
}

/**
 * The project's operation × status pairs exercised, and with several services each service's on
 * its own: every one must reach its minimum (`services.<name>`, else `min`).
 */
function contractCoverage(
  options: NonNullable<Policy['rules']['contract-coverage']>,
  coverage: ContractCoverage,
): RuleResult {
  const services = coverage.services ?? [];
  const several = services.length > 1;
  const overall = atLeast(
    coverage.totals.statusPairsPercent,
    options.min,
    coverage.uncoveredStatusPairs.map((pair) => `not covered: ${pair}`),
    'contract-coverage',
    several
      ? 'Operation × status pairs of the contracts exercised, in total and per service'
      : 'Operation × status pairs of the contract exercised',
  );
  if (!several) return overall;
  const short = services.filter(
    (service) => service.totals.statusPairsPercent < (options.services?.[service.name] ?? options.min),
  );
  return {
    ...overall,
    threshold: `${overall.threshold}${
      Object.keys(options.services ?? {}).length > 0
        ? ` (${Object.entries(options.services ?? {})
            .map(([name, min]) => `${name} ≥ ${min}%`)
            .join(', ')})`
        : ' each'
    }`,
    actual: `${overall.actual} (${services.map((service) => `${service.name} ${service.totals.statusPairsPercent}%`).join(', ')})`,
    passed: overall.passed && short.length === 0,
    details: [
      ...short.map(
        (service) =>
          `${service.name}: ${service.totals.statusPairsPercent}% of its operation × status pairs (needs ${options.services?.[service.name] ?? options.min}%)`,
      ),
      ...overall.details,
    ],
  };
}

/**
 * Applies a policy to a finished run. Pure: the same inputs give the same verdict. The impact
 * `no-unversioned-breaking-change` judges comes in `inputs.impact` (run-gate reads or computes it);
 * without it the rule cannot say and fails.
 */
export function evaluateGate(policy: Policy, inputs: GateInputs): GateResult {
  const { results, coverage, traceability } = inputs;
  const selected = results.scenarios.filter((scenario) => scenario.selected);
  const several = (coverage.services ?? []).length > 1;
  const rules: RuleResult[] = [];

  // Always on: a run that skipped what it chose, or failed outside its scenarios, proves nothing.
  const notRun = selected.filter((scenario) => scenario.attempts === 0);
  rules.push({
    id: 'every-selected-scenario-ran',
    description: 'Every selected scenario ran, and nothing failed outside them',
    threshold: '0 not run, 0 run errors',
    actual: `${notRun.length} not run, ${results.errors.length} run errors`,
    passed: notRun.length === 0 && results.errors.length === 0,
    details: [
      ...results.errors.map((error) => error.split('\n')[0] ?? error),
      ...notRun.map(describeScenario),
    ],
  });

  const options = policy.rules;
  if (options['no-failed-scenarios']) {
    const accepted = new Set(options['no-failed-scenarios'].acceptedIssues ?? []);
    const isAccepted = (scenario: ScenarioResult): boolean =>
      scenario.tags.some((tag) => tag.startsWith('@issue:') && accepted.has(tag.slice('@issue:'.length)));
    const failed = selected.filter((scenario) => scenario.status === 'FAILED' && !isAccepted(scenario));
    const known = selected.filter((scenario) => scenario.status === 'FAILED' && isAccepted(scenario)).length;
    rules.push({
      ...count(failed.length, 0, failed.map(describeScenario), 'no-failed-scenarios', 'No failed scenario'),
      ...(known > 0 ? { actual: `${failed.length} (+${known} accepted known issues)` } : {}),
    });
  }
  if (options['critical-scenarios-pass']) {
    const tag = options['critical-scenarios-pass'].tag ?? '@critical';
    const critical = results.scenarios.filter((scenario) => scenario.tags.includes(tag));
    const bad = critical.filter((scenario) => scenario.attempts === 0 || scenario.status !== 'PASSED');
    rules.push({
      id: 'critical-scenarios-pass',
      description: `Every ${tag} scenario ran and passed`,
      threshold: `${critical.length} of ${critical.length}`,
      actual: `${critical.length - bad.length} of ${critical.length}`,
      passed: bad.length === 0,
      details: bad.map(
        (scenario) =>
          `${scenario.attempts === 0 ? 'did not run' : scenario.status.toLowerCase()}: ${describeScenario(scenario)}`,
      ),
    });
  }
  if (options['no-undefined-steps']) {
    const broken = selected.filter((scenario) => BROKEN_STEPS.has(scenario.status));
    rules.push(
      count(
        broken.length,
        0,
        broken.map((scenario) => {
          const step = scenario.steps.find((candidate) => BROKEN_STEPS.has(candidate.status));
          return `${scenario.status.toLowerCase()}: ${scenarioKey(scenario)} ${step ? `${step.keyword} ${step.text}` : scenario.name}`;
        }),
        'no-undefined-steps',
        'No undefined, pending or ambiguous step',
      ),
    );
  }
  const exchanges = selected.flatMap((scenario) =>
    scenario.exchanges.map((exchange) => ({ scenario, exchange })),
  );
  if (options['no-contract-violations']) {
    const violating = exchanges.filter(({ exchange }) => exchange.violations.length > 0);
    rules.push(
      count(
        violating.length,
        0,
        violating.map(
          ({ scenario, exchange }) =>
            `${scenarioKey(scenario)} ${exchange.operationId ? operationLabel(exchange.operationId, exchange.service, several) : `${exchange.method} ${exchange.path}`} → ${exchange.status}: ${exchange.violations[0] ?? ''}`,
        ),
        'no-contract-violations',
        'No exchange breaks the OpenAPI contract',
      ),
    );
  }
  if (options['no-undocumented-exchanges']) {
    rules.push(
      count(
        coverage.totals.undocumented,
        0,
        coverage.undocumented.map((item) => `${item.method} ${item.path} → ${item.status}: ${item.reason}`),
        'no-undocumented-exchanges',
        'No exchange the contract does not document',
      ),
    );
  }
  if (options['contract-coverage']) rules.push(contractCoverage(options['contract-coverage'], coverage));
  if (options['requirement-coverage']) {
    const active = traceability.requirements.filter((requirement) => requirement.status === 'active');
    const proven = active.filter((requirement) => requirement.result === 'PASSED');
    const percentProven = active.length === 0 ? 100 : Math.round((proven.length / active.length) * 1000) / 10;
    rules.push(
      atLeast(
        percentProven,
        options['requirement-coverage'].min,
        active
          .filter((requirement) => requirement.result !== 'PASSED')
          .map(
            (requirement) =>
              `${requirement.id} ${requirement.title}: ${requirement.result.toLowerCase().replace('_', ' ')}`,
          ),
        'requirement-coverage',
        'Active requirements proven by passing scenarios',
      ),
    );
  }
  if (options['flaky-scenarios']) {
    const flaky = selected.filter((scenario) => scenario.flaky);
    rules.push(
      count(
        flaky.length,
        options['flaky-scenarios'].max,
        flaky.map(
          (scenario) => `flaky (passed on attempt ${scenario.attempts}): ${describeScenario(scenario)}`,
        ),
        'flaky-scenarios',
        'Scenarios that passed only on a retry',
      ),
    );
  }
  if (options.duration) {
    const seconds = Math.round((results.durationMs ?? 0) / 100) / 10;
    rules.push({
      id: 'duration',
      description: 'The run took no longer than its budget',
      threshold: `≤ ${options.duration.maxSeconds} s`,
      actual: `${seconds} s`,
      passed: seconds <= options.duration.maxSeconds,
      details: [],
    });
  }
  if (options['no-secrets-in-reports']) {
    const hits = inputs.secretHits ?? [];
    rules.push({
      id: 'no-secrets-in-reports',
      description: 'No secret of the run, nor a credential of a known shape, in any report file',
      threshold: '0 secrets',
      actual: `${hits.length} found`,
      passed: hits.length === 0,
      details: hits.map((hit) => `${hit.file}: ${hit.kind}`),
    });
  }
  if (options['no-unversioned-breaking-change']) {
    // The impact is read (or computed) by run-gate: this function stays pure.
    const { skipped, ...verdict } = judgeBreakingChanges(
      inputs.impact ?? { unavailable: 'no impact was given to the gate', skip: false },
    );
    rules.push({
      id: 'no-unversioned-breaking-change',
      description: "No breaking contract change without a bump of info.version's major",
      ...verdict,
      ...(skipped ? { skipped } : {}),
    });
  }
  const failed = rules.filter((rule) => !rule.passed);
  return {
    policy: policy.name,
    verdict: failed.length === 0 ? 'go' : 'no-go',
    rules,
    reasons: failed.map(
      (rule) =>
        `${rule.id}: ${rule.actual} (needs ${rule.threshold})${rule.details[0] ? ` — ${rule.details[0]}` : ''}`,
    ),
  };
}
