import { AssertionError } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/**
 * Fails with one readable line, `spam level of +886912345678: expected spam, actual suspicious`,
 * so a broken business rule reads as the rule in the report.
 */
export function expectEqual<T>(what: string, actual: T, expected: T): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new AssertionError({
      message: `${what}: expected ${show(expected)}, actual ${show(actual)}`,
      actual,
      expected,
      operator: 'deepStrictEqual',
    });
  }
}

export function expectTrue(what: string, condition: boolean, detail = ''): void {
  if (!condition)
    throw new AssertionError({
      message: `${what}${detail ? `: ${detail}` : ''}`,
      actual: false,
      expected: true,
    });
}
