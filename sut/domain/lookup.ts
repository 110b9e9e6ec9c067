import { BUSINESSES, PEOPLE } from './directory';
import { spamLevel } from './spam-level';
import type { NumberLookup, Report, ReportCategory } from './types';

/** What a caller sees for a number, from the directories and the number's active reports. */
export function lookUp(number: string, activeReports: readonly Report[], threshold?: number): NumberLookup {
  const business = BUSINESSES.get(number);
  const person = PEOPLE.get(number);
  const counts = new Map<ReportCategory, number>();
  let newest: Date | null = null;
  for (const report of activeReports) {
    counts.set(report.category, (counts.get(report.category) ?? 0) + 1);
    if (!newest || report.reportedAt > newest) newest = report.reportedAt;
  }
  const categories = [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return {
    number,
    displayName: business?.name ?? person ?? null,
    kind: business ? 'business' : person ? 'personal' : 'unknown',
    spamLevel: spamLevel(
      activeReports.map((report) => report.category),
      business?.verified ?? false,
      threshold,
    ),
    reportCount: activeReports.length,
    categories,
    lastReportedAt: newest,
    ...(business ? { business } : {}),
  };
}
