import { judgeBreakingChanges } from '../../impact/gate-rule';
import { defineRule } from '../rule';

/**
 * A breaking contract change since the base needs a bump of `info.version`'s major. The impact is
 * read (or computed) by run-gate, so the rule stays pure; without it the rule cannot say and fails.
 */
export const noUnversionedBreakingChange = defineRule(
  {
    type: 'object',
    additionalProperties: false,
    // `base`: the ref compared with (`IMPACT_BASE` wins); `whenNoBase`: `skip` (said so) or `fail`.
    properties: {
      base: { type: 'string', minLength: 1 },
      whenNoBase: { enum: ['skip', 'fail'] },
    },
  },
  {
    explain: () => "No breaking contract change without a bump of info.version's major",
    judge(_options, { impact }) {
      const { skipped, ...verdict } = judgeBreakingChanges(
        impact ?? { unavailable: 'no impact was given to the gate', skip: false },
      );
      return { ...verdict, ...(skipped ? { skipped } : {}) };
    },
  },
);
