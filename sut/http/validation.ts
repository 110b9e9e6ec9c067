import type { FieldError } from './problem';

export const E164 = /^\+[1-9][0-9]{6,14}$/;
export const NUMBER_MESSAGE = 'must be an E.164 phone number such as +886912345678';
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

type Location = FieldError['in'];

interface FieldRule {
  readonly required?: boolean;
  readonly type: 'string' | 'integer';
  readonly pattern?: RegExp;
  readonly patternMessage?: string;
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

export type BodyRules = Readonly<Record<string, FieldRule>>;

export const rules = {
  number: { type: 'string', pattern: E164, patternMessage: NUMBER_MESSAGE } as FieldRule,
  username: {
    type: 'string',
    pattern: USERNAME,
    patternMessage: 'must be 3 to 64 lower-case letters, digits, dots, dashes or underscores',
  } as FieldRule,
};

function checkValue(where: Location, field: string, value: unknown, rule: FieldRule): FieldError | undefined {
  const fail = (message: string): FieldError => ({ in: where, field, message });
  if (rule.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return fail('must be a whole number');
    if (rule.minimum !== undefined && value < rule.minimum) return fail(`must be at least ${rule.minimum}`);
    if (rule.maximum !== undefined && value > rule.maximum) return fail(`must be at most ${rule.maximum}`);
    return undefined;
  }
  if (typeof value !== 'string') return fail('must be text');
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    return fail(
      rule.minLength === 1 ? 'must not be empty' : `must be at least ${rule.minLength} characters long`,
    );
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength)
    return fail(`must be at most ${rule.maxLength} characters long`);
  if (rule.enum && !rule.enum.includes(value)) return fail(`must be one of ${rule.enum.join(', ')}`);
  if (rule.pattern && !rule.pattern.test(value)) return fail(rule.patternMessage ?? 'has the wrong format');
  return undefined;
}

/** Checks a JSON body against its rules: types, required fields, and no unknown property. */
export function checkBody(body: unknown, bodyRules: BodyRules): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ in: 'body', field: 'body', message: 'must be a JSON object' }];
  }
  const errors: FieldError[] = [];
  const record = body as Record<string, unknown>;
  for (const [field, rule] of Object.entries(bodyRules)) {
    if (record[field] === undefined) {
      if (rule.required) errors.push({ in: 'body', field, message: 'is required' });
      continue;
    }
    const error = checkValue('body', field, record[field], rule);
    if (error) errors.push(error);
  }
  for (const field of Object.keys(record)) {
    if (!(field in bodyRules)) errors.push({ in: 'body', field, message: 'is not a known property' });
  }
  return errors;
}

export function checkPath(field: string, value: string, rule: FieldRule): FieldError[] {
  const error = checkValue('path', field, value, rule);
  return error ? [error] : [];
}

/** A whole-number query parameter within bounds, or its default when absent. */
export function queryInteger(
  raw: unknown,
  field: string,
  fallback: number,
  bounds: { minimum: number; maximum?: number },
): { value: number } | { error: FieldError } {
  if (raw === undefined) return { value: fallback };
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  const text = typeof first === 'string' ? first : '';
  if (!/^-?\d+$/.test(text)) return { error: { in: 'query', field, message: 'must be a whole number' } };
  const value = Number(text);
  const error = checkValue('query', field, value, { type: 'integer', ...bounds });
  return error ? { error } : { value };
}
