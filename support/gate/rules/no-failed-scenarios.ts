import type { ScenarioResult } from '../../results/run-model';
import { atMost, describeScenario, defineRule } from '../rule';

/** No failed scenario, but for those tagged with an accepted known issue (counted apart). */
export const noFailedScenarios = defineRule(
  {
    type: 'object',
    additionalProperties: false,
    // Failures of scenarios tagged `@issue:<id>` with one of these ids are known and accepted.
    properties: { acceptedIssues: { type: 'array', items: { type: 'string', minLength: 1 } } },
  },
  {
    explain: () => 'No failed scenario',
    judge(options, { selected }) {
      const accepted = new Set(options.acceptedIssues ?? []);
      const isAccepted = (scenario: ScenarioResult): boolean =>
        scenario.tags.some((tag) => tag.startsWith('@issue:') && accepted.has(tag.slice('@issue:'.length)));
      const failed = selected.filter((scenario) => scenario.status === 'FAILED' && !isAccepted(scenario));
      const known = selected.filter(
        (scenario) => scenario.status === 'FAILED' && isAccepted(scenario),
      ).length;
      return {
        ...atMost(failed.length, 0, failed.map(describeScenario)),
        ...(known > 0 ? { actual: `${failed.length} (+${known} accepted known issues)` } : {}),
      };
    },
  },
);
