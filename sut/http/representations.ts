import type { Account, BlockedNumber, NumberLookup, Report } from '../domain/types';

/** RFC 3339 in UTC to the second, as the contract's examples write times: `2026-03-02T08:15:00Z`. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function userJson(account: Account): Record<string, unknown> {
  return {
    username: account.username,
    displayName: account.displayName,
    createdAt: timestamp(account.createdAt),
  };
}

/** A report as everyone sees it: anonymous, never naming who made it. */
export function reportJson(report: Report): Record<string, unknown> {
  return {
    reportId: report.reportId,
    number: report.number,
    category: report.category,
    comment: report.comment,
    reportedAt: timestamp(report.reportedAt),
  };
}

export function blockedNumberJson(entry: BlockedNumber): Record<string, unknown> {
  return { number: entry.number, label: entry.label, blockedAt: timestamp(entry.blockedAt) };
}

export function lookupJson(lookup: NumberLookup): Record<string, unknown> {
  return {
    number: lookup.number,
    displayName: lookup.displayName,
    kind: lookup.kind,
    spamLevel: lookup.spamLevel,
    reportCount: lookup.reportCount,
    categories: lookup.categories.map(({ category, count }) => ({ category, count })),
    lastReportedAt: lookup.lastReportedAt ? timestamp(lookup.lastReportedAt) : null,
    ...(lookup.business
      ? {
          business: {
            name: lookup.business.name,
            industry: lookup.business.industry,
            verified: lookup.business.verified,
            website: lookup.business.website,
            email: lookup.business.email,
          },
        }
      : {}),
  };
}
