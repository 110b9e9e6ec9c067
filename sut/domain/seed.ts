import type { ReportCategory } from './types';

interface SeedReport {
  readonly number: string;
  readonly category: ReportCategory;
  readonly at: string;
}

/**
 * Reports every fresh start has, at fixed times in March 2026. Their reporters are not accounts,
 * and their names cannot be registered (they break the username pattern), so nobody can sign in
 * as one, withdraw their reports or be taken for one of them.
 */
export const SEED_REPORTS: readonly SeedReport[] = [
  { number: '+886227208889', category: 'telemarketing', at: '2026-03-01T09:00:00Z' },
  { number: '+886227208889', category: 'telemarketing', at: '2026-03-02T09:00:00Z' },
  { number: '+886227208889', category: 'telemarketing', at: '2026-03-03T09:00:00Z' },
  { number: '+886227208889', category: 'scam', at: '2026-03-04T09:00:00Z' },
  { number: '+886287654321', category: 'telemarketing', at: '2026-03-01T10:30:00Z' },
  { number: '+886287654321', category: 'telemarketing', at: '2026-03-02T10:30:00Z' },
  { number: '+886287654321', category: 'telemarketing', at: '2026-03-03T10:30:00Z' },
  // The newest at 2026-03-02T08:15:00Z, as in the contract's example lookup of this number.
  { number: '+886955000111', category: 'scam', at: '2026-03-01T08:15:00Z' },
  { number: '+886955000111', category: 'scam', at: '2026-03-01T12:40:00Z' },
  { number: '+886955000111', category: 'scam', at: '2026-03-01T19:05:00Z' },
  { number: '+886955000111', category: 'scam', at: '2026-03-02T07:30:00Z' },
  { number: '+886955000111', category: 'fraud', at: '2026-03-02T08:15:00Z' },
  { number: '+886955000222', category: 'telemarketing', at: '2026-03-11T12:00:00Z' },
  { number: '+886955000222', category: 'telemarketing', at: '2026-03-12T12:00:00Z' },
  { number: '+886955000222', category: 'telemarketing', at: '2026-03-13T12:00:00Z' },
  { number: '+886955000333', category: 'harassment', at: '2026-03-20T21:45:00Z' },
];

/** Seed reporter n: `#seed-1`, … — not a valid username. */
export function seedReporter(index: number): string {
  return `#seed-${index + 1}`;
}

/** Seed report n: `r_0000000000000001`, … */
export function seedReportId(index: number): string {
  return `r_${(index + 1).toString(16).padStart(16, '0')}`;
}

/** The demo account, present only when a demo password is configured. */
export const DEMO_ACCOUNT = {
  username: 'demo',
  displayName: 'Demo User',
  createdAt: '2026-03-01T00:00:00Z',
} as const;
