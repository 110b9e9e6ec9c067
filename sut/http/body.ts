import express, { type Request, type RequestHandler } from 'express';
import { sendProblem } from './problem';

/** The body was not valid JSON. */
export const MALFORMED = Symbol('malformed JSON');
/** There was no body at all. */
export const MISSING = Symbol('no body');
export type RequestBody = unknown;

export const BODY_LIMIT_BYTES = 16 * 1024;

const bodies = new WeakMap<Request, RequestBody>();
const readText = express.text({ type: () => true, limit: BODY_LIMIT_BYTES, defaultCharset: 'utf-8' });

function isJson(req: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(req.get('content-type') ?? '');
}

/**
 * Reads a JSON request body, for the operations that take one: anything but application/json is
 * refused (415), a body over 16 KiB too (413, through the error handler). JSON that does not parse
 * is left for validation to report, after the operation's own checks (authentication first).
 */
export const jsonBody: RequestHandler = (req, res, next) => {
  if (!isJson(req)) {
    return sendProblem(res, 415, 'Send the request body as application/json.');
  }
  readText(req, res, (error?: unknown) => {
    if (error) return next(error);
    const text: unknown = req.body;
    if (typeof text !== 'string' || text.trim() === '') {
      bodies.set(req, MISSING);
    } else {
      try {
        bodies.set(req, JSON.parse(text));
      } catch {
        bodies.set(req, MALFORMED);
      }
    }
    next();
  });
};

/** The parsed body of a request that went through `jsonBody`: a JSON value, MALFORMED or MISSING. */
export function bodyOf(req: Request): RequestBody {
  return bodies.has(req) ? bodies.get(req) : MISSING;
}
