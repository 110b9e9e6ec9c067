import { atMost, describeScenario, type GateRule } from '../rule';

export interface FlakyScenariosOptions {
  /** How many scenarios may pass only on a retry. */
  readonly max: number;
}

/** At most `max` selected scenarios passed only on a retry. */
export const flakyScenarios: GateRule<FlakyScenariosOptions> = {
  schema: {
    type: 'object',
    required: ['max'],
    additionalProperties: false,
    properties: { max: { type: 'integer', minimum: 0 } },
  },
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
};
