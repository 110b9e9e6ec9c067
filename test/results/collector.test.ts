import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type * as messages from '@cucumber/messages';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator, TestStepResultStatus } from '@cucumber/messages';
import { BROWSER_KIND, EXCHANGE_MEDIA_TYPE, type ExchangeRecord } from '../../support/http/exchange';
import { exchangeAttachment } from '../../support/report/exchange-attachment';
import { abnormalEndLine, flushInterruptedRun, onInterrupt } from '../../support/results/interruption';
import { UnusableResultsError, readRun } from '../../support/results/read-run';
import { RunCollector, type ScenarioResult } from '../../support/results/run-model';
import { exchange } from '../helpers/exchanges';
import { tempDir } from '../helpers/temp';

/**
 * The results collector on message envelopes (features parsed by cucumber's own Gherkin parser), as the results plugin feeds it during a
 * run: statuses, retries, steps, scenarios not run, incomplete runs, exchanges and errors.
 */

const URI = 'features/lookup/look-up.feature';
const at = (seconds: number): messages.Timestamp => ({ seconds, nanos: 0 });

interface StepDraft {
  readonly keyword: string;
  readonly text: string;
}

interface ScenarioDraft {
  readonly name: string;
  readonly line: number;
  readonly tags?: readonly string[];
  readonly steps: readonly StepDraft[];
}

/** A feature file parsed as cucumber parses it: its document and one pickle per scenario. */
function parsedFeature(text: string, uri = URI): { document: messages.Envelope; pickles: messages.Pickle[] } {
  const newId = IdGenerator.uuid();
  const gherkinDocument = {
    ...new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(text),
    uri,
  };
  return { document: { gherkinDocument }, pickles: [...compile(gherkinDocument, uri, newId)] };
}

/** The feature file of the drafts: each scenario at its line, its tags on the line above. */
function feature(
  scenarios: readonly ScenarioDraft[],
  options: { uri?: string; rule?: string } = {},
): { document: messages.Envelope; pickles: messages.Pickle[] } {
  const lines = ['Feature: Look up a number', ...(options.rule ? [`  Rule: ${options.rule}`] : [])];
  for (const scenario of scenarios) {
    const tags = scenario.tags ?? [];
    while (lines.length < scenario.line - (tags.length > 0 ? 2 : 1)) lines.push('');
    if (tags.length > 0) lines.push(`    ${tags.join(' ')}`);
    lines.push(
      `    Scenario: ${scenario.name}`,
      ...scenario.steps.map((step) => `      ${step.keyword} ${step.text}`),
    );
  }
  return parsedFeature(`${lines.join('\n')}\n`, options.uri);
}

/** Cucumber's test case for a pickle: a Before hook, then one test step per pickle step. */
function testCaseOf(pickle: messages.Pickle, id = `case-${pickle.id}`): messages.TestCase {
  return {
    id,
    pickleId: pickle.id,
    testSteps: [
      { id: `${id}-hook`, hookId: 'before-hook' },
      ...pickle.steps.map((step, index) => ({
        id: `${id}-step-${index}`,
        pickleStepId: step.id,
        stepDefinitionIds: [],
        stepMatchArgumentsLists: [],
      })),
    ],
  };
}

type StepOutcome = TestStepResultStatus | { status: TestStepResultStatus; message: string };

/** The envelopes of one attempt at a test case: started, each step's result (hook first), finished. */
function attempt(
  testCase: messages.TestCase,
  options: {
    id: string;
    attempt?: number;
    start?: number;
    end?: number;
    hook?: StepOutcome;
    steps: readonly StepOutcome[];
    willBeRetried?: boolean;
    finished?: boolean;
  },
): messages.Envelope[] {
  const outcomes = [options.hook ?? TestStepResultStatus.PASSED, ...options.steps];
  const envelopes: messages.Envelope[] = [
    {
      testCaseStarted: {
        id: options.id,
        testCaseId: testCase.id,
        attempt: options.attempt ?? 0,
        timestamp: at(options.start ?? 10),
      },
    },
    ...outcomes.map((outcome, index): messages.Envelope => ({
      testStepFinished: {
        testCaseStartedId: options.id,
        testStepId: testCase.testSteps[index]!.id,
        testStepResult: {
          duration: at(0),
          ...(typeof outcome === 'string' ? { status: outcome } : outcome),
        },
        timestamp: at(options.end ?? 11),
      },
    })),
  ];
  if (options.finished !== false) {
    envelopes.push({
      testCaseFinished: {
        testCaseStartedId: options.id,
        timestamp: at(options.end ?? 11),
        willBeRetried: options.willBeRetried ?? false,
      },
    });
  }
  return envelopes;
}

const META: messages.Envelope = {
  meta: {
    protocolVersion: '27.0.0',
    implementation: { name: 'cucumber-js', version: '12.1.0' },
    runtime: { name: 'node.js' },
    os: { name: 'linux' },
    cpu: { name: 'x64' },
  },
};
const RUN_STARTED: messages.Envelope = { testRunStarted: { timestamp: at(5) } };
const runFinished = (success: boolean, seconds = 20): messages.Envelope => ({
  testRunFinished: { success, timestamp: at(seconds) },
});

function collect(
  envelopes: readonly messages.Envelope[],
  onExchange?: ConstructorParameters<typeof RunCollector>[0],
): RunCollector {
  const collector = new RunCollector(onExchange);
  for (const envelope of envelopes) collector.update(envelope);
  return collector;
}

function scenarioAt(collector: RunCollector, line: number, uri = URI): ScenarioResult {
  const found = collector.results().scenarios.find((each) => each.uri === uri && each.line === line);
  assert.ok(found, `no scenario at ${uri}:${line}`);
  return found;
}

const LOOK_UP: ScenarioDraft = {
  name: 'A known spam number is flagged',
  line: 4,
  tags: ['@REQ-101', '@api'],
  steps: [
    { keyword: 'Given', text: 'a number reported as spam' },
    { keyword: 'When', text: 'Alice looks it up' },
    { keyword: 'Then', text: 'it is flagged' },
  ],
};
const UNKNOWN: ScenarioDraft = {
  name: 'An unknown number is not flagged',
  line: 10,
  steps: [
    { keyword: 'When', text: 'Alice looks up an unknown number' },
    { keyword: 'Then', text: 'it is not flagged' },
  ],
};

/** The envelopes of a run of the two scenarios up to (not including) their attempts. */
function runOf(drafts: readonly ScenarioDraft[] = [LOOK_UP, UNKNOWN], options: { rule?: string } = {}) {
  const { document, pickles } = feature(drafts, options);
  const cases = pickles.map((pickle) => testCaseOf(pickle));
  const opening: messages.Envelope[] = [
    META,
    {
      source: { uri: URI, data: '', mediaType: 'text/x.cucumber.gherkin+plain' as messages.SourceMediaType },
    },
    document,
    ...pickles.map((pickle) => ({ pickle })),
    RUN_STARTED,
    ...cases.map((testCase) => ({ testCase })),
  ];
  return { pickles, cases, opening };
}

/** An exchange attachment as the World attaches it to the attempt `testCaseStartedId`. */
function exchangeEnvelope(testCaseStartedId: string, record: ExchangeRecord): messages.Envelope {
  return {
    attachment: {
      testCaseStartedId,
      body: JSON.stringify(exchangeAttachment(record)),
      mediaType: EXCHANGE_MEDIA_TYPE,
      contentEncoding: 'IDENTITY' as messages.AttachmentContentEncoding,
    },
  };
}

describe('the results collector', () => {
  it('records a passing scenario: its place, feature, rule, tags, steps with keywords, duration', () => {
    const { cases, opening } = runOf([LOOK_UP], { rule: 'Spam is flagged' });
    const collector = collect([
      ...opening,
      ...attempt(cases[0]!, {
        id: 'a1',
        start: 10,
        end: 12,
        steps: Array(3).fill(TestStepResultStatus.PASSED),
      }),
      runFinished(true),
    ]);
    const results = collector.results();
    assert.equal(results.complete, true);
    assert.equal(results.success, true);
    assert.equal(results.runs, 1);
    assert.equal(results.cucumberVersion, '12.1.0');
    assert.equal(results.startedAt, '1970-01-01T00:00:05.000Z');
    assert.equal(results.finishedAt, '1970-01-01T00:00:20.000Z');
    assert.equal(results.durationMs, 15_000);
    assert.deepEqual(results.errors, []);
    const scenario = scenarioAt(collector, 4);
    assert.equal(scenario.name, 'A known spam number is flagged');
    assert.equal(scenario.feature, 'Look up a number');
    assert.equal(scenario.rule, 'Spam is flagged');
    assert.deepEqual(scenario.tags, ['@REQ-101', '@api']);
    assert.equal(scenario.selected, true);
    assert.equal(scenario.status, 'PASSED');
    assert.equal(scenario.attempts, 1);
    assert.equal(scenario.flaky, false);
    assert.equal(scenario.durationMs, 2_000);
    assert.equal(scenario.error, undefined);
    assert.deepEqual(scenario.steps, [
      { keyword: 'Given', text: 'a number reported as spam', status: 'PASSED' },
      { keyword: 'When', text: 'Alice looks it up', status: 'PASSED' },
      { keyword: 'Then', text: 'it is flagged', status: 'PASSED' },
    ]);
  });

  it('fails a scenario with the failing step named in its error; the steps after it are skipped', () => {
    const { cases, opening } = runOf([LOOK_UP]);
    const collector = collect([
      ...opening,
      ...attempt(cases[0]!, {
        id: 'a1',
        steps: [
          TestStepResultStatus.PASSED,
          { status: TestStepResultStatus.FAILED, message: 'expected 200, actual 503\n  at step.ts:3' },
        ],
      }),
      runFinished(false),
    ]);
    const scenario = scenarioAt(collector, 4);
    assert.equal(scenario.status, 'FAILED');
    assert.equal(scenario.error, 'When Alice looks it up: expected 200, actual 503\n  at step.ts:3');
    assert.deepEqual(
      scenario.steps.map((step) => step.status),
      ['PASSED', 'FAILED', 'SKIPPED'],
    );
    assert.equal(collector.results().success, false);
  });

  it('keeps the first failure of an attempt, and names a hook when a hook failed', () => {
    const { cases, opening } = runOf([LOOK_UP]);
    const collector = collect([
      ...opening,
      ...attempt(cases[0]!, {
        id: 'a1',
        hook: { status: TestStepResultStatus.FAILED, message: 'the service is gone' },
        steps: [
          { status: TestStepResultStatus.FAILED, message: 'second failure' },
          TestStepResultStatus.SKIPPED,
          TestStepResultStatus.SKIPPED,
        ],
      }),
      runFinished(false),
    ]);
    assert.equal(scenarioAt(collector, 4).error, 'a hook: the service is gone');
  });

  it('gives a scenario its most severe step status: undefined over pending over skipped', () => {
    const drafts: ScenarioDraft[] = [
      { ...LOOK_UP, line: 4 },
      { ...LOOK_UP, name: 'pending', line: 20 },
      { ...LOOK_UP, name: 'skipped', line: 30 },
    ];
    const { cases, opening } = runOf(drafts);
    const { PASSED, PENDING, SKIPPED, UNDEFINED } = TestStepResultStatus;
    const collector = collect([
      ...opening,
      ...attempt(cases[0]!, { id: 'a1', steps: [PASSED, PENDING, UNDEFINED] }),
      ...attempt(cases[1]!, { id: 'a2', steps: [PASSED, PENDING, SKIPPED] }),
      ...attempt(cases[2]!, { id: 'a3', steps: [SKIPPED, SKIPPED, SKIPPED] }),
      runFinished(false),
    ]);
    assert.equal(scenarioAt(collector, 4).status, 'UNDEFINED');
    assert.deepEqual(
      scenarioAt(collector, 4).steps.map((step) => step.status),
      ['PASSED', 'PENDING', 'UNDEFINED'],
    );
    assert.equal(scenarioAt(collector, 20).status, 'PENDING');
    assert.equal(scenarioAt(collector, 30).status, 'SKIPPED');
    for (const line of [4, 20, 30]) assert.equal(scenarioAt(collector, line).error, undefined);
  });

  it('marks a scenario that failed and then passed on a retry as flaky, without its old error', () => {
    const { cases, opening } = runOf([LOOK_UP]);
    const { PASSED, FAILED } = TestStepResultStatus;
    const collector = collect([
      ...opening,
      ...attempt(cases[0]!, {
        id: 'a1',
        steps: [PASSED, { status: FAILED, message: 'timed out' }, TestStepResultStatus.SKIPPED],
        willBeRetried: true,
        start: 10,
        end: 13,
      }),
      ...attempt(cases[0]!, { id: 'a2', attempt: 1, steps: [PASSED, PASSED, PASSED], start: 14, end: 15 }),
      runFinished(true),
    ]);
    const scenario = scenarioAt(collector, 4);
    assert.equal(scenario.status, 'PASSED');
    assert.equal(scenario.flaky, true);
    assert.equal(scenario.attempts, 2);
    assert.equal(scenario.error, undefined);
    assert.equal(scenario.durationMs, 1_000, 'the duration of the last attempt');
    assert.deepEqual(
      scenario.steps.map((step) => step.status),
      ['PASSED', 'PASSED', 'PASSED'],
    );
  });

  it('a scenario that fails every attempt is failed, not flaky; one that passes first time is not flaky', () => {
    const { cases, opening } = runOf();
    const { PASSED, FAILED } = TestStepResultStatus;
    const failing = { status: FAILED, message: 'still broken' };
    const collector = collect([
      ...opening,
      ...attempt(cases[0]!, { id: 'a1', steps: [failing], willBeRetried: true }),
      ...attempt(cases[0]!, { id: 'a2', attempt: 1, steps: [failing] }),
      ...attempt(cases[1]!, { id: 'b1', steps: [PASSED, PASSED] }),
      runFinished(false),
    ]);
    const failed = scenarioAt(collector, 4);
    assert.deepEqual([failed.status, failed.flaky, failed.attempts], ['FAILED', false, 2]);
    assert.equal(failed.error, 'Given a number reported as spam: still broken');
    const passed = scenarioAt(collector, 10);
    assert.deepEqual([passed.status, passed.flaky, passed.attempts], ['PASSED', false, 1]);
  });

  it('keeps every scenario of the features: not selected, or selected but never started, as not run', () => {
    const { pickles, opening } = runOf();
    // Only the first scenario was selected (it has a test case), and it never started.
    const withoutSecondCase = opening.filter((envelope) => envelope.testCase?.pickleId !== pickles[1]!.id);
    const results = collect([...withoutSecondCase, runFinished(true)]).results();
    const [selected, unselected] = results.scenarios;
    assert.deepEqual(
      [selected?.line, selected?.selected, selected?.status, selected?.attempts],
      [4, true, 'UNKNOWN', 0],
    );
    assert.deepEqual(
      [unselected?.line, unselected?.selected, unselected?.status, unselected?.attempts],
      [10, false, 'UNKNOWN', 0],
    );
    assert.deepEqual(
      unselected?.steps.map((step) => `${step.keyword} ${step.text}: ${step.status}`),
      ['When Alice looks up an unknown number: UNKNOWN', 'Then it is not flagged: UNKNOWN'],
    );
  });

  it('marks a run without testRunFinished incomplete, and names the scenario that never finished', () => {
    const { cases, opening } = runOf();
    const { PASSED } = TestStepResultStatus;
    const results = collect([
      ...opening,
      ...attempt(cases[0]!, { id: 'a1', steps: [PASSED, PASSED, PASSED] }),
      ...attempt(cases[1]!, { id: 'b1', steps: [PASSED], finished: false }),
    ]).results();
    assert.equal(results.complete, false);
    assert.equal('success' in results, false, 'an unfinished run has no success to report');
    assert.equal(results.finishedAt, undefined);
    assert.equal(results.durationMs, undefined);
    assert.deepEqual(results.errors, [
      `${URI}:10 "An unknown number is not flagged" started but never finished (its worker crashed or the run was stopped)`,
    ]);
    assert.equal(results.scenarios[0]?.status, 'PASSED');
    assert.equal(results.scenarios[1]?.status, 'UNKNOWN', 'an unfinished attempt gives no status');
  });

  it('a run with no testRunStarted is not complete either', () => {
    assert.equal(collect([META]).results().complete, false);
    assert.equal(collect([runFinished(true)]).results().complete, false);
  });

  it('attaches each exchange to the scenario whose attempt made it, even when attempts interleave', () => {
    const { cases, opening } = runOf();
    const { PASSED } = TestStepResultStatus;
    const [first, second] = [cases[0]!, cases[1]!];
    const lookUp: ExchangeRecord = {
      exchange: exchange({ path: '/items/1?verbose=true', body: { id: 1 } }),
      assessment: {
        service: 'library',
        operationId: 'getItem',
        responseKey: '200',
        mediaType: 'application/json',
        validated: true,
        undocumented: false,
        violations: [],
      },
    };
    const teapot: ExchangeRecord = {
      exchange: { ...exchange({ method: 'POST', path: '/teapot', status: 418 }), source: 'browser' },
      assessment: { validated: false, undocumented: true, violations: ['status 418 is not documented'] },
    };
    const started = (id: string, testCase: messages.TestCase) => attempt(testCase, { id, steps: [] })[0]!;
    const step = (id: string, testCase: messages.TestCase, index: number): messages.Envelope => ({
      testStepFinished: {
        testCaseStartedId: id,
        testStepId: testCase.testSteps[index]!.id,
        testStepResult: { duration: at(0), status: PASSED },
        timestamp: at(11),
      },
    });
    const finished = (id: string): messages.Envelope => ({
      testCaseFinished: { testCaseStartedId: id, timestamp: at(11), willBeRetried: false },
    });
    const told: [string, string | undefined][] = [];
    const collector = collect(
      [
        ...opening,
        started('a1', first),
        started('b1', second),
        step('b1', second, 0),
        exchangeEnvelope('b1', teapot),
        step('a1', first, 0),
        exchangeEnvelope('a1', lookUp),
        exchangeEnvelope('a1', lookUp),
        finished('a1'),
        finished('b1'),
        runFinished(true),
      ],
      (attempt, summary) => told.push([attempt, summary.operationId]),
    );
    // Each record told as it is read, with its attempt (the reporting thread's Allure labels).
    assert.deepEqual(told, [
      ['b1', undefined],
      ['a1', 'getItem'],
      ['a1', 'getItem'],
    ]);
    // The request line from the exchange, the verdict as the contract check gave it.
    assert.deepEqual(scenarioAt(collector, 4).exchanges, [
      { source: 'api', method: 'GET', path: '/v2/items/1', status: 200, ...lookUp.assessment },
      scenarioAt(collector, 4).exchanges[0],
    ]);
    assert.deepEqual(scenarioAt(collector, 10).exchanges, [
      {
        source: 'browser',
        method: 'POST',
        path: '/v2/teapot',
        status: 418,
        validated: false,
        undocumented: true,
        violations: ['status 418 is not documented'],
      },
    ]);
    assert.deepEqual(collector.results().origins, ['http://library.test']);
  });

  it('counts the exchanges of every attempt of a retried scenario', () => {
    const { cases, opening } = runOf([LOOK_UP]);
    const record: ExchangeRecord = {
      exchange: exchange({ path: '/items/1' }),
      assessment: { validated: false, undocumented: false, violations: [] },
    };
    const { PASSED, FAILED } = TestStepResultStatus;
    const [firstStarted, ...firstRest] = attempt(cases[0]!, {
      id: 'a1',
      steps: [FAILED],
      willBeRetried: true,
    });
    const [secondStarted, ...secondRest] = attempt(cases[0]!, { id: 'a2', attempt: 1, steps: [PASSED] });
    const collector = collect([
      ...opening,
      firstStarted!,
      exchangeEnvelope('a1', record),
      ...firstRest,
      secondStarted!,
      exchangeEnvelope('a2', record),
      ...secondRest,
      runFinished(true),
    ]);
    assert.equal(scenarioAt(collector, 4).exchanges.length, 2);
  });

  it('ignores attachments that are not exchanges, and notes the browser a UI scenario ran in', () => {
    const { cases, opening } = runOf([LOOK_UP]);
    const [started, ...rest] = attempt(cases[0]!, { id: 'a1', steps: [TestStepResultStatus.PASSED] });
    const attachment = (body: string, mediaType = EXCHANGE_MEDIA_TYPE): messages.Envelope => ({
      attachment: {
        testCaseStartedId: 'a1',
        body,
        mediaType,
        contentEncoding: 'IDENTITY' as messages.AttachmentContentEncoding,
      },
    });
    const collector = collect([
      ...opening,
      started!,
      attachment('{"kind":"http-exchange"'),
      attachment('{"labels":[]}'),
      attachment('null'),
      attachment('a log line', 'text/plain'),
      attachment(JSON.stringify({ kind: BROWSER_KIND, browser: 'chromium 140.0' })),
      ...rest,
      runFinished(true),
    ]);
    assert.deepEqual(scenarioAt(collector, 4).exchanges, []);
    assert.equal(collector.results().browser, 'chromium 140.0');
    assert.deepEqual(collector.results().origins, []);
  });

  it('collects errors outside scenarios: parse errors, failed BeforeAll hooks, the run’s exception', () => {
    const results = collect([
      RUN_STARTED,
      {
        parseError: {
          source: { uri: 'features/broken.feature' },
          message: '(3:1): expected: #Step, got: Blah',
        },
      },
      {
        testRunHookFinished: {
          testRunHookStartedId: 'h1',
          result: { duration: at(0), status: TestStepResultStatus.FAILED },
          timestamp: at(6),
        },
      },
      {
        testRunHookFinished: {
          testRunHookStartedId: 'h2',
          result: { duration: at(0), status: TestStepResultStatus.FAILED, message: 'no browser' },
          timestamp: at(6),
        },
      },
      {
        testRunHookFinished: {
          testRunHookStartedId: 'h3',
          result: { duration: at(0), status: TestStepResultStatus.PASSED },
          timestamp: at(6),
        },
      },
      {
        testRunFinished: { success: false, timestamp: at(7), exception: { type: 'Error', message: 'boom' } },
      },
    ]).results();
    assert.deepEqual(results.errors, [
      'features/broken.feature: (3:1): expected: #Step, got: Blah',
      'a BeforeAll/AfterAll hook failed',
      'no browser',
      'boom',
    ]);
    assert.equal(results.complete, true);
    assert.equal(results.success, false);
  });

  it('keys an outline’s examples by their row, each its own scenario', () => {
    const uri = 'features/lookup/outline.feature';
    const { document, pickles } = parsedFeature(
      [
        'Feature: Outlines',
        '',
        '  Scenario Outline: Looking up <number>',
        '    When I look up <number>',
        '    Examples:',
        '      | number |',
        '      | 7      |',
        '      | 8      |',
        '',
      ].join('\n'),
      uri,
    );
    const results = collect([document, ...pickles.map((pickle) => ({ pickle }))]).results();
    assert.deepEqual(
      results.scenarios.map((each) => `${each.uri}:${each.line} ${each.name} [${each.steps[0]?.keyword}]`),
      [`${uri}:7 Looking up 7 [When]`, `${uri}:8 Looking up 8 [When]`],
    );
  });

  it('names background steps by their keyword, and fails a scenario whose After hook failed', () => {
    const { document, pickles } = parsedFeature(
      [
        'Feature: Look up a number',
        '',
        '  Background:',
        '    Given the service is up',
        '',
        '',
        '',
        '',
        '',
        '  Scenario: An unknown number is not flagged',
        '    When Alice looks up an unknown number',
        '    Then it is not flagged',
        '',
      ].join('\n'),
    );
    const pickle = pickles[0]!;
    const testCase: messages.TestCase = {
      id: 'case',
      pickleId: pickle.id,
      testSteps: [
        ...pickle.steps.map((step, index) => ({
          id: `case-step-${index}`,
          pickleStepId: step.id,
          stepDefinitionIds: [],
          stepMatchArgumentsLists: [],
        })),
        { id: 'case-after', hookId: 'after-hook' },
      ],
    };
    const { PASSED, FAILED } = TestStepResultStatus;
    const step = (testStepId: string, status: TestStepResultStatus, message?: string): messages.Envelope => ({
      testStepFinished: {
        testCaseStartedId: 'a1',
        testStepId,
        testStepResult: { duration: at(0), status, ...(message ? { message } : {}) },
        timestamp: at(11),
      },
    });
    const collector = collect([
      document,
      { pickle },
      RUN_STARTED,
      { testCase },
      { testCaseStarted: { id: 'a1', testCaseId: 'case', attempt: 0, timestamp: at(10) } },
      step('case-step-0', PASSED),
      step('case-step-1', PASSED),
      step('case-step-2', PASSED),
      step('case-after', FAILED),
      { testCaseFinished: { testCaseStartedId: 'a1', timestamp: at(11), willBeRetried: false } },
      runFinished(false),
    ]);
    const scenario = scenarioAt(collector, 10);
    assert.deepEqual(
      scenario.steps.map((each) => `${each.keyword} ${each.text}: ${each.status}`),
      [
        'Given the service is up: PASSED',
        'When Alice looks up an unknown number: PASSED',
        'Then it is not flagged: PASSED',
      ],
    );
    assert.equal(scenario.status, 'FAILED');
    assert.equal(scenario.error, 'a hook: failed', 'a failure without a message still says where');
  });

  it('makes one run of several shards’ streams: complete only when every run that started finished', () => {
    const { cases, opening } = runOf();
    const { PASSED } = TestStepResultStatus;
    // Each shard's stream carries every pickle (ids of its own) but runs only its own scenarios.
    const shard2 = runOf();
    const renamed = shard2.opening.map(
      (envelope) => JSON.parse(JSON.stringify(envelope).replace(/case-/g, 'case2-')) as messages.Envelope,
    );
    const collector = collect([
      ...opening.filter((envelope) => envelope.testCase?.id !== cases[1]!.id),
      ...attempt(cases[0]!, { id: 'a1', steps: [PASSED, PASSED, PASSED] }),
      runFinished(true, 20),
      ...renamed.filter(
        (envelope) => !envelope.testCase || envelope.testCase.pickleId === shard2.pickles[1]!.id,
      ),
    ]);
    const partial = collector.results();
    assert.equal(partial.runs, 2);
    assert.equal(partial.complete, false, 'the second shard has not finished');
    assert.equal(partial.scenarios.length, 2, 'the same scenarios seen twice are kept once');
    assert.equal(partial.scenarios[1]?.selected, true, 'the second shard selected it');
    const secondCase = renamed.find(
      (envelope) => envelope.testCase?.pickleId === shard2.pickles[1]!.id,
    )!.testCase!;
    for (const envelope of [
      ...attempt(secondCase, { id: 'b1', steps: [PASSED, PASSED] }),
      runFinished(true, 30),
    ])
      collector.update(envelope);
    const merged = collector.results();
    assert.equal(merged.complete, true);
    assert.equal(merged.success, true);
    assert.equal(merged.finishedAt, '1970-01-01T00:00:30.000Z', 'the last run to finish');
    assert.deepEqual(
      merged.scenarios.map((each) => `${each.line} ${each.status}`),
      ['4 PASSED', '10 PASSED'],
    );
  });

  it('gives the features it read as a corpus: one document per file, its pickles', () => {
    const { opening } = runOf();
    const corpus = collect([...opening, ...runOf().opening]).corpus();
    assert.equal(corpus.features.length, 1);
    assert.equal(corpus.features[0]?.uri, URI);
    assert.deepEqual(
      corpus.features[0]?.pickles.map((pickle) => pickle.name),
      [LOOK_UP.name, UNKNOWN.name],
    );
  });
});

describe('reading a run’s message stream (readRun)', () => {
  const write = (lines: readonly string[]): string => {
    const file = path.join(tempDir('sbe-collector-'), 'messages.ndjson');
    fs.writeFileSync(file, lines.join('\n'));
    return file;
  };
  const { cases, opening } = runOf([LOOK_UP]);
  const stream = [...opening, ...attempt(cases[0]!, { id: 'a1', steps: [TestStepResultStatus.PASSED] })].map(
    (envelope) => JSON.stringify(envelope),
  );

  it('reads a finished run into the same results as the live collector', async () => {
    const lines = [...stream, JSON.stringify(runFinished(true))];
    const collector = await readRun([write(lines)]);
    assert.deepEqual(
      collector.results(),
      collect(lines.map((line) => JSON.parse(line) as messages.Envelope)).results(),
    );
    assert.equal(collector.results().complete, true);
  });

  it('refuses a run that never finished, a cut-off last line, a corrupt line and a missing file', async () => {
    await assert.rejects(readRun([write(stream)]), (error: Error) => {
      assert.ok(error instanceof UnusableResultsError);
      assert.match(
        error.message,
        /messages\.ndjson: the run never finished \(interrupted or killed\): its results are incomplete$/,
      );
      return true;
    });
    await assert.rejects(
      readRun([write([...stream, '{"testRunFinished":{"succ'])]),
      /messages\.ndjson:\d+: the last message is cut off: the run was interrupted while writing$/,
    );
    await assert.rejects(
      readRun([write(['not json', ...stream])]),
      /messages\.ndjson:1: not a cucumber message: the file is corrupt$/,
    );
    await assert.rejects(readRun([write([])]), /no run in it: the file is empty or not a message stream$/);
    await assert.rejects(
      readRun([path.join(tempDir(), 'missing.ndjson')]),
      /missing\.ndjson: no results: run the features first \(npm run spec\)$/,
    );
  });
});

describe('an interrupted run', () => {
  it('flushes every registered collector, one failing not stopping the others; forgotten ones are not flushed', () => {
    const flushed: string[] = [];
    const forgetFirst = onInterrupt(() => flushed.push('first'));
    const forgetFailing = onInterrupt(() => {
      throw new Error('disk full');
    });
    const forgetLast = onInterrupt(() => flushed.push('last'));
    try {
      assert.deepEqual(flushInterruptedRun(), ['disk full']);
      assert.deepEqual(flushed, ['first', 'last']);
      forgetFirst();
      forgetFailing();
      assert.deepEqual(flushInterruptedRun(), []);
      assert.deepEqual(flushed, ['first', 'last', 'last']);
    } finally {
      forgetFirst();
      forgetFailing();
      forgetLast();
    }
  });

  it('names the scenarios a dead worker left unfinished, from the results written so far', () => {
    const { cases, opening } = runOf([LOOK_UP]);
    const results = collect([
      ...opening,
      ...attempt(cases[0]!, { id: 'a1', steps: [], finished: false }),
    ]).results();
    const file = path.join(tempDir('sbe-collector-'), 'results.json');
    fs.writeFileSync(file, JSON.stringify(results));
    assert.equal(
      abnormalEndLine(file, new TypeError('x')),
      `a worker died during the run: ${URI}:4 "A known spam number is flagged" started but never finished (its worker crashed or the run was stopped)`,
    );
    assert.equal(
      abnormalEndLine(
        path.join(tempDir(), 'none.json'),
        new TypeError('Cannot read properties of undefined'),
      ),
      'the run ended abnormally (did a worker die?): TypeError: Cannot read properties of undefined',
    );
  });
});
