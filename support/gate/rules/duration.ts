import type { GateRule } from '../rule';

export interface DurationOptions {
  /** The run's budget, in seconds. */
  readonly maxSeconds: number;
}

/** The run took no longer than its budget (to a tenth of a second). */
export const duration: GateRule<DurationOptions> = {
  schema: {
    type: 'object',
    required: ['maxSeconds'],
    additionalProperties: false,
    properties: { maxSeconds: { type: 'number', exclusiveMinimum: 0 } },
  },
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
};
