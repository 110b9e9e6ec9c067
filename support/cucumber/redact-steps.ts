import { setDefinitionFunctionWrapper } from '@cucumber/cucumber';
import type { Redactor } from '../report/redact';
import { redactConsole } from '../report/redact-console';
import { redactError } from '../report/redact-error';
import type { ScenarioWorld } from './world';

/** The redactor of the step or hook running now: one scenario at a time runs in a process. */
let running: Redactor | undefined;

/**
 * Every step and hook of every project runs inside this: what it fails with leaves it with the
 * scenario's secrets redacted, and what it prints with `console` is redacted on its way to the
 * terminal and the CI log. Cucumber keeps each definition's arity around the wrapper.
 *
 * A definition that returns no promise stays synchronous: cucumber runs such a step at once, where
 * a promise costs it a timer, a race and an exception handler (tens of microseconds, on every step
 * and hook of every scenario).
 */
export function redactingDefinition(code: (...args: unknown[]) => unknown) {
  return function (this: ScenarioWorld | undefined, ...args: unknown[]): unknown {
    // Run hooks (BeforeAll) have no World, and a scenario that never began has no secrets.
    const before = running;
    running = this?.redactorIfStarted;
    // A definition that declares cucumber's callback (its last parameter) ends when it calls it.
    const done = code.length === args.length ? args.at(-1) : undefined;
    if (typeof done === 'function') {
      args[args.length - 1] = (error: unknown, ...rest: unknown[]): unknown => {
        running = before;
        return (done as (...passed: unknown[]) => unknown)(
          error == null ? error : redacted(this, error),
          ...rest,
        );
      };
    }
    let result: unknown;
    try {
      result = code.apply(this, args);
    } catch (error) {
      running = before;
      throw redacted(this, error);
    }
    if (isThenable(result)) return settled(this, result, before);
    // One that returned at once is over, unless its callback is still to come.
    if (typeof done !== 'function') running = before;
    return result;
  };
}

setDefinitionFunctionWrapper(redactingDefinition);

async function settled(
  world: ScenarioWorld | undefined,
  result: PromiseLike<unknown>,
  before: Redactor | undefined,
): Promise<unknown> {
  try {
    return await result;
  } catch (error) {
    throw redacted(world, error);
  } finally {
    running = before;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

function redacted(world: ScenarioWorld | undefined, error: unknown): unknown {
  const redactor = world?.redactorIfStarted;
  return redactor ? redactError(error, redactor) : error;
}

redactConsole(console, () => running);
