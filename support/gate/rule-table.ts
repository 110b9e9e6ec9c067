import type { GateRule, OptionsOf } from './rule';
import { contractCoverage } from './rules/contract-coverage';
import { criticalScenariosPass } from './rules/critical-scenarios-pass';
import { duration } from './rules/duration';
import { flakyScenarios } from './rules/flaky-scenarios';
import { noContractViolations } from './rules/no-contract-violations';
import { noFailedScenarios } from './rules/no-failed-scenarios';
import { noSecretsInReports } from './rules/no-secrets-in-reports';
import { noUndefinedSteps } from './rules/no-undefined-steps';
import { noUndocumentedExchanges } from './rules/no-undocumented-exchanges';
import { noUnversionedBreakingChange } from './rules/no-unversioned-breaking-change';
import { requirementCoverage } from './rules/requirement-coverage';

/**
 * Every rule a policy can switch on, by its name in gate.config.yaml. The policy file's schema is
 * built from this table, and the verdict lists the rules in its order: a new rule is one module in
 * `rules/` and one line here.
 */
export const GATE_RULES = {
  'no-failed-scenarios': noFailedScenarios,
  'critical-scenarios-pass': criticalScenariosPass,
  'no-undefined-steps': noUndefinedSteps,
  'no-contract-violations': noContractViolations,
  'no-undocumented-exchanges': noUndocumentedExchanges,
  'contract-coverage': contractCoverage,
  'requirement-coverage': requirementCoverage,
  'flaky-scenarios': flakyScenarios,
  duration,
  'no-secrets-in-reports': noSecretsInReports,
  'no-unversioned-breaking-change': noUnversionedBreakingChange,
} as const;

export type RuleId = keyof typeof GATE_RULES;

/** The rules a policy switches on, each with its options. */
export type RuleOptions = { readonly [Id in RuleId]?: OptionsOf<(typeof GATE_RULES)[Id]> };

/** The rule names, in the order the verdict lists them. */
export const RULE_IDS = Object.keys(GATE_RULES) as RuleId[];

/** The rule of that name, typed by its options. */
export function gateRule<Id extends RuleId>(id: Id): GateRule<NonNullable<RuleOptions[Id]>> {
  return GATE_RULES[id] as GateRule<NonNullable<RuleOptions[Id]>>;
}

/** The schema of a policy's `rules`: one property per rule, none other. */
export function rulesSchema(): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(RULE_IDS.map((id) => [id, GATE_RULES[id].schema])),
  };
}
