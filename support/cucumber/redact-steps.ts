import { setDefinitionFunctionWrapper } from '@cucumber/cucumber';
import { redactError } from '../report/redact-error';
import type { ScenarioWorld } from './world';

/**
 * Every step and hook of every project runs inside this: what it fails with leaves it with the
 * scenario's secrets redacted. Cucumber keeps each definition's arity around the wrapper.
 */
setDefinitionFunctionWrapper(function (code: (...args: unknown[]) => unknown) {
  return async function (this: ScenarioWorld | undefined, ...args: unknown[]): Promise<unknown> {
    try {
      return await code.apply(this, args);
    } catch (error) {
      // Run hooks (BeforeAll) have no World, and a scenario that never began has no secrets.
      const redactor = this?.redactorIfStarted;
      throw redactor ? redactError(error, redactor) : error;
    }
  };
});
