import type { Envelope } from '@cucumber/messages';
import type { AllureInit, HookName } from '../report/allure-on-thread';
import { reportingThread, type ReportingThread } from './reporting-thread';

/** What of cucumber's formatter options the Allure formatter reads. */
export interface AllureFormatterOptions {
  readonly parsedArgvOptions: Readonly<Record<string, unknown>>;
  readonly eventBroadcaster: { on(event: 'envelope', listener: (envelope: Envelope) => void): unknown };
  readonly supportCodeLibrary: {
    readonly beforeTestCaseHookDefinitions: readonly HookName[];
    readonly afterTestCaseHookDefinitions: readonly HookName[];
    readonly beforeTestRunHookDefinitions: readonly RunHook[];
    readonly afterTestRunHookDefinitions: readonly RunHook[];
  };
}

interface RunHook {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  code: (...args: any[]) => unknown;
}

/** Options the thread cannot take: allure-cucumberjs's `writer` is the thread's own. */
const NOT_HANDED_OVER = new Set(['writer']);

/**
 * The Allure formatter's work in the coordinator: it asks the run's reporting thread, which the
 * results plugin started and feeds every message, to run allure-cucumberjs's reporter with the
 * formatter's options; a BeforeAll or AfterAll hook that fails is told to it as allure-cucumberjs
 * tells it (it wraps those hooks where they run). Returns the check for the run's end.
 */
export function reportOnReportingThread(options: AllureFormatterOptions): () => void {
  const thread = reportingThread();
  if (!thread) {
    throw new Error(
      'The harness Allure formatter needs the harness results plugin (support/results/plugin.cjs) in the run: add it to `plugin` in your cucumber configuration',
    );
  }
  const library = options.supportCodeLibrary;
  const hookNames = (hooks: readonly HookName[]): HookName[] => hooks.map(({ id, name }) => ({ id, name }));
  const { resultsDir = 'allure-results', ...rest } = options.parsedArgvOptions;
  const init: AllureInit = {
    resultsDir: String(resultsDir),
    options: handedOver(rest),
    hooks: {
      before: hookNames(library.beforeTestCaseHookDefinitions),
      after: hookNames(library.afterTestCaseHookDefinitions),
    },
  };
  thread.startAllure(init);
  reportRunHookErrors(library.beforeTestRunHookDefinitions, 'BeforeAll hook', thread);
  reportRunHookErrors(library.afterTestRunHookDefinitions, 'AfterAll hook', thread);
  return () => {
    if (!thread.fed)
      throw new Error('The harness Allure formatter got no message: the results plugin did not run');
  };
}

/** allure-cucumberjs's options as data the thread can take. */
function handedOver(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (NOT_HANDED_OVER.has(name)) continue;
    try {
      result[name] = structuredClone(value);
    } catch {
      throw new Error(
        `Allure format option "${name}" cannot reach the reporting thread: give it as data (no functions or class instances)`,
      );
    }
  }
  return result;
}

/** Wraps each run hook as allure-cucumberjs does: a failure is told to Allure, then goes on as it was. */
function reportRunHookErrors(hooks: readonly RunHook[], name: string, thread: ReportingThread): void {
  for (const hook of hooks) {
    const code = hook.code;
    const report = <T>(error: T): T => {
      thread.runHookError(name, error);
      return error;
    };
    hook.code =
      code.length > 0
        ? // Callback style: cucumber tells it by its arity, which the wrapper keeps.
          function (this: unknown, callback: (error?: unknown, result?: unknown) => void): unknown {
            try {
              return code.call(this, (error?: unknown, result?: unknown) =>
                callback(error ? report(error) : error, result),
              );
            } catch (error) {
              throw report(error);
            }
          }
        : function (this: unknown): unknown {
            try {
              const result = code.call(this);
              return result instanceof Promise
                ? result.catch((error: unknown) => {
                    throw report(error);
                  })
                : result;
            } catch (error) {
              throw report(error);
            }
          };
  }
}
