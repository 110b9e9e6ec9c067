import type { Business, ReportCategory } from './types';

/** Businesses that registered their numbers; verified ones proved they own them. */
export const BUSINESSES: ReadonlyMap<string, Business> = new Map([
  [
    '+886227208889',
    {
      name: 'Acme Bank Customer Service',
      industry: 'Banking',
      verified: true,
      website: 'https://bank.example',
    },
  ],
  ['+886223456789', { name: 'Sunrise Pizza', industry: 'Restaurant', verified: false, website: null }],
  ['+886287654321', { name: 'FastLoans Ltd', industry: 'Lending', verified: false, website: null }],
]);

/** People who chose to be listed under their name. */
export const PEOPLE: ReadonlyMap<string, string> = new Map([['+886987654321', 'Lin Wei']]);

/** Reports every fresh start has, made by accounts that cannot sign in, at fixed times. */
export const SEED_REPORTS: readonly { number: string; category: ReportCategory; at: string }[] = [
  ...(['telemarketing', 'telemarketing', 'telemarketing', 'scam'] as const).map((category, index) => ({
    number: '+886227208889',
    category,
    at: `2026-03-0${index + 1}T09:00:00Z`,
  })),
  ...[1, 2, 3].map((day) => ({
    number: '+886287654321',
    category: 'telemarketing' as const,
    at: `2026-03-0${day}T10:30:00Z`,
  })),
  ...(['scam', 'scam', 'scam', 'scam', 'fraud'] as const).map((category, index) => ({
    number: '+886955000111',
    category,
    at: `2026-03-0${index + 1}T08:15:00Z`,
  })),
  ...[1, 2, 3].map((day) => ({
    number: '+886955000222',
    category: 'telemarketing' as const,
    at: `2026-03-1${day}T12:00:00Z`,
  })),
  { number: '+886955000333', category: 'harassment', at: '2026-03-20T21:45:00Z' },
];
