import type * as messages from '@cucumber/messages';
import { TestStepResultStatus } from '@cucumber/messages';
import { UNREACHABLE } from '../service-watch';

/**
 * How a failure reads on the console (the progress formatters' "Failures:"): the headline, the
 * rest of the message (a diff, a list of contract violations), then the frames of the project's
 * own code — no frame of node, of a dependency or of the wrapper every step runs in. A service
 * that does not answer is one line: its frames say nothing the step line does not. The message
 * stream (`messages.ndjson`) keeps cucumber's full text, every frame included.
 */

/**
 * Frames of what every step and hook runs through (the step wrapper, the command that runs them):
 * in every stack, saying nothing.
 */
const PLUMBING = ['support/cucumber/redact-steps.ts', 'support/cli/'];

/** Error types whose name adds nothing to the message: the message says what failed. */
const SILENT_TYPES = new Set(['Error', 'AssertionError']);

/**
 * The harness's error classes that only mark a failure's kind (support/report/failure-kind.ts) go
 * by the name of the class they extend: the reports read as they did before they had classes.
 */
const GOES_BY: Readonly<Record<string, string>> = {
  BusinessRuleFailure: 'AssertionError',
  ScenarioDefect: 'Error',
  EnvironmentError: 'UsageError',
  ServiceStillDownError: 'Error',
};

/** The name an error of this class goes by (its class's, unless it only marks a kind). */
export function goesBy(type: string): string {
  return GOES_BY[type] ?? type;
}

const FRAME = /^\s*at\s/;

/** Attachments the console lists under a step: text a step wrote. Exchanges, screenshots, traces
 * and Allure's own runtime messages are in the Allure report and the message stream. */
const CONSOLE_MEDIA_TYPES = new Set(['text/plain']);

type Exception = Pick<messages.Exception, 'type' | 'message' | 'stackTrace'>;

/** Whether a frame (`at fn (./steps/api/lookup.steps.ts:55:14)`) is in the project's own code. */
export function isOwnFrame(frame: string): boolean {
  const line = frame.trim();
  const location = /\((.+)\)$/.exec(line)?.[1] ?? line.replace(/^at\s+(async\s+)?/, '');
  if (!/:\d+:\d+$/.test(location)) return false; // `<anonymous>`, `native`
  if (location.startsWith('node:') || /[\\/]node_modules[\\/]/.test(location)) return false;
  return !PLUMBING.some((file) => location.replaceAll('\\', '/').includes(file));
}

/** The frames of a stack trace that are in the project's own code, trimmed, in order. */
export function ownFrames(stackTrace: string): string[] {
  return stackTrace
    .split('\n')
    .filter((line) => FRAME.test(line) && isOwnFrame(line))
    .map((line) => line.trim());
}

const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The first line of a failure as people read it: the message, after the error's type only where
 * the type says something (`TypeError: …`), not `AssertionError [ERR_ASSERTION]: ` or `Error: `,
 * nor `ServiceUnreachable: service unreachable at …`.
 */
export function headline(errorClass: string, firstLine: string): string {
  const type = goesBy(errorClass);
  const kind = squash(type.replace(/Error$/, ''));
  if (SILENT_TYPES.has(type) || kind === '' || squash(firstLine).startsWith(kind)) return firstLine;
  return `${type}: ${firstLine}`;
}

/** The lines of the exception's message (the frames are in its stack trace, not here). */
function messageLines(exception: Exception): string[] {
  return (exception.message ?? '').replace(/\s+$/, '').split('\n');
}

/** What the console shows of a failed step's result (see the top of this file). */
export function failureText(result: Pick<messages.TestStepResult, 'message' | 'exception'>): string {
  const { exception } = result;
  if (!exception) {
    // A string thrown, an ambiguous step: cucumber's text, without frames of anything but the project.
    const lines = (result.message ?? '').split('\n');
    return lines.filter((line) => !FRAME.test(line) || isOwnFrame(line)).join('\n');
  }
  const [first = '', ...rest] = messageLines(exception);
  const title = headline(exception.type, first);
  if (UNREACHABLE.test(first)) return title;
  const frames = ownFrames(exception.stackTrace ?? result.message ?? '');
  return [title, ...rest, ...frames.map((frame) => `    ${frame}`)].join('\n');
}

/** The first line of a failure: what Allure takes as the entry's title in its categories. */
export function failureTitle(exception: Exception | undefined, message: string | undefined): string {
  if (!exception) return (message ?? '').split('\n')[0] ?? '';
  return headline(exception.type, messageLines(exception)[0] ?? '');
}

/** Whether the console lists an attachment under its step. */
export function showsOnConsole(attachment: Pick<messages.Attachment, 'mediaType'>): boolean {
  return CONSOLE_MEDIA_TYPES.has(attachment.mediaType);
}

/** What cucumber's formatters read of a test case attempt (`formatterHelpers.ITestCaseAttempt`). */
interface AttemptLike {
  readonly stepResults: Record<string, messages.TestStepResult>;
  readonly stepAttachments: Record<string, messages.Attachment[]>;
}

const mapValues = <V>(record: Record<string, V>, map: (value: V) => V): Record<string, V> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));

/** The attempt as the console shows it: failures as `failureText`, attachments as `showsOnConsole`. */
export function consoleAttempt<T extends AttemptLike>(attempt: T): T {
  return {
    ...attempt,
    stepResults: mapValues(attempt.stepResults, (result) =>
      result.status === TestStepResultStatus.FAILED ? { ...result, message: failureText(result) } : result,
    ),
    stepAttachments: mapValues(attempt.stepAttachments, (list) => list.filter(showsOnConsole)),
  };
}

interface CollectorLike<T> {
  getTestCaseAttempt(testCaseStartedId: string): T;
  getTestCaseAttempts(): T[];
}

/**
 * A formatter's own view of cucumber's event data collector, every attempt as `consoleAttempt`:
 * the collector, shared with the other formatters, is left as it is.
 */
export function consoleView<T extends AttemptLike, C extends CollectorLike<T>>(collector: C): C {
  const view = Object.create(collector) as C;
  view.getTestCaseAttempt = (id: string): T => consoleAttempt(collector.getTestCaseAttempt(id));
  view.getTestCaseAttempts = (): T[] =>
    collector.getTestCaseAttempts().map((attempt) => consoleAttempt(attempt));
  return view;
}
