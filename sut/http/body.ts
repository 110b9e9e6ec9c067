import express, { type Request, type RequestHandler } from 'express';
import { sendProblem, sendValidationErrors, type FieldError } from './problem';
import { checkBody, type BodyRules } from './validation';

export const BODY_LIMIT_BYTES = 16 * 1024;

const bodies = new WeakMap<Request, unknown>();
const readText = express.text({ type: () => true, limit: BODY_LIMIT_BYTES, defaultCharset: 'utf-8' });

function isJson(req: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(req.get('content-type') ?? '');
}

/** The JSON value of a body's text, or what is wrong with it. */
function parse(text: unknown): { readonly value: unknown } | { readonly error: FieldError } {
  if (typeof text !== 'string' || text.trim() === '') {
    return { error: { in: 'body', field: 'body', message: 'is required' } };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: { in: 'body', field: 'body', message: 'is not valid JSON' } };
  }
}

/**
 * Reads and checks the JSON request body of an operation that takes one: anything but
 * application/json is refused (415), a body over 16 KiB too (413, through the error handler), a
 * body that is missing, does not parse or breaks `rules` with a 400 naming every offending field.
 * Put it after the operation's own checks (authentication first); the handler gets the body from
 * `bodyOf`.
 */
export function jsonBody(rules: BodyRules): RequestHandler {
  return (req, res, next) => {
    if (!isJson(req)) {
      return sendProblem(res, 415, 'Send the request body as application/json.');
    }
    readText(req, res, (error?: unknown) => {
      if (error) return next(error);
      const parsed = parse(req.body);
      if ('error' in parsed) return sendValidationErrors(res, [parsed.error]);
      const errors = checkBody(parsed.value, rules);
      if (errors.length > 0) return sendValidationErrors(res, errors);
      bodies.set(req, parsed.value);
      next();
    });
  };
}

/** The body of a request that passed `jsonBody`, of the shape its rules checked. */
export function bodyOf<T>(req: Request): T {
  if (!bodies.has(req)) throw new Error('bodyOf: the route does not read a JSON body');
  return bodies.get(req) as T;
}
