import type { ReportCategory, SpamLevel } from './types';

/** Active reports from which a number is spam, or fraud when that many are scam or fraud reports. */
export const SPAM_THRESHOLD = 3;

const SCAM_LIKE: ReadonlySet<ReportCategory> = new Set(['scam', 'fraud']);

/**
 * The spam level of a number from the categories of its active reports: none without any,
 * suspicious for one or two, spam from three, fraud when three or more are scam or fraud. A verified
 * business is at most suspicious: it is never labelled spam or fraud.
 */
export function spamLevel(
  categories: readonly ReportCategory[],
  verifiedBusiness: boolean,
  threshold: number = SPAM_THRESHOLD,
): SpamLevel {
  if (categories.length === 0) return 'none';
  if (verifiedBusiness) return 'suspicious';
  const scamLike = categories.filter((category) => SCAM_LIKE.has(category)).length;
  if (scamLike >= threshold) return 'fraud';
  if (categories.length >= threshold) return 'spam';
  return 'suspicious';
}
