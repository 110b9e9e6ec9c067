import type { ReportCategory, SpamLevel } from './types';

export interface SpamRules {
  /** Reports from which a number is spam (3), or fraud when they are scam or fraud reports. */
  readonly threshold: number;
}

export const RULES: SpamRules = { threshold: 3 };

/**
 * The spam level of a number from its active reports: none without any, suspicious for one or two,
 * spam from three, fraud when three or more are scam or fraud. A verified business is at most
 * suspicious: it is never labelled spam or fraud.
 */
export function spamLevel(
  categories: readonly ReportCategory[],
  verifiedBusiness: boolean,
  rules: SpamRules = RULES,
): SpamLevel {
  if (categories.length === 0) return 'none';
  if (verifiedBusiness) return 'suspicious';
  const scamLike = categories.filter((category) => category === 'scam' || category === 'fraud').length;
  if (scamLike >= rules.threshold) return 'fraud';
  if (categories.length >= rules.threshold) return 'spam';
  return 'suspicious';
}
