import type { Policy } from './policy';
import type { GateInputs, Judgement, RuleContext } from './rule';
import { gateRule, RULE_IDS, type RuleId } from './rule-table';
import { EVERY_SELECTED_SCENARIO_RAN, everySelectedScenarioRan } from './rules/every-selected-scenario-ran';

export interface RuleResult extends Judgement {
  readonly id: RuleId | typeof EVERY_SELECTED_SCENARIO_RAN;
  readonly description: string;
}

export interface GateResult {
  readonly policy: string;
  readonly verdict: 'go' | 'no-go';
  readonly rules: readonly RuleResult[];
  /** One line per failed rule, for people and pipelines. */
  readonly reasons: readonly string[];
}

/** A rule's line in the verdict, its fields always in the same order (gate.json shows them). */
function ruleResult(id: RuleResult['id'], description: string, judgement: Judgement): RuleResult {
  const { threshold, actual, passed, details, skipped } = judgement;
  return { id, description, threshold, actual, passed, details, ...(skipped ? { skipped } : {}) };
}

/** Judges one rule the policy switched on, with its options. */
function judgeRule<Id extends RuleId>(id: Id, policy: Policy, context: RuleContext): RuleResult | undefined {
  const options = policy.rules[id];
  if (!options) return undefined;
  const rule = gateRule(id);
  return ruleResult(id, rule.explain(options, context), rule.judge(options, context));
}

/** `no-failed-scenarios: 1 (needs ≤ 0) — features/a.feature:3 …`. */
function reason(rule: RuleResult): string {
  return `${rule.id}: ${rule.actual} (needs ${rule.threshold})${rule.details[0] ? ` — ${rule.details[0]}` : ''}`;
}

/**
 * Applies a policy to a finished run. Pure: the same inputs give the same verdict. The impact
 * `no-unversioned-breaking-change` judges comes in `inputs.impact` (run-gate reads or computes it);
 * without it the rule cannot say and fails.
 */
export function evaluateGate(policy: Policy, inputs: GateInputs): GateResult {
  const context: RuleContext = {
    ...inputs,
    selected: inputs.results.scenarios.filter((scenario) => scenario.selected),
    several: (inputs.coverage.services ?? []).length > 1,
  };
  // Always on, first; then the policy's rules in the table's order.
  const rules = [
    ruleResult(
      EVERY_SELECTED_SCENARIO_RAN,
      everySelectedScenarioRan.explain(),
      everySelectedScenarioRan.judge(context),
    ),
    ...RULE_IDS.flatMap((id) => judgeRule(id, policy, context) ?? []),
  ];
  const failed = rules.filter((rule) => !rule.passed);
  return {
    policy: policy.name,
    verdict: failed.length === 0 ? 'go' : 'no-go',
    rules,
    reasons: failed.map(reason),
  };
}
