import { format } from 'node:util';
import type { Redactor } from './redact';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * `console.log(token)` in a step prints `[REDACTED]`: a step's own logging reaches the terminal
 * and the CI log, which are reports too. `active` is the redactor of the step running now, if any.
 */
export function redactConsole(target: Console, active: () => Redactor | undefined): void {
  for (const method of CONSOLE_METHODS) {
    const original = target[method].bind(target) as (...args: unknown[]) => void;
    target[method] = (...args: unknown[]): void => {
      const redactor = active();
      if (redactor) original(redactor.text(format(...args)));
      else original(...args);
    };
  }
}
