import { atLeast, PERCENT, defineRule } from '../rule';

/** Active requirements of the catalogue proven by passing scenarios. */
export const requirementCoverage = defineRule(
  {
    type: 'object',
    required: ['min'],
    additionalProperties: false,
    // The minimum % of active requirements proven by passing scenarios.
    properties: { min: PERCENT },
  },
  {
    explain: () => 'Active requirements proven by passing scenarios',
    judge(options, { traceability }) {
      const active = traceability.requirements.filter((requirement) => requirement.status === 'active');
      const proven = active.filter((requirement) => requirement.result === 'PASSED');
      const percentProven =
        active.length === 0 ? 100 : Math.round((proven.length / active.length) * 1000) / 10;
      return atLeast(
        percentProven,
        options.min,
        active
          .filter((requirement) => requirement.result !== 'PASSED')
          .map(
            (requirement) =>
              `${requirement.id} ${requirement.title}: ${requirement.result.toLowerCase().replace('_', ' ')}`,
          ),
      );
    },
  },
);
