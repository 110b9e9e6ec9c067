import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Envelope } from '@cucumber/messages';
import { startHarnessThread } from '../config/harness-thread';
import { usableCores } from '../config/workers';
import { oneLine } from '../errors';
import type { AllureInit } from '../report/allure-on-thread';
import type { RunIdentity } from './run-model';

/** What the thread is started with, before the run it reports on is known. */
export interface ReportingThreadData {
  /** Where the thread says it has written the results of an interrupted run (an Int32Array's buffer). */
  readonly interrupted: SharedArrayBuffer;
  /**
   * The thread gives the scenarios the cores first: they run in this process, with a core to spare
   * (on one core the thread would fall far behind them, and so would the stream people follow).
   */
  readonly yieldToScenarios: boolean;
}

/** The run the thread reports on: where its reports go, and which run this is. */
export interface ReportingRun {
  readonly reportsDir: string;
  /** Its `commit` is the one checked out where the run is, if any: Allure's environment names it too. */
  readonly identity: Partial<RunIdentity>;
}

/** What the coordinator tells the thread, in order. */
export type ToReportingThread =
  /** First: the run begins, its reports go here. */
  | { readonly kind: 'begin'; readonly run: ReportingRun }
  /** Envelopes as lines of messages.ndjson, several at a time. */
  | { readonly kind: 'lines'; readonly text: string }
  | { readonly kind: 'allure'; readonly init: AllureInit }
  | {
      readonly kind: 'run-hook-error';
      readonly hook: string;
      readonly message: string;
      readonly stack?: string;
    }
  /** After the run's last message: write the reports, answer `finished`. */
  | { readonly kind: 'finish' }
  /** A signal: write what there is, marked incomplete, and say so through `interrupted`. */
  | { readonly kind: 'interrupt' };

export interface ReportingFinished {
  readonly kind: 'finished';
  /** What could not be written. */
  readonly problems: readonly string[];
}

/**
 * The thread's young generation (MB): 4 MB semi-spaces instead of up to 16. About 25 MB less
 * resident memory at 10,000 scenarios, and no slower in alternating runs of 1,000.
 */
const YOUNG_GENERATION_MB = 12;

/** Lines handed over at the latest at this size; otherwise at each scenario's end. */
const BATCH_CHARS = 256 * 1024;
/** How long a signal waits for the results so far to be written. */
const INTERRUPT_WAIT_MS = 30_000;

/**
 * The reporting of a run, on a thread of its own: the message stream (messages.ndjson), the
 * results model and its reports (results.json, contract coverage, traceability) and Allure's
 * results (allure-cucumberjs's reporter, when the run has the Allure formatter). In cucumber's
 * coordinator these took about half of a one-worker API run's time, which the scenarios waited on,
 * and with several workers they were the coordinator's work all workers waited on. The
 * coordinator now writes each message as its line of the stream and hands the lines over, a
 * scenario at a time; the thread does the rest, in the order the messages came.
 */
export class ReportingThread {
  private readonly thread: Worker;
  private lines: string[] = [];
  private chars = 0;
  /** Why the thread can take no more: it stopped, or a signal ended the run. */
  private failed: string | undefined;
  /** Whether the thread stopped on its own (an error, an exit) rather than at a signal. */
  private stopped = false;
  private finishing: ((problems: readonly string[]) => void) | undefined;
  private finished: Promise<readonly string[]> | undefined;
  /** Everything is written: a signal now has nothing to wait for. */
  private written = false;
  /** A signal came: the results so far are written once. */
  private signalled = false;
  private readonly interrupted = new SharedArrayBuffer(4);
  /** Whether any message was handed over: Allure without them would be an empty report. */
  fed = false;

  /** Started, the thread loads its code; it reports on a run once told which (`begin`). */
  constructor(readonly yieldToScenarios: boolean) {
    const data: ReportingThreadData = { interrupted: this.interrupted, yieldToScenarios };
    this.thread = startHarnessThread(path.join(__dirname, 'on-reporting-thread.ts'), data, {
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
    });
    this.thread.on('message', (message: ReportingFinished) => this.finishing?.(message.problems));
    this.thread.on('error', (error) => this.stop(`the reporting thread stopped: ${oneLine(error)}`));
    this.thread.on('exit', (code) => {
      if (!this.written)
        this.stop(`the reporting thread ended (exit code ${code}) before the run's reports were written`);
    });
    // Reporting never keeps a process alive: the results plugin waits for `finish()`.
    this.thread.unref();
  }

  /** Why the thread stopped on its own, if it did: the run's reports are then not all written. */
  get stoppedBecause(): string | undefined {
    return this.stopped ? this.failed : undefined;
  }

  private stop(reason: string): void {
    if (this.failed) return;
    this.failed = reason;
    this.stopped = true;
    this.finishing?.([reason]);
  }

  /** The run begins: its reports go into `run.reportsDir`, which nothing else writes from now on. */
  begin(run: ReportingRun): void {
    this.post({ kind: 'begin', run });
  }

  /** One message of the run: its line of the stream, handed over with its scenario's others. */
  envelope(envelope: Envelope): void {
    this.fed = true;
    const line = `${JSON.stringify(envelope)}\n`;
    this.lines.push(line);
    this.chars += line.length;
    if (this.chars >= BATCH_CHARS || envelope.testCaseFinished) this.handOver();
  }

  /** The run has the Allure formatter: the thread runs allure-cucumberjs's reporter too. */
  startAllure(init: AllureInit): void {
    this.post({ kind: 'allure', init });
  }

  /** A BeforeAll or AfterAll hook failed: Allure shows it as the run's error. */
  runHookError(hook: string, error: unknown): void {
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    this.post({ kind: 'run-hook-error', hook, message, stack });
  }

  /**
   * After the run's last message: waits until every report is written; says what could not be.
   * The same wait however often it is asked for.
   */
  finish(): Promise<readonly string[]> {
    this.finished ??= this.writeReports();
    return this.finished;
  }

  private writeReports(): Promise<readonly string[]> {
    this.handOver();
    if (this.failed) return Promise.resolve([this.failed]);
    this.thread.ref();
    return new Promise<readonly string[]>((resolve) => {
      this.finishing = resolve;
      this.post({ kind: 'finish' });
    }).finally(() => {
      this.written = !this.failed;
      // Its memory (the run's model, Allure's) is let go before the gate runs.
      if (this.written) void this.thread.terminate();
      else this.thread.unref();
    });
  }

  /**
   * A signal: the results so far are written, marked incomplete, before this returns (the process
   * is about to end). Messages after it are not written. Throws when they could not be.
   */
  interrupt(): void {
    if (this.written || this.signalled) return;
    this.signalled = true;
    this.handOver();
    if (this.stopped) throw new Error(`the results so far could not be written: ${this.failed}`);
    this.post({ kind: 'interrupt' });
    this.failed = 'the run was interrupted';
    const done = new Int32Array(this.interrupted);
    if (Atomics.wait(done, 0, 0, INTERRUPT_WAIT_MS) === 'timed-out') {
      throw new Error(
        `the reporting thread did not write the results so far within ${INTERRUPT_WAIT_MS / 1000} s`,
      );
    }
  }

  private handOver(): void {
    if (this.lines.length === 0) return;
    this.post({ kind: 'lines', text: this.lines.join('') });
    this.lines = [];
    this.chars = 0;
  }

  private post(message: ToReportingThread): void {
    if (!this.failed) this.thread.postMessage(message);
  }
}

let current: ReportingThread | undefined;
/** Started ahead of the run, not reporting on one yet. */
let early: ReportingThread | undefined;

/**
 * Starts the reporting thread now, before the run: it loads its code on the other core while the
 * scenarios are loaded and checked, instead of while the first ones run (a one-scenario run waited
 * for it at its end). `startReportingThread` takes it. `besideScenarios`: the scenarios run in this
 * process; with two cores or more the thread then gives them the cores first.
 */
export function startReportingThreadEarly(besideScenarios: boolean, cores = usableCores()): ReportingThread {
  early ??= new ReportingThread(besideScenarios && cores >= 2);
  return early;
}

/** Starts the run's reporting thread, or takes the one started early (the results plugin does, before the formatters start). */
export function startReportingThread(run: ReportingRun): ReportingThread {
  current = early ?? new ReportingThread(false);
  early = undefined;
  current.begin(run);
  return current;
}

/**
 * Waits until the run's reports are written: a run that cucumber could not end in order (a worker
 * died) is judged on them too.
 */
export async function reportsWritten(): Promise<void> {
  await current?.finish();
}

/** The run's reporting thread, which the Allure formatter hands its work to. */
export function reportingThread(): ReportingThread | undefined {
  return current;
}
