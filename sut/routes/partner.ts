import type { Router } from 'express';
import type { Accounts } from '../domain/accounts';
import { lookUp } from '../domain/lookup';
import { SPAM_THRESHOLD } from '../domain/spam-level';
import { pathParam } from '../http/params';
import { PARTNER_LIMITS, type UsagePeriod } from '../domain/partner-usage';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { lookupJson } from '../http/representations';
import { resource } from '../http/resource';
import { checkPath, phoneNumber } from '../http/validation';
import type { ServiceContext } from './context';

/**
 * Partner apps: `identifyForPartner` (the lookup, with the partner's API key or web session) and
 * `getPartnerUsage` (its usage dashboard, signed in with the partner account's password).
 */

/**
 * The partner's credential: the access token of its partner account (from `issueToken`), sent as
 * the `api_key` query parameter or the `partner_session` cookie. No fixed demo key: a key written
 * in a feature would be a secret in every report.
 */
function partnerCredential(query: unknown, cookies: string | undefined): string | undefined {
  const key = (query as Record<string, unknown>).api_key;
  if (typeof key === 'string') return key;
  return cookie(cookies, 'partner_session');
}

/** The partner account a credential is the key of; undefined for no key, an unknown or expired one. */
function partnerOf(accounts: Accounts, credential: string | undefined): string | undefined {
  if (credential === undefined) return undefined;
  const check = accounts.checkToken(credential);
  return check !== 'unknown' && !check.expired ? check.username : undefined;
}

/** The partner account whose `user:password` came as HTTP Basic credentials, if they are right. */
function basicPartner(accounts: Accounts, header: string | undefined): string | undefined {
  const encoded = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(header ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return accounts.authenticate(decoded.slice(0, colon), decoded.slice(colon + 1))?.username;
}

const LANGUAGES = ['en', 'zh-TW'] as const;
const PERIODS: readonly UsagePeriod[] = ['day', 'month'];

/** The usage line of the dashboard, in the partner's language. */
function summary(
  language: (typeof LANGUAGES)[number],
  period: UsagePeriod,
  lookups: number,
  left: number,
): string {
  if (language === 'zh-TW') return `${period === 'day' ? '今天' : '本月'}查詢 ${lookups} 次，剩餘 ${left} 次`;
  return `${lookups} lookups this ${period}, ${left} left`;
}

/** A cookie's value from the Cookie header, decoded; undefined when it is not there. */
function cookie(header: string | undefined, name: string): string | undefined {
  const pair = (header ?? '')
    .split(';')
    .map((each) => each.trim())
    .find((each) => each.startsWith(`${name}=`));
  if (pair === undefined) return undefined;
  try {
    return decodeURIComponent(pair.slice(name.length + 1));
  } catch {
    return undefined; // not percent-encoding: a cookie the service did not set
  }
}

/** `identifyForPartner`: the lookup, for partner apps that authenticate with an API key. */
export function partnerRoutes(router: Router, { store }: ServiceContext): void {
  resource(router, '/partner/numbers/:number', {
    get: [
      (req, res) => {
        const partner = partnerOf(store.accounts, partnerCredential(req.query, req.get('cookie')));
        if (partner === undefined) {
          return sendProblem(res, 401, 'Send the partner API key as api_key, or the partner_session cookie.');
        }
        const number = pathParam(req, 'number');
        const errors = checkPath('number', number, phoneNumber);
        if (errors.length > 0) return sendValidationErrors(res, errors);
        store.partnerUsage.record(partner);
        res.json(lookupJson(lookUp(number, store.reports.activeFor(number), SPAM_THRESHOLD)));
      },
    ],
  });

  resource(router, '/partner/usage', {
    get: [
      (req, res) => {
        const partner = basicPartner(store.accounts, req.get('authorization'));
        if (partner === undefined) {
          return sendProblem(
            res,
            401,
            "Sign in with the partner account's user name and password (HTTP Basic).",
            {
              headers: { 'WWW-Authenticate': 'Basic realm="partner", charset="UTF-8"' },
            },
          );
        }
        const language = req.get('accept-language') ?? 'en';
        if (!(LANGUAGES as readonly string[]).includes(language)) {
          return sendValidationErrors(res, [
            { in: 'header', field: 'Accept-Language', message: `must be one of ${LANGUAGES.join(', ')}` },
          ]);
        }
        // A cookie is the browser's memory, not a request: one the dashboard does not know means a day.
        const period = cookie(req.get('cookie'), 'dashboard_period');
        const chosen: UsagePeriod = (PERIODS as readonly (string | undefined)[]).includes(period)
          ? (period as UsagePeriod)
          : 'day';
        const lookups = store.partnerUsage.count(partner, chosen);
        const left = Math.max(0, PARTNER_LIMITS[chosen] - lookups);
        res.set('Content-Language', language).json({
          partner,
          period: chosen,
          lookups,
          limit: PARTNER_LIMITS[chosen],
          remaining: left,
          summary: summary(language as (typeof LANGUAGES)[number], chosen, lookups, left),
        });
      },
    ],
  });
}
