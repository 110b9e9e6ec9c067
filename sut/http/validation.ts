import type { FieldError } from './problem';

const E164 = /^\+[1-9][0-9]{6,14}$/;
const NUMBER_MESSAGE = 'must be an E.164 phone number such as +886912345678';
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const USERNAME_MESSAGE =
  'must be 3 to 64 characters: lower-case letters, digits, dots, dashes or underscores, not starting with a symbol';

interface StringRule {
  readonly type: 'string';
  readonly required?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly enum?: readonly string[];
  readonly pattern?: { readonly regex: RegExp; readonly message: string };
}

interface IntegerRule {
  readonly type: 'integer';
  readonly required?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
}

type FieldRule = StringRule | IntegerRule;
export type BodyRules = Readonly<Record<string, FieldRule>>;

export const phoneNumber: StringRule = { type: 'string', pattern: { regex: E164, message: NUMBER_MESSAGE } };
export const username: StringRule = {
  type: 'string',
  pattern: { regex: USERNAME, message: USERNAME_MESSAGE },
};

/** The problem with one value, if any. Lengths count characters (code points), as JSON Schema does. */
function problemWith(value: unknown, rule: FieldRule): string | undefined {
  if (rule.type === 'integer') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'must be an integer';
    if (rule.minimum !== undefined && value < rule.minimum) return `must be at least ${rule.minimum}`;
    if (rule.maximum !== undefined && value > rule.maximum) return `must be at most ${rule.maximum}`;
    return undefined;
  }
  if (typeof value !== 'string') return 'must be a string';
  const length = [...value].length;
  if (rule.minLength !== undefined && length < rule.minLength) {
    return rule.minLength === 1 ? 'must not be empty' : `must be at least ${rule.minLength} characters long`;
  }
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    return `must be at most ${rule.maxLength} characters long`;
  }
  if (rule.enum && !rule.enum.includes(value)) return `must be one of ${rule.enum.join(', ')}`;
  if (rule.pattern && !rule.pattern.regex.test(value)) return rule.pattern.message;
  return undefined;
}

/** Checks a parsed JSON body: an object, every known field's type and bounds, required ones, no others. */
export function checkBody(body: unknown, rules: BodyRules): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ in: 'body', field: 'body', message: 'must be a JSON object' }];
  }
  const errors: FieldError[] = [];
  for (const [field, rule] of Object.entries(rules)) {
    if (!Object.hasOwn(body, field)) {
      if (rule.required) errors.push({ in: 'body', field, message: 'is required' });
      continue;
    }
    const message = problemWith((body as Record<string, unknown>)[field], rule);
    if (message) errors.push({ in: 'body', field, message });
  }
  for (const field of Object.keys(body)) {
    if (!Object.hasOwn(rules, field)) errors.push({ in: 'body', field, message: 'is not a known property' });
  }
  return errors;
}

export function checkPath(field: string, value: string, rule: FieldRule): FieldError[] {
  const message = problemWith(value, rule);
  return message ? [{ in: 'path', field, message }] : [];
}

/**
 * A whole-number query parameter within bounds, or its default when absent; when it is not one,
 * the error goes into `errors` and the default comes back.
 */
export function queryInteger(
  raw: unknown,
  field: string,
  fallback: number,
  bounds: { readonly minimum: number; readonly maximum?: number },
  errors: FieldError[],
): number {
  if (raw === undefined) return fallback;
  const message =
    typeof raw !== 'string'
      ? 'must be given once'
      : /^[+-]?\d+$/.test(raw)
        ? problemWith(Number(raw), { type: 'integer', ...bounds })
        : 'must be an integer';
  if (message === undefined) return Number(raw);
  errors.push({ in: 'query', field, message });
  return fallback;
}
