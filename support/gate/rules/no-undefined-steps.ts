import type { ScenarioResult } from '../../results/run-model';
import { scenarioKey } from '../../gherkin/corpus';
import { atMost, NO_OPTIONS, defineRule } from '../rule';

const BROKEN_STEPS = new Set(['UNDEFINED', 'PENDING', 'AMBIGUOUS']);

/** `undefined: features/a.feature:12 When I do what no step matches`. */
function brokenStepLine(scenario: ScenarioResult): string {
  const step = scenario.steps.find((candidate) => BROKEN_STEPS.has(candidate.status));
  return `${scenario.status.toLowerCase()}: ${scenarioKey(scenario)} ${step ? `${step.keyword} ${step.text}` : scenario.name}`;
}

/** No selected scenario has an undefined, pending or ambiguous step. */
export const noUndefinedSteps = defineRule(NO_OPTIONS, {
  explain: () => 'No undefined, pending or ambiguous step',
  judge(_options, { selected }) {
    const broken = selected.filter((scenario) => BROKEN_STEPS.has(scenario.status));
    return atMost(broken.length, 0, broken.map(brokenStepLine));
  },
});
