import type { Redactor } from './redact';

/**
 * The error a step or hook failed with, with every secret the scenario knows redacted from what
 * cucumber writes of it: the message, the stack (which repeats the message) and an assertion's
 * `actual` and `expected` (which cucumber prints as a diff). Redacted where it leaves the step, so
 * the message stream and every report built from it never see the value. The message stays: a
 * comparison that involved a secret still says what failed, naming the secret as the feature knows
 * it (`the remembered "tok" [secret]`), or `[REDACTED]` where the feature gave it no name.
 */
export function redactError(error: unknown, redactor: Redactor): unknown {
  if (typeof error === 'string') return redactor.errorText(error);
  if (!(error instanceof Error)) return error;
  const fields = error as Error & { actual?: unknown; expected?: unknown };
  try {
    error.message = redactor.errorText(error.message);
    if (error.stack) error.stack = redactor.errorText(error.stack);
    if ('actual' in fields) fields.actual = redactor.value(fields.actual);
    if ('expected' in fields) fields.expected = redactor.value(fields.expected);
  } catch {
    // A frozen error cannot be changed: a plain one with the redacted text takes its place.
    const plain = new Error(redactor.errorText(error.message));
    plain.stack = redactor.errorText(error.stack ?? plain.message);
    return plain;
  }
  return error;
}
