import { describeScenario, type Judgement, type RuleContext } from '../rule';

export const EVERY_SELECTED_SCENARIO_RAN = 'every-selected-scenario-ran';

/** Always on: a run that skipped what it chose, or failed outside its scenarios, proves nothing. */
export const everySelectedScenarioRan = {
  explain: (): string => 'Every selected scenario ran, and nothing failed outside them',
  judge({ results, selected }: RuleContext): Judgement {
    const notRun = selected.filter((scenario) => scenario.attempts === 0);
    return {
      threshold: '0 not run, 0 run errors',
      actual: `${notRun.length} not run, ${results.errors.length} run errors`,
      passed: notRun.length === 0 && results.errors.length === 0,
      details: [
        ...results.errors.map((error) => error.split('\n')[0] ?? error),
        ...notRun.map(describeScenario),
      ],
    };
  },
};
