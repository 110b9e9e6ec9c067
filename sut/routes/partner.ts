import type { Router } from 'express';
import type { Accounts } from '../domain/accounts';
import { lookUp } from '../domain/lookup';
import { SPAM_THRESHOLD } from '../domain/spam-level';
import { pathParam } from '../http/params';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { lookupJson } from '../http/representations';
import { resource } from '../http/resource';
import { checkPath, phoneNumber } from '../http/validation';
import type { ServiceContext } from './context';

/**
 * The partner's credential: the access token of its partner account (from `issueToken`), sent as
 * the `api_key` query parameter or the `partner_session` cookie. No fixed demo key: a key written
 * in a feature would be a secret in every report.
 */
function partnerCredential(query: unknown, cookie: string | undefined): string | undefined {
  const key = (query as Record<string, unknown>).api_key;
  if (typeof key === 'string') return key;
  const session = (cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith('partner_session='));
  return session && decodeURIComponent(session.slice('partner_session='.length));
}

function isPartner(accounts: Accounts, credential: string | undefined): boolean {
  if (credential === undefined) return false;
  const check = accounts.checkToken(credential);
  return check !== 'unknown' && !check.expired;
}

/** `identifyForPartner`: the lookup, for partner apps that authenticate with an API key. */
export function partnerRoutes(router: Router, { store }: ServiceContext): void {
  resource(router, '/partner/numbers/:number', {
    get: [
      (req, res) => {
        if (!isPartner(store.accounts, partnerCredential(req.query, req.get('cookie')))) {
          return sendProblem(res, 401, 'Send the partner API key as api_key, or the partner_session cookie.');
        }
        const number = pathParam(req, 'number');
        const errors = checkPath('number', number, phoneNumber);
        if (errors.length > 0) return sendValidationErrors(res, errors);
        res.json(lookupJson(lookUp(number, store.reports.activeFor(number), SPAM_THRESHOLD)));
      },
    ],
  });
}
