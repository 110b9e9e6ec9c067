export type SpamLevel = 'none' | 'suspicious' | 'spam' | 'fraud';
export type CallerKind = 'business' | 'personal' | 'unknown';
export const CATEGORIES = ['telemarketing', 'scam', 'fraud', 'harassment', 'robocall', 'other'] as const;
export type ReportCategory = (typeof CATEGORIES)[number];

export interface Business {
  readonly name: string;
  readonly industry: string;
  readonly verified: boolean;
  readonly website: string | null;
}

export interface Report {
  readonly reportId: string;
  readonly number: string;
  readonly category: ReportCategory;
  readonly comment: string | null;
  readonly reportedAt: Date;
  readonly reporter: string;
}

export interface Account {
  readonly username: string;
  readonly displayName: string;
  readonly salt: string;
  readonly passwordHash: string;
  readonly createdAt: Date;
}

export interface Token {
  readonly username: string;
  readonly expiresAt: Date;
}

export interface BlockedNumber {
  readonly number: string;
  readonly label: string | null;
  readonly blockedAt: Date;
}
