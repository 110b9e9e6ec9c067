import type { ExchangeInspector, ExchangeRecord, HttpExchange, InspectionContext } from './exchange';
import { NOT_INSPECTED, describeExchange } from './exchange';

/** Receives every exchange record of a scenario (the report attachment is one such sink). */
export type ExchangeSink = (record: ExchangeRecord) => void;

/** Raised when an exchange breaks the contract: the step that made it fails with this message. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolation';
  constructor(readonly record: ExchangeRecord) {
    super(
      `Contract violation in ${describeExchange(record)} (${record.exchange.request.method} ${record.exchange.request.url}):\n` +
        record.assessment.violations.map((violation) => `  - ${violation}`).join('\n'),
    );
  }
}

/**
 * The one place every HTTP exchange of a scenario passes through: calls made by steps and calls
 * the web UI makes in the browser alike. Each exchange is inspected (contract checks), handed to
 * the sinks (report attachments) and kept for later steps.
 */
export class Traffic {
  readonly records: ExchangeRecord[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly browserViolations: ContractViolationError[] = [];

  constructor(
    private readonly inspector: ExchangeInspector | undefined,
    private readonly sinks: readonly ExchangeSink[],
    private readonly context: InspectionContext,
  ) {}

  /** Records an exchange a step made. The caller raises its violations with `raiseViolations`. */
  record(exchange: HttpExchange): ExchangeRecord {
    return this.accept(exchange);
  }

  raiseViolations(record: ExchangeRecord): void {
    if (record.assessment.violations.length > 0) throw new ContractViolationError(record);
  }

  /**
   * Records an exchange the browser made. Its violation cannot interrupt the page, so it is kept
   * and raised by `settle()` at the end of the step that caused it.
   */
  recordInBackground(capture: () => Promise<HttpExchange | undefined>): void {
    const task = capture()
      .then((exchange) => {
        if (!exchange) return;
        const record = this.accept(exchange);
        if (record.assessment.violations.length > 0)
          this.browserViolations.push(new ContractViolationError(record));
      })
      .catch(() => {
        // The page went away before its response could be read (navigation, closed context):
        // nothing was exchanged that can be checked.
      })
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Nothing recorded in the background is pending or waiting to be raised. */
  get idle(): boolean {
    return this.pending.size === 0 && this.browserViolations.length === 0;
  }

  /** Waits for background recordings and raises the first browser-side violation, once. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    const violation = this.browserViolations.shift();
    this.browserViolations.length = 0;
    if (violation) throw violation;
  }

  private accept(exchange: HttpExchange): ExchangeRecord {
    const assessment = this.inspector?.inspect(exchange, this.context) ?? NOT_INSPECTED;
    const record: ExchangeRecord = { exchange, assessment };
    this.records.push(record);
    for (const sink of this.sinks) sink(record);
    return record;
  }
}
