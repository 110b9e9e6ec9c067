import type { Request, RequestHandler } from 'express';
import { pathParam } from './params';
import type { Accounts } from '../domain/accounts';
import type { Fault } from '../faults';
import { sendProblem } from './problem';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const signedIn = new WeakMap<Request, string>();

/**
 * Guards an operation on the account named by the `username` path parameter, checking in this
 * order: a token at all (401), a well-formed Authorization header (401), a token the service issued
 * (401) and that has not expired (401), then that it belongs to that account (403). Input
 * validation comes after, in the operation itself.
 */
export function requireOwner(accounts: Accounts, faults: ReadonlySet<Fault>): RequestHandler {
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
    const check = accounts.checkToken(token, { honourExpiry: !faults.has('expired-tokens-accepted') });
    if (check === 'unknown' || check === 'expired') {
      const detail =
        check === 'expired'
          ? 'The token has expired: sign in again.'
          : 'The token is not valid: sign in again.';
      return sendProblem(res, 401, detail, {
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
    }
    const skipOwnerCheck = faults.has('deletes-skip-owner-check') && req.method === 'DELETE';
    if (check.username !== pathParam(req, 'username') && !skipOwnerCheck) {
      return sendProblem(res, 403, 'You can only act on your own account.');
    }
    signedIn.set(req, skipOwnerCheck ? pathParam(req, 'username') : check.username);
    next();
  };
}

/** The account holder of a request that passed `requireOwner`. */
export function ownerOf(req: Request): string {
  const username = signedIn.get(req);
  if (username === undefined) throw new Error('ownerOf: the route does not require an owner');
  return username;
}
