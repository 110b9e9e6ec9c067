import crypto from 'node:crypto';
import { SEED_REPORTS } from './seed';
import type { Account, BlockedNumber, Report, ReportCategory, Token } from './types';

interface Sequenced<T> {
  readonly seq: number;
  readonly value: T;
}

function hashPassword(password: string, salt: string): string {
  return crypto.createHash('sha256').update(`${salt}:${password}`).digest('hex');
}

/**
 * Everything the service knows, in memory. `reset()` brings back the seed data, so a harness that
 * starts the service itself can give every scenario the same starting point.
 */
export class Store {
  private accounts = new Map<string, Account>();
  private tokens = new Map<string, Token>();
  private reports = new Map<string, Sequenced<Report>>();
  private blockLists = new Map<string, Map<string, Sequenced<BlockedNumber>>>();
  private seq = 0;

  constructor(
    private readonly now: () => Date,
    private readonly demo?: { readonly username: string; readonly password: string },
  ) {
    this.reset();
  }

  reset(): void {
    this.accounts = new Map();
    this.tokens = new Map();
    this.reports = new Map();
    this.blockLists = new Map();
    for (const [index, seed] of SEED_REPORTS.entries()) {
      const reportId = `r_${(index + 1).toString(16).padStart(16, '0')}`;
      this.reports.set(
        reportId,
        this.sequenced({
          reportId,
          number: seed.number,
          category: seed.category,
          comment: null,
          reportedAt: new Date(seed.at),
          reporter: `seed-reporter-${index + 1}`,
        }),
      );
    }
    if (this.demo) this.createAccount(this.demo.username, this.demo.password, 'Demo User');
  }

  createAccount(username: string, password: string, displayName: string): Account | 'taken' {
    if (this.accounts.has(username)) return 'taken';
    const salt = crypto.randomBytes(16).toString('hex');
    const account = {
      username,
      displayName,
      salt,
      passwordHash: hashPassword(password, salt),
      createdAt: this.now(),
    };
    this.accounts.set(username, account);
    return account;
  }

  /** The account, when the password is right; undefined for a wrong password and an unknown user alike. */
  checkPassword(username: string, password: string): Account | undefined {
    const account = this.accounts.get(username);
    if (!account) return undefined;
    const expected = Buffer.from(account.passwordHash, 'hex');
    const actual = Buffer.from(hashPassword(password, account.salt), 'hex');
    return crypto.timingSafeEqual(expected, actual) ? account : undefined;
  }

  issueToken(username: string, lifetimeSeconds: number): string {
    // A recognisable prefix lets secret scanners (and the harness's own tests) find a leaked token.
    const token = `cid_${crypto.randomBytes(32).toString('base64url')}`;
    this.tokens.set(token, { username, expiresAt: new Date(this.now().getTime() + lifetimeSeconds * 1000) });
    return token;
  }

  resolveToken(token: string): { username: string } | 'unknown' | 'expired' {
    const found = this.tokens.get(token);
    if (!found) return 'unknown';
    if (found.expiresAt.getTime() <= this.now().getTime()) return 'expired';
    return { username: found.username };
  }

  addReport(
    reporter: string,
    number: string,
    category: ReportCategory,
    comment: string | null,
  ): Report | 'duplicate' {
    for (const { value } of this.reports.values()) {
      if (value.reporter === reporter && value.number === number) return 'duplicate';
    }
    const report: Report = {
      reportId: `r_${crypto.randomBytes(8).toString('hex')}`,
      number,
      category,
      comment,
      reportedAt: this.now(),
      reporter,
    };
    this.reports.set(report.reportId, this.sequenced(report));
    return report;
  }

  /** Withdraws one of the reporter's own reports; false when there is no such active report. */
  withdrawReport(reporter: string, reportId: string): boolean {
    const found = this.reports.get(reportId);
    if (!found || found.value.reporter !== reporter) return false;
    this.reports.delete(reportId);
    return true;
  }

  /** Active reports of a number, newest first. */
  reportsOf(number: string): Report[] {
    return [...this.reports.values()]
      .filter(({ value }) => value.number === number)
      .sort((a, b) => b.value.reportedAt.getTime() - a.value.reportedAt.getTime() || b.seq - a.seq)
      .map(({ value }) => value);
  }

  block(username: string, number: string, label: string | null): BlockedNumber | 'duplicate' {
    const list = this.blockLists.get(username) ?? new Map<string, Sequenced<BlockedNumber>>();
    if (list.has(number)) return 'duplicate';
    const entry = { number, label, blockedAt: this.now() };
    list.set(number, this.sequenced(entry));
    this.blockLists.set(username, list);
    return entry;
  }

  unblock(username: string, number: string): boolean {
    return this.blockLists.get(username)?.delete(number) ?? false;
  }

  /** A person's block list, most recently blocked first. */
  blockList(username: string): BlockedNumber[] {
    return [...(this.blockLists.get(username)?.values() ?? [])]
      .sort((a, b) => b.value.blockedAt.getTime() - a.value.blockedAt.getTime() || b.seq - a.seq)
      .map(({ value }) => value);
  }

  private sequenced<T>(value: T): Sequenced<T> {
    this.seq += 1;
    return { seq: this.seq, value };
  }
}
