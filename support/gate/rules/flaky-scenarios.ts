import { atMost, describeScenario, defineRule } from '../rule';

/** At most `max` selected scenarios passed only on a retry. */
export const flakyScenarios = defineRule(
  {
    type: 'object',
    required: ['max'],
    additionalProperties: false,
    // How many scenarios may pass only on a retry.
    properties: { max: { type: 'integer', minimum: 0 } },
  },
  {
    explain: () => 'Scenarios that passed only on a retry',
    judge(options, { selected }) {
      const flaky = selected.filter((scenario) => scenario.flaky);
      return atMost(
        flaky.length,
        options.max,
        flaky.map(
          (scenario) => `flaky (passed on attempt ${scenario.attempts}): ${describeScenario(scenario)}`,
        ),
      );
    },
  },
);
