import { BUSINESSES, PEOPLE } from './seed';
import { spamLevel, type SpamRules } from './spam-level';
import type { Report } from './types';

/** What a caller sees for a number, as the API returns it. */
export function describeNumber(
  number: string,
  reports: readonly Report[],
  rules: SpamRules,
): Record<string, unknown> {
  const business = BUSINESSES.get(number);
  const person = PEOPLE.get(number);
  const counts = new Map<string, number>();
  for (const report of reports) counts.set(report.category, (counts.get(report.category) ?? 0) + 1);
  const categories = [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  const newest = reports.reduce<Date | null>(
    (latest, report) => (!latest || report.reportedAt > latest ? report.reportedAt : latest),
    null,
  );
  return {
    number,
    displayName: business?.name ?? person ?? null,
    kind: business ? 'business' : person ? 'personal' : 'unknown',
    spamLevel: spamLevel(
      reports.map((report) => report.category),
      business?.verified ?? false,
      rules,
    ),
    reportCount: reports.length,
    categories,
    lastReportedAt: newest?.toISOString() ?? null,
    ...(business ? { business } : {}),
  };
}
