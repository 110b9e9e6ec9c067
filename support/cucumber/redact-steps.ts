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
 */
setDefinitionFunctionWrapper(function (code: (...args: unknown[]) => unknown) {
  return async function (this: ScenarioWorld | undefined, ...args: unknown[]): Promise<unknown> {
    // Run hooks (BeforeAll) have no World, and a scenario that never began has no secrets.
    const before = running;
    running = this?.redactorIfStarted;
    try {
      return await code.apply(this, args);
    } catch (error) {
      const redactor = this?.redactorIfStarted;
      throw redactor ? redactError(error, redactor) : error;
    } finally {
      running = before;
    }
  };
});

redactConsole(console, () => running);
