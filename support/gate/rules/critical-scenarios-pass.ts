import { describeScenario, defineRule } from '../rule';

/** The tag that marks a scenario critical: `@critical` unless the options set another. */
const tagOf = (options: { readonly tag?: string }): string => options.tag ?? '@critical';

/** Every critical scenario of the whole suite ran and passed, whatever the run selected. */
export const criticalScenariosPass = defineRule(
  {
    type: 'object',
    additionalProperties: false,
    // The tag that marks a scenario critical (`@critical` unless set).
    properties: { tag: { type: 'string', pattern: '^@' } },
  },
  {
    explain: (options) => `Every ${tagOf(options)} scenario ran and passed`,
    judge(options, { results }) {
      const critical = results.scenarios.filter((scenario) => scenario.tags.includes(tagOf(options)));
      const bad = critical.filter((scenario) => scenario.attempts === 0 || scenario.status !== 'PASSED');
      return {
        threshold: `${critical.length} of ${critical.length}`,
        actual: `${critical.length - bad.length} of ${critical.length}`,
        passed: bad.length === 0,
        details: bad.map(
          (scenario) =>
            `${scenario.attempts === 0 ? 'did not run' : scenario.status.toLowerCase()}: ${describeScenario(scenario)}`,
        ),
      };
    },
  },
);
