import type { Response } from 'express';

/** One invalid input, as the `errors` of a 400 list it. */
export interface FieldError {
  readonly in: 'path' | 'query' | 'header' | 'body';
  readonly field: string;
  readonly message: string;
}

const KINDS: Readonly<Record<number, readonly [type: string, title: string]>> = {
  400: ['/problems/validation-error', 'Your request is not valid'],
  401: ['/problems/unauthorized', 'Authentication required'],
  403: ['/problems/forbidden', 'Not your resource'],
  404: ['/problems/not-found', 'Not found'],
  405: ['/problems/method-not-allowed', 'Method not allowed'],
  409: ['/problems/conflict', 'Conflict'],
  413: ['/problems/payload-too-large', 'Request body too large'],
  415: ['/problems/unsupported-media-type', 'Unsupported media type'],
  418: ['/problems/teapot', "I'm a teapot"],
  500: ['/problems/internal-error', 'Something went wrong on our side'],
};

interface ProblemOptions {
  readonly errors?: readonly FieldError[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers with an RFC 9457 problem document: every error of the service is one. */
export function sendProblem(
  res: Response,
  status: number,
  detail: string,
  options: ProblemOptions = {},
): void {
  const [type, title] =
    KINDS[status] ?? (status >= 500 ? KINDS[500]! : ['/problems/client-error', 'Bad request']);
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  const body = { type, title, status, detail, ...(options.errors ? { errors: options.errors } : {}) };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** A 400 whose detail names every offending field: `number: must be an E.164 phone number …`. */
export function sendValidationErrors(res: Response, errors: readonly FieldError[]): void {
  sendProblem(res, 400, errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
}
