import type * as messages from '@cucumber/messages';
import { TestStepResultStatus } from '../gherkin/message-values';
import { scenarioKey, type Corpus, type ParsedFeature } from '../gherkin/corpus';
import { nodeLines, pickleLine, scenarioSites, stepsOf } from '../gherkin/walk';
import { BROWSER_KIND, EXCHANGE_MEDIA_TYPE } from '../http/exchange';
import { isExchangeAttachment } from '../report/exchange-attachment';
import { mostSevere, type Status } from './status';

// The vocabulary lives in one module; these names stay importable from the results model.

/** One exchange of a scenario, without its bodies: what coverage and traceability need. */
export interface ExchangeSummary {
  readonly source: 'api' | 'browser';
  /** The project's service the exchange went to, when it went to one. */
  readonly service?: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly operationId?: string;
  readonly responseKey?: string;
  readonly mediaType?: string;
  readonly validated: boolean;
  readonly undocumented: boolean;
  readonly violations: readonly string[];
}

export interface StepResult {
  readonly keyword: string;
  readonly text: string;
  readonly status: Status;
}

/**
 * Which run a reports folder holds, recorded in its results.json: what `npm run merge` needs to
 * tell a complete set of shards from one with a shard missing, given twice, or from elsewhere.
 */
// A type, not an interface: it travels as JSON in cucumber's plugin options.
export type RunIdentity = {
  /** `2/3` when the run was one shard of a split run. */
  readonly shard?: string;
  /** What the run selected apart from the shard (`tags "@ui"`): the shards of one split run select alike. */
  readonly selection: string;
  /** The commit the features ran from, when the project is a git checkout. */
  readonly commit?: string;
};

export interface ScenarioResult {
  readonly name: string;
  readonly uri: string;
  /** Line of the scenario, or of its Examples row for an outline: with `uri`, the scenario's identity. */
  readonly line: number;
  readonly feature: string;
  readonly rule?: string;
  readonly tags: readonly string[];
  readonly language: string;
  /** The run chose it (tags, paths, shard): it has a test case, whether or not it got to run. */
  selected: boolean;
  status: Status;
  attempts: number;
  /** Failed first, passed on a retry. */
  flaky: boolean;
  durationMs: number;
  error?: string;
  steps: StepResult[];
  exchanges: ExchangeSummary[];
}

export interface RunResults {
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly durationMs?: number;
  readonly success?: boolean;
  /** Every run that started also finished (several when shards were merged). */
  readonly complete: boolean;
  readonly runs: number;
  readonly cucumberVersion?: string;
  /** Every scenario of the features the run read: `selected` tells which ones it chose. */
  readonly scenarios: readonly ScenarioResult[];
  /** Errors outside any scenario: a failing BeforeAll, a parse error. */
  readonly errors: readonly string[];
  /** The browser the UI scenarios ran in, when any did. */
  readonly browser?: string;
  /** The origins the HTTP exchanges went to (`http://127.0.0.1:41234`). */
  readonly origins?: readonly string[];
  /** Which run this is (shard, selection, commit), as `npm run spec` recorded it: merge checks the set. */
  readonly run?: RunIdentity;
}

interface ScenarioInfo {
  readonly feature: string;
  readonly rule?: string;
  readonly language: string;
}

interface Attempt {
  readonly scenario: ScenarioResult;
  readonly testCase: messages.TestCase;
  readonly statuses: Status[];
  readonly steps: StepResult[];
  readonly exchanges: ExchangeSummary[];
  readonly startedAt: number;
  error?: string;
}

/** The violations of every exchange that has none: one list for all of them. */
const NO_VIOLATIONS: readonly string[] = Object.freeze([]);

function toMillis(timestamp: messages.Timestamp): number {
  return timestamp.seconds * 1000 + Math.round(timestamp.nanos / 1e6);
}

/**
 * Builds a run's results from cucumber's message stream, one envelope at a time: the live plugin
 * feeds it during a run; `merge` and `gate` feed it messages.ndjson files. Scenarios are keyed by
 * file and line, so the streams of several shards fed one after the other make one run. It keeps
 * summaries only — exchange bodies and screenshots stay in the stream — so memory grows with the
 * number of scenarios, not with what they exchanged.
 */
export class RunCollector {
  /** Scenario id → what encloses it. */
  private readonly scenarioInfo = new Map<string, ScenarioInfo>();
  /** Node id → line, for the nodes pickles point at (nodeLines). */
  private readonly lines = new Map<string, number>();
  private readonly documents = new Map<string, messages.GherkinDocument>();
  private readonly pickles = new Map<string, messages.Pickle[]>();
  private readonly pickleSteps = new Map<string, { keyword: string; text: string }>();
  private readonly stepKeywords = new Map<string, string>();
  /** pickle id → scenario key: ids change from run to run, keys do not. */
  private readonly pickleKeys = new Map<string, string>();
  private readonly scenarios = new Map<string, ScenarioResult>();
  private readonly testCases = new Map<string, messages.TestCase>();
  private readonly attempts = new Map<string, Attempt>();
  private readonly errors: string[] = [];
  private readonly started: number[] = [];
  private readonly finished: messages.TestRunFinished[] = [];
  private meta?: messages.Meta;
  private browser?: string;
  /** Where the exchanges went: the embedded services' loopback origins are known only from them. */
  private readonly origins = new Set<string>();
  /** Operation ids, media types and the like, each kept once however many exchanges name it. */
  private readonly words = new Map<string, string>();

  /**
   * @param onExchange told each exchange record an attempt attached, as it is read (the reporting
   * thread's Allure labels each attempt with its operations from it: the record is parsed once).
   */
  constructor(private readonly onExchange?: (testCaseStartedId: string, exchange: ExchangeSummary) => void) {}

  update(envelope: messages.Envelope): void {
    if (envelope.meta) this.meta = envelope.meta;
    else if (envelope.gherkinDocument) this.indexDocument(envelope.gherkinDocument);
    else if (envelope.pickle) this.addPickle(envelope.pickle);
    else if (envelope.testRunStarted) this.started.push(toMillis(envelope.testRunStarted.timestamp));
    else if (envelope.testCase) this.addTestCase(envelope.testCase);
    else if (envelope.testCaseStarted) this.startAttempt(envelope.testCaseStarted);
    else if (envelope.testStepFinished) this.finishStep(envelope.testStepFinished);
    else if (envelope.attachment) this.attach(envelope.attachment);
    else if (envelope.testCaseFinished) this.finishAttempt(envelope.testCaseFinished);
    else if (envelope.testRunFinished) this.finished.push(envelope.testRunFinished);
    else if (envelope.parseError) {
      this.errors.push(`${envelope.parseError.source.uri ?? ''}: ${envelope.parseError.message}`);
    } else if (envelope.testRunHookFinished?.result.status === TestStepResultStatus.FAILED) {
      this.errors.push(envelope.testRunHookFinished.result.message ?? 'a BeforeAll/AfterAll hook failed');
    }
  }

  results(): RunResults {
    const startedAt = this.started.length > 0 ? Math.min(...this.started) : undefined;
    const finishedAt =
      this.finished.length > 0 ? Math.max(...this.finished.map((run) => toMillis(run.timestamp))) : undefined;
    const complete = this.started.length > 0 && this.finished.length === this.started.length;
    return {
      ...(startedAt === undefined ? {} : { startedAt: new Date(startedAt).toISOString() }),
      ...(finishedAt === undefined ? {} : { finishedAt: new Date(finishedAt).toISOString() }),
      ...(startedAt !== undefined && finishedAt !== undefined ? { durationMs: finishedAt - startedAt } : {}),
      ...(complete ? { success: this.finished.every((run) => run.success) } : {}),
      complete,
      runs: this.started.length,
      ...(this.meta ? { cucumberVersion: this.meta.implementation.version } : {}),
      scenarios: [...this.scenarios.values()],
      errors: [
        ...this.errors,
        ...this.finished.flatMap((run) => (run.exception?.message ? [run.exception.message] : [])),
        ...this.unfinished(),
      ],
      ...(this.browser ? { browser: this.browser } : {}),
      origins: [...this.origins].sort(),
    };
  }

  /** Scenarios that started and never finished: their worker crashed, or the run was stopped. */
  private unfinished(): string[] {
    return [...this.attempts.values()].map(
      ({ scenario }) =>
        `${scenarioKey(scenario)} "${scenario.name}" started but never finished (its worker crashed or the run was stopped)`,
    );
  }

  /** The features the stream carried, as the lint, the docs and traceability read them. */
  corpus(): Corpus {
    const features: ParsedFeature[] = [...this.documents].map(([uri, document]) => ({
      uri,
      document,
      pickles: this.pickles.get(uri) ?? [],
    }));
    return { features, problems: [] };
  }

  private indexDocument(document: messages.GherkinDocument): void {
    const feature = document.feature;
    if (!feature) return;
    // A feature seen before is a later shard of a merged run: its ids are new, so they are indexed
    // too, but the first copy of the document is the one the corpus keeps.
    if (document.uri && !this.documents.has(document.uri)) this.documents.set(document.uri, document);
    for (const { rule, scenario } of scenarioSites(document)) {
      const info = {
        feature: feature.name,
        language: feature.language,
        ...(rule?.name ? { rule: rule.name } : {}),
      };
      this.scenarioInfo.set(scenario.id, info);
    }
    for (const [id, line] of nodeLines(document)) this.lines.set(id, line);
    for (const step of stepsOf(document)) this.stepKeywords.set(step.id, step.keyword);
  }

  private addPickle(pickle: messages.Pickle): void {
    const info = this.scenarioInfo.get(pickle.astNodeIds[0] ?? '');
    const line = pickleLine(pickle, this.lines) ?? 0;
    for (const step of pickle.steps) {
      this.pickleSteps.set(step.id, {
        keyword: this.stepKeywords.get(step.astNodeIds[0] ?? '')?.trim() ?? '',
        text: step.text,
      });
    }
    const key = scenarioKey({ uri: pickle.uri, line });
    this.pickleKeys.set(pickle.id, key);
    if (this.scenarios.has(key)) return;
    this.pickles.set(pickle.uri, [...(this.pickles.get(pickle.uri) ?? []), pickle]);
    this.scenarios.set(key, {
      name: pickle.name,
      uri: pickle.uri,
      line,
      feature: info?.feature ?? '',
      ...(info?.rule ? { rule: info.rule } : {}),
      tags: pickle.tags.map((tag) => tag.name),
      language: info?.language ?? pickle.language,
      selected: false,
      status: 'UNKNOWN',
      attempts: 0,
      flaky: false,
      durationMs: 0,
      steps: pickle.steps.map((step) => ({
        keyword: this.pickleSteps.get(step.id)?.keyword ?? '',
        text: step.text,
        status: 'UNKNOWN',
      })),
      exchanges: [],
    });
  }

  private scenarioOf(pickleId: string): ScenarioResult | undefined {
    const key = this.pickleKeys.get(pickleId);
    return key ? this.scenarios.get(key) : undefined;
  }

  private addTestCase(testCase: messages.TestCase): void {
    this.testCases.set(testCase.id, testCase);
    const scenario = this.scenarioOf(testCase.pickleId);
    if (scenario) scenario.selected = true;
  }

  private startAttempt(started: messages.TestCaseStarted): void {
    const testCase = this.testCases.get(started.testCaseId);
    const scenario = testCase ? this.scenarioOf(testCase.pickleId) : undefined;
    if (!testCase || !scenario) return;
    scenario.attempts = started.attempt + 1;
    this.attempts.set(started.id, {
      scenario,
      testCase,
      statuses: [],
      steps: [],
      exchanges: [],
      startedAt: toMillis(started.timestamp),
    });
  }

  private finishStep(finished: messages.TestStepFinished): void {
    const attempt = this.attempts.get(finished.testCaseStartedId);
    if (!attempt) return;
    const status = finished.testStepResult.status as Status;
    attempt.statuses.push(status);
    const testStep = attempt.testCase.testSteps.find((step) => step.id === finished.testStepId);
    const pickleStep = testStep?.pickleStepId ? this.pickleSteps.get(testStep.pickleStepId) : undefined;
    if (pickleStep) attempt.steps.push({ ...pickleStep, status });
    if (status === 'FAILED' && attempt.error === undefined) {
      const where = pickleStep ? `${pickleStep.keyword} ${pickleStep.text}` : 'a hook';
      attempt.error = `${where}: ${finished.testStepResult.message ?? 'failed'}`;
    }
  }

  private attach(attachment: messages.Attachment): void {
    if (attachment.mediaType !== EXCHANGE_MEDIA_TYPE || !attachment.testCaseStartedId) return;
    const attempt = this.attempts.get(attachment.testCaseStartedId);
    if (!attempt) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(attachment.body);
    } catch {
      return;
    }
    if ((parsed as { kind?: unknown } | null)?.kind === BROWSER_KIND) {
      this.browser = String((parsed as { browser?: unknown }).browser);
      return;
    }
    if (!isExchangeAttachment(parsed)) return;
    const { exchange, assessment } = parsed;
    this.origins.add(new URL(exchange.request.url).origin);
    // A long run keeps every scenario's summaries: the words they repeat are kept once.
    const word = (value: string): string => this.words.get(value) ?? (this.words.set(value, value), value);
    const summary: ExchangeSummary = {
      source: exchange.source,
      method: word(exchange.request.method),
      path: new URL(exchange.request.url).pathname,
      status: exchange.response.status,
      ...(assessment.service ? { service: word(assessment.service) } : {}),
      ...(assessment.operationId ? { operationId: word(assessment.operationId) } : {}),
      ...(assessment.responseKey ? { responseKey: word(assessment.responseKey) } : {}),
      ...(assessment.mediaType ? { mediaType: word(assessment.mediaType) } : {}),
      validated: assessment.validated,
      undocumented: assessment.undocumented,
      violations: assessment.violations.length === 0 ? NO_VIOLATIONS : assessment.violations,
    };
    attempt.exchanges.push(summary);
    this.onExchange?.(attachment.testCaseStartedId, summary);
  }

  private finishAttempt(finished: messages.TestCaseFinished): void {
    const attempt = this.attempts.get(finished.testCaseStartedId);
    if (!attempt) return;
    this.attempts.delete(finished.testCaseStartedId);
    // The last attempt of a test case needs it, its steps and its pickle's key no more: memory
    // stays with the results.
    if (!finished.willBeRetried) this.forgetTestCase(attempt.testCase);
    const { scenario } = attempt;
    const status = mostSevere(attempt.statuses);
    const failedBefore = scenario.status === 'FAILED';
    scenario.status = status;
    scenario.flaky = status === 'PASSED' && (failedBefore || scenario.flaky);
    scenario.durationMs = toMillis(finished.timestamp) - attempt.startedAt;
    // Steps after a failure are reported as skipped by cucumber; any never reported stay skipped.
    scenario.steps = scenario.steps.map(
      (step, index) => attempt.steps[index] ?? { ...step, status: 'SKIPPED' },
    );
    if (attempt.error === undefined) delete scenario.error;
    else scenario.error = attempt.error;
    // Coverage counts what every attempt exchanged.
    scenario.exchanges.push(...attempt.exchanges);
  }

  private forgetTestCase(testCase: messages.TestCase): void {
    this.testCases.delete(testCase.id);
    this.pickleKeys.delete(testCase.pickleId);
    for (const step of testCase.testSteps) if (step.pickleStepId) this.pickleSteps.delete(step.pickleStepId);
  }
}
