import type { Request, RequestHandler } from 'express';
import { pathParam } from './params';
import type { Accounts } from '../domain/accounts';
import { sendProblem } from './problem';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const signedIn = new WeakMap<Request, string>();

/** Checks to leave out, each only for a deliberate defect (see sut/faults.ts). */
interface OwnerCheckOptions {
  /** Let an expired token in. */
  readonly acceptExpired?: boolean;
  /** Let any valid token act on the account in the path. */
  readonly skipOwnerCheck?: boolean;
}

/**
 * Guards an operation on the account named by the `username` path parameter, checking in this
 * order: a token at all (401), a well-formed Authorization header (401), a token the service issued
 * (401) and that has not expired (401), then that it belongs to that account (403). Input
 * validation (`jsonBody`, path and query checks) comes after it.
 */
export function requireOwner(
  accounts: Accounts,
  { acceptExpired = false, skipOwnerCheck = false }: OwnerCheckOptions = {},
): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined || header.trim() === '') {
      return sendProblem(res, 401, 'Send a bearer token from issueToken.', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    const token = BEARER.exec(header)?.[1];
    if (!token) {
      return sendProblem(res, 401, 'The Authorization header must be "Bearer <token>".', {
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' },
      });
    }
    const check = accounts.checkToken(token);
    const expired = check !== 'unknown' && check.expired && !acceptExpired;
    if (check === 'unknown' || expired) {
      const detail = expired
        ? 'The token has expired: sign in again.'
        : 'The token is not valid: sign in again.';
      return sendProblem(res, 401, detail, {
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
    }
    const username = pathParam(req, 'username');
    if (check.username !== username && !skipOwnerCheck) {
      return sendProblem(res, 403, 'You can only act on your own account.');
    }
    signedIn.set(req, username);
    next();
  };
}

/** The account holder of a request that passed `requireOwner`: the account in its path. */
export function ownerOf(req: Request): string {
  const username = signedIn.get(req);
  if (username === undefined) throw new Error('ownerOf: the route does not require an owner');
  return username;
}
