import type { Request, Response } from 'express';
import type { Store } from '../domain/store';
import { sendProblem } from './problem';

/**
 * The order every protected operation checks in: a token at all (401), a well-formed one (401), a
 * known and unexpired one (401), then that it belongs to the account in the path (403).
 * Returns the signed-in username, or undefined when a problem was sent.
 */
export function authorize(store: Store, req: Request, res: Response, owner: string): string | undefined {
  const header = req.get('authorization');
  if (!header) {
    sendProblem(res, 401, 'Send a bearer token from issueToken.', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
    return undefined;
  }
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match?.[1]) {
    sendProblem(res, 401, 'The Authorization header must be "Bearer <token>".', {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' },
    });
    return undefined;
  }
  const resolved = store.resolveToken(match[1]);
  if (resolved === 'unknown' || resolved === 'expired') {
    sendProblem(
      res,
      401,
      resolved === 'expired' ? 'The token has expired: sign in again.' : 'The token is not valid.',
      {
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      },
    );
    return undefined;
  }
  if (resolved.username !== owner) {
    sendProblem(res, 403, 'You can only act on your own account.');
    return undefined;
  }
  return resolved.username;
}
