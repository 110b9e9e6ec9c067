import { ReportCategory, SpamLevel } from '../generated';

/**
 * The domain words features use, in every language the features are written in, mapped to the
 * contract's values. Parameter types are built from these tables, so a new word is one line here.
 */
export const SPAM_LEVEL_WORDS: Readonly<Record<string, SpamLevel>> = {
  none: SpamLevel.None,
  suspicious: SpamLevel.Suspicious,
  spam: SpamLevel.Spam,
  fraud: SpamLevel.Fraud,
  無: SpamLevel.None,
  可疑: SpamLevel.Suspicious,
  垃圾: SpamLevel.Spam,
  詐騙: SpamLevel.Fraud,
};

export const CATEGORY_WORDS: Readonly<Record<string, ReportCategory>> = {
  telemarketing: ReportCategory.Telemarketing,
  scam: ReportCategory.Scam,
  fraud: ReportCategory.Fraud,
  harassment: ReportCategory.Harassment,
  robocall: ReportCategory.Robocall,
  other: ReportCategory.Other,
  推銷: ReportCategory.Telemarketing,
  詐騙: ReportCategory.Scam,
  詐欺: ReportCategory.Fraud,
  騷擾: ReportCategory.Harassment,
  語音機器人: ReportCategory.Robocall,
  其他: ReportCategory.Other,
};

/** The people features talk about. Each gets a fresh account in every scenario. */
export const PERSONAS = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'] as const;

/** A regular expression matching exactly one of the words (longest first, so none is cut short). */
export function alternation(words: readonly string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

export function lookUpWord<T>(table: Readonly<Record<string, T>>, word: string, kind: string): T {
  const value = table[word];
  if (value === undefined)
    throw new Error(`"${word}" is not a ${kind} (known: ${Object.keys(table).join(', ')})`);
  return value;
}
