import { UsageError } from '../errors';

const MAX_SHOWN = 20;

/** Everything that would make a run fail for reasons other than the product: one line each. */
export class PreflightError extends UsageError {
  constructor(readonly problems: readonly string[]) {
    super(`preflight: ${problems.length} problem(s) before any scenario ran: ${problems[0] ?? ''}`);
  }

  /** The lines to print: every problem, at most twenty. */
  lines(): string[] {
    const shown = this.problems.slice(0, MAX_SHOWN);
    const more = this.problems.length - shown.length;
    return [
      `preflight: nothing ran: ${this.problems.length} problem(s) to fix first`,
      ...shown.map((problem) => `  ${problem}`),
      ...(more > 0 ? [`  … and ${more} more`] : []),
    ];
  }
}
