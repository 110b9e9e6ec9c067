import crypto from 'node:crypto';
import { SEED_REPORTS, seedReportId, seedReporter } from './seed';
import type { Report, ReportCategory } from './types';

interface Filed {
  readonly report: Report;
  /** Order of filing, to tell apart reports made at the same instant. */
  readonly seq: number;
}

const newestFirst = (a: Filed, b: Filed): number =>
  b.report.reportedAt.getTime() - a.report.reportedAt.getTime() || b.seq - a.seq;

/** The active reports; withdrawing a report removes it. */
export class Reports {
  private byId = new Map<string, Filed>();
  private byNumber = new Map<string, Map<string, Filed>>();
  /** `reporter number` → reportId: one active report per person and number. */
  private byReporter = new Map<string, string>();
  private seq = 0;

  constructor(private readonly now: () => Date) {
    this.reset();
  }

  reset(): void {
    this.byId = new Map();
    this.byNumber = new Map();
    this.byReporter = new Map();
    this.seq = 0;
    for (const [index, seed] of SEED_REPORTS.entries()) {
      this.file({
        reportId: seedReportId(index),
        number: seed.number,
        category: seed.category,
        comment: null,
        reportedAt: new Date(seed.at),
        reporter: seedReporter(index),
      });
    }
  }

  add(
    reporter: string,
    number: string,
    category: ReportCategory,
    comment: string | null,
  ): Report | 'duplicate' {
    if (this.byReporter.has(key(reporter, number))) return 'duplicate';
    let reportId: string;
    do reportId = `r_${crypto.randomBytes(8).toString('hex')}`;
    while (this.byId.has(reportId));
    const report: Report = { reportId, number, category, comment, reportedAt: this.now(), reporter };
    this.file(report);
    return report;
  }

  /** Withdraws one of the reporter's own active reports; false when they have no such report. */
  withdraw(reporter: string, reportId: string): boolean {
    const filed = this.byId.get(reportId);
    if (!filed || filed.report.reporter !== reporter) return false;
    this.byId.delete(reportId);
    this.byNumber.get(filed.report.number)?.delete(reportId);
    this.byReporter.delete(key(reporter, filed.report.number));
    return true;
  }

  /** The active reports of a number, newest first. */
  activeFor(number: string): Report[] {
    return [...(this.byNumber.get(number)?.values() ?? [])].sort(newestFirst).map(({ report }) => report);
  }

  private file(report: Report): void {
    this.seq += 1;
    const filed = { report, seq: this.seq };
    this.byId.set(report.reportId, filed);
    const ofNumber = this.byNumber.get(report.number) ?? new Map<string, Filed>();
    ofNumber.set(report.reportId, filed);
    this.byNumber.set(report.number, ofNumber);
    this.byReporter.set(key(report.reporter, report.number), report.reportId);
  }
}

function key(reporter: string, number: string): string {
  return `${reporter} ${number}`;
}
