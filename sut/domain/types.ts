export type SpamLevel = 'none' | 'suspicious' | 'spam' | 'fraud';
export type CallerKind = 'business' | 'personal' | 'unknown';
export const CATEGORIES = ['telemarketing', 'scam', 'fraud', 'harassment', 'robocall', 'other'] as const;
export type ReportCategory = (typeof CATEGORIES)[number];

export interface Business {
  readonly name: string;
  readonly industry: string;
  readonly verified: boolean;
  readonly website: string | null;
  /** Where callers write to the business; null when it gave none. */
  readonly email: string | null;
}

export interface Report {
  readonly reportId: string;
  readonly number: string;
  readonly category: ReportCategory;
  readonly comment: string | null;
  readonly reportedAt: Date;
  /** Who made it: never shown, only used for duplicates and withdrawals. */
  readonly reporter: string;
}

export interface Account {
  readonly username: string;
  readonly displayName: string;
  readonly salt: string;
  readonly passwordHash: string;
  readonly createdAt: Date;
}

export interface BlockedNumber {
  readonly number: string;
  readonly label: string | null;
  readonly blockedAt: Date;
}

/** What a lookup tells about a number, before it is written as JSON. */
export interface NumberLookup {
  readonly number: string;
  readonly displayName: string | null;
  readonly kind: CallerKind;
  readonly spamLevel: SpamLevel;
  readonly reportCount: number;
  readonly categories: readonly { readonly category: ReportCategory; readonly count: number }[];
  readonly lastReportedAt: Date | null;
  readonly business?: Business;
}
