import type { ErrorRequestHandler, RequestHandler } from 'express';
import { BODY_LIMIT_BYTES } from './body';
import { sendProblem } from './problem';

/** Nothing answers at this path. */
export const notFound: RequestHandler = (_req, res) => {
  sendProblem(res, 404, 'There is nothing at this path.');
};

interface HttpError {
  readonly type?: unknown;
  readonly status?: unknown;
  /** zlib's code when a compressed body could not be decompressed (`Z_DATA_ERROR`). */
  readonly code?: unknown;
  readonly message?: unknown;
}

/**
 * Errors raised by Express or by a handler become problem documents; never a stack trace, and
 * nothing is logged.
 */
export const problemOnError: ErrorRequestHandler = (error: HttpError, req, res, next) => {
  if (res.headersSent) return next(error);
  switch (error.type) {
    case 'entity.too.large':
      return sendProblem(res, 413, `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KiB.`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return sendProblem(res, 415, 'Send the request body as UTF-8 JSON, without a content encoding.');
  }
  const status = typeof error.status === 'number' ? error.status : 500;
  if (status === 400 && typeof error.type === 'string') {
    return sendProblem(res, 400, 'body: could not be read', {
      errors: [{ in: 'body', field: 'body', message: 'could not be read' }],
    });
  }
  const encoding = req.get('content-encoding');
  if (status === 400 && encoding && typeof error.code === 'string' && /^(Z_|ERR__ERROR)/.test(error.code)) {
    // The body said it was compressed (Content-Encoding) and could not be decompressed that way.
    const message = `is not ${encoding}-compressed data, although Content-Encoding says ${encoding}`;
    return sendProblem(res, 400, `body: ${message}`, { errors: [{ in: 'body', field: 'body', message }] });
  }
  if (status === 400 && /decode param/i.test(String(error.message))) {
    // The router could not decode a percent-encoded path segment.
    return sendProblem(res, 400, 'path: is not valid percent-encoding', {
      errors: [{ in: 'path', field: 'path', message: 'is not valid percent-encoding' }],
    });
  }
  if (status >= 400 && status < 500) return sendProblem(res, status, 'The request could not be handled.');
  return sendProblem(res, 500, 'The request could not be completed; please try again later.');
};
