import {
  TestStepResultStatus,
  TimeConversion,
  type Duration,
  type Envelope,
  type TestStepResult,
} from '@cucumber/messages';
import { HARNESS_FORMATTERS, onlyFormatters, type RunFormats } from './harness-formatters';

/** What cucumber's event data collector holds of one attempt. */
interface AttemptData {
  readonly attempt: number;
  readonly testCaseId: string;
  readonly stepResults: Record<string, TestStepResult>;
  readonly worstTestStepResult: TestStepResult;
}

/** The maps of cucumber's event data collector (`formatterHelpers.EventDataCollector`). */
export interface AttemptMaps {
  readonly testCaseAttemptDataMap: Record<string, AttemptData>;
  readonly testCaseMap: Record<
    string,
    { readonly pickleId: string; readonly testSteps: readonly { readonly pickleStepId?: string }[] }
  >;
  readonly pickleMap: Record<string, unknown>;
}

/** What cucumber's summary (`formatterHelpers.formatSummary`) reads of an attempt. */
export interface SummaryAttempt {
  readonly testCase: {
    readonly testSteps: readonly { readonly id: string; readonly pickleStepId?: string }[];
  };
  readonly willBeRetried: boolean;
  readonly worstTestStepResult: TestStepResult;
  readonly stepResults: Record<string, TestStepResult>;
}

const PASSED: TestStepResult = { status: TestStepResultStatus.PASSED, duration: { seconds: 0, nanos: 0 } };

/**
 * Cucumber's coordinator keeps every attempt of a run — its pickle, its test case, its step results —
 * for the summary its console formatter prints at the end: memory that grows with every scenario.
 * An attempt that passed at its first try is never printed there, only counted. This counts it as it
 * finishes and forgets it in the collector; the summary counts the forgotten ones through stand-ins
 * (`standIns`) that cucumber's own `formatSummary` reads as it would the attempts. Attempts that
 * failed, were retried or only warn stay whole, for the failures and warnings printed above it.
 *
 * Only for a run whose formatters read no attempt after it finished (`mayForgetPassedAttempts`).
 */
export class PassedAttempts {
  private scenarios = 0;
  private steps = 0;
  private duration: Duration = { seconds: 0, nanos: 0 };

  constructor(private readonly collector: AttemptMaps) {}

  /** Listens after the collector (which sets an attempt's worst result when it finishes). */
  update(envelope: Envelope): void {
    const finished = envelope.testCaseFinished;
    if (!finished || finished.willBeRetried) return;
    const id = finished.testCaseStartedId;
    const data = this.collector.testCaseAttemptDataMap[id];
    if (data?.attempt !== 0 || data.worstTestStepResult.status !== TestStepResultStatus.PASSED) return;
    const testCase = this.collector.testCaseMap[data.testCaseId];
    if (!testCase) return;
    this.scenarios += 1;
    this.steps += testCase.testSteps.filter((step) => step.pickleStepId !== undefined).length;
    for (const result of Object.values(data.stepResults)) {
      this.duration = TimeConversion.addDurations(this.duration, result.duration);
    }
    delete this.collector.testCaseAttemptDataMap[id];
    delete this.collector.testCaseMap[data.testCaseId];
    delete this.collector.pickleMap[testCase.pickleId];
  }

  /**
   * The forgotten attempts as cucumber's summary counts them: one passed scenario each, the first
   * carrying their passed steps and, in a step of no pickle step (a hook's place), their steps' time.
   */
  standIns(): SummaryAttempt[] {
    if (this.scenarios === 0) return [];
    const steps = Array.from({ length: this.steps }, (_, index) => ({ id: `${index}`, pickleStepId: '' }));
    const first: SummaryAttempt = {
      testCase: { testSteps: [...steps, { id: 'time' }] },
      willBeRetried: false,
      worstTestStepResult: PASSED,
      stepResults: {
        ...Object.fromEntries(steps.map((step) => [step.id, PASSED])),
        time: { ...PASSED, duration: this.duration },
      },
    };
    const rest = Array.from({ length: this.scenarios - 1 }, () => ({
      testCase: { testSteps: [] },
      willBeRetried: false,
      worstTestStepResult: PASSED,
      stepResults: {},
    }));
    return [first, ...rest];
  }
}

/** The harness's formatters that read no attempt once it finished, but for the summary. */
export const HARNESS_FORGETTING_FORMATTERS = [HARNESS_FORMATTERS.progress, HARNESS_FORMATTERS.allure];

/** The format option (cucumber's `formatOptions`) by which `npm run spec` allows forgetting. */
export const FORGET_PASSED_ATTEMPTS = 'forgetPassedAttempts';

/**
 * Whether a run's formatters allow forgetting passed attempts: cucumber's `message` formatter and
 * the formatters named (the harness's, which read no finished attempt but the summary's). Cucumber's
 * own console, `junit`, `json`, `rerun`, `usage` and `snippets` formatters read them at the end.
 */
export function mayForgetPassedAttempts(formats: RunFormats, forgetting: readonly string[]): boolean {
  return onlyFormatters(formats, (name) => name === 'message' || forgetting.includes(name));
}

/** One count per collector: two formatters that forget (stdout and a file) share what was forgotten. */
const FORGOTTEN = new WeakMap<AttemptMaps, PassedAttempts>();

/**
 * A formatter's view of cucumber's collector whose attempts include the stand-ins of the passed ones
 * `collector` forgets as they finish.
 */
export function forgettingPassedAttempts<C extends { getTestCaseAttempts(): unknown[] }>(
  broadcaster: { on(event: 'envelope', listener: (envelope: Envelope) => void): unknown },
  collector: AttemptMaps,
  view: C,
): C {
  let passed = FORGOTTEN.get(collector);
  if (!passed) {
    const created = new PassedAttempts(collector);
    broadcaster.on('envelope', (envelope) => created.update(envelope));
    FORGOTTEN.set(collector, created);
    passed = created;
  }
  const shared = passed;
  const counted = Object.create(view) as C;
  counted.getTestCaseAttempts = () => [...view.getTestCaseAttempts(), ...shared.standIns()];
  return counted;
}
