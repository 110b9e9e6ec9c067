import { AssertionError } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import { diffBlock } from './report/line-diff';

/**
 * The product broke a business rule the scenario states: expected one thing, got another. An
 * `AssertionError` (it goes by that name), of its own class so reports sort it as a product defect.
 */
export class BusinessRuleFailure extends AssertionError {}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/**
 * An assertion that says what it has to say in its message, and only there. No `operator`: with
 * one, node appends its own diff (`+ actual - expected`) to the message; `showDiff: false`:
 * cucumber would append a second one, the other way round (`+ expected - actual`).
 */
function failure(
  message: string,
  actual: unknown,
  expected: unknown,
  // The stack starts where the check was called: the step, not this module.
  stackStartFn: (...args: never[]) => unknown,
): BusinessRuleFailure {
  return Object.assign(new BusinessRuleFailure({ message, actual, expected, stackStartFn }), {
    showDiff: false,
  });
}

/**
 * Fails with one readable line, `spam level of +886912345678: expected "spam", actual "suspicious"`,
 * so a broken business rule reads as the rule in the report; where the values have structure or
 * several lines, a diff follows (`- expected + actual`, see report/line-diff).
 */
export function expectEqual<T>(what: string, actual: T, expected: T): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw failure(
      `${what}: expected ${show(expected)}, actual ${show(actual)}${diffBlock(expected, actual)}`,
      actual,
      expected,
      expectEqual,
    );
  }
}

export function expectTrue(what: string, condition: boolean, detail = ''): void {
  if (!condition) throw failure(`${what}${detail ? `: ${detail}` : ''}`, false, true, expectTrue);
}
