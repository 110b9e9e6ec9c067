import { defineRule } from '../rule';

/** The run took no longer than its budget (to a tenth of a second). */
export const duration = defineRule(
  {
    type: 'object',
    required: ['maxSeconds'],
    additionalProperties: false,
    // The run's budget, in seconds.
    properties: { maxSeconds: { type: 'number', exclusiveMinimum: 0 } },
  },
  {
    explain: () => 'The run took no longer than its budget',
    judge(options, { results }) {
      const seconds = Math.round((results.durationMs ?? 0) / 100) / 10;
      return {
        threshold: `≤ ${options.maxSeconds} s`,
        actual: `${seconds} s`,
        passed: seconds <= options.maxSeconds,
        details: [],
      };
    },
  },
);
