import type { Response } from 'express';

export interface FieldError {
  readonly in: 'path' | 'query' | 'header' | 'body';
  readonly field: string;
  readonly message: string;
}

const TITLES: Readonly<Record<number, [type: string, title: string]>> = {
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

/** Every error of the service, as an RFC 9457 problem document. */
export function sendProblem(
  res: Response,
  status: number,
  detail: string,
  options: { errors?: readonly FieldError[]; headers?: Record<string, string> } = {},
): void {
  const [type, title] = TITLES[status] ?? ['/problems/error', 'Error'];
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({ type, title, status, detail, ...(options.errors ? { errors: options.errors } : {}) }),
    );
}

export function sendValidationErrors(res: Response, errors: readonly FieldError[]): void {
  sendProblem(res, 400, errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
}
