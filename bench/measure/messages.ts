import fs from 'node:fs';
import { TestStepResultStatus, TimeConversion, type Envelope } from '@cucumber/messages';

/** What the benchmark reads from a cucumber message stream (messages.ndjson). */
export interface RunTimings {
  /** Epoch ms of the first testCaseStarted. */
  readonly firstScenarioAtMs: number;
  /** testRunStarted → testRunFinished. */
  readonly runMs: number;
  /**
   * Each scenario's duration: the sum of its steps' and hooks' durations. Cucumber measures those
   * to the microsecond; its testCaseStarted/Finished timestamps only to the millisecond.
   */
  readonly scenarioMs: readonly number[];
  /** First testCaseStarted → last testCaseFinished: the scenarios and everything between them. */
  readonly scenariosSpanMs: number;
}

const { durationToMilliseconds, timestampToMillisecondsSinceEpoch: epochMs } = TimeConversion;

/**
 * Timings of a finished run. Throws when a step did not pass or the run did not finish: the
 * figures of a broken run measure the wrong thing.
 */
export function readRunTimings(file: string, expectedScenarios: number): RunTimings {
  const durations = new Map<string, number>();
  const scenarioMs: number[] = [];
  const failed: string[] = [];
  let runStarted: number | undefined;
  let runFinished: number | undefined;
  let firstScenario = Infinity;
  let lastScenario = -Infinity;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const envelope = JSON.parse(line) as Envelope;
    if (envelope.testRunStarted) runStarted = epochMs(envelope.testRunStarted.timestamp);
    else if (envelope.testRunFinished) runFinished = epochMs(envelope.testRunFinished.timestamp);
    else if (envelope.testCaseStarted) {
      durations.set(envelope.testCaseStarted.id, 0);
      firstScenario = Math.min(firstScenario, epochMs(envelope.testCaseStarted.timestamp));
    } else if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepResult } = envelope.testStepFinished;
      if (testStepResult.status !== TestStepResultStatus.PASSED) {
        failed.push(`${testStepResult.status}: ${testStepResult.message?.split('\n')[0] ?? ''}`);
      }
      durations.set(
        testCaseStartedId,
        (durations.get(testCaseStartedId) ?? 0) + durationToMilliseconds(testStepResult.duration),
      );
    } else if (envelope.testCaseFinished) {
      scenarioMs.push(durations.get(envelope.testCaseFinished.testCaseStartedId) ?? 0);
      lastScenario = Math.max(lastScenario, epochMs(envelope.testCaseFinished.timestamp));
    }
  }
  if (runStarted === undefined || runFinished === undefined)
    throw new Error(`${file}: the run did not finish`);
  if (failed.length > 0)
    throw new Error(`${file}: ${failed.length} step(s) did not pass, first: ${failed[0]}`);
  if (scenarioMs.length !== expectedScenarios) {
    throw new Error(`${file}: ${scenarioMs.length} scenarios ran, expected ${expectedScenarios}`);
  }
  return {
    firstScenarioAtMs: firstScenario,
    runMs: runFinished - runStarted,
    scenarioMs,
    scenariosSpanMs: lastScenario - firstScenario,
  };
}
