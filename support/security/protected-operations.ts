import { authorization } from '../api/caller-id-api';
import type { Redactor } from '../report/redact';
import type { Cast } from '../api/cast';
import { type Contract } from '../contract/load';
import { operationName, type Operation } from '../contract/operation';
import { buildRequest } from '../contract/operation-call';
import { expectTrue } from '../expect';
import type { HttpClient } from '../http/client';
import { sampleCall } from './sample-request';

/** What the security checks work with: the World provides all of it. */
export interface SecurityActors {
  readonly contract: Contract;
  readonly http: HttpClient;
  readonly cast: Cast;
  readonly redactor: Redactor;
}

/** Whose credentials, if any, a request to a protected operation carries. */
export type CredentialsUsed =
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'own' }
  | { readonly kind: 'persona'; readonly persona: string };

/** The words of the features: `no token`, `a malformed token`, `an expired token`, `Bob's token`, `her own token`. */
export const CREDENTIALS_WORDS =
  /no token|a malformed token|an expired token|(?:her|his|their) own token|[A-Z][a-z]+'s token/;

export function credentialsFrom(words: string): CredentialsUsed {
  if (words === 'no token') return { kind: 'none' };
  if (words === 'a malformed token') return { kind: 'malformed' };
  if (words === 'an expired token') return { kind: 'expired' };
  if (/ own token$/.test(words)) return { kind: 'own' };
  return { kind: 'persona', persona: words.replace(/'s token$/, '') };
}

/** An Authorization header no service can take for a bearer token. */
const MALFORMED = { authorization: 'Bearer this is not a token!' };

export interface ProtectedCall {
  readonly operation: Operation;
  readonly status: number;
}

/**
 * The operations the contract protects with a person's token: every one whose security
 * requirements all name a scheme (an empty requirement, `{}`, would let anonymous callers in), each
 * a token scheme (http bearer, OAuth 2, OpenID Connect). An API key identifies an app, not an
 * account holder, so "another account's token" means nothing to it: those operations are left out.
 */
export function protectedOperations(contract: Contract): Operation[] {
  const schemes = (contract.document.components?.securitySchemes ?? {}) as Record<
    string,
    { type?: string; scheme?: string }
  >;
  const isToken = (name: string): boolean => {
    const scheme = schemes[name];
    if (!scheme) return true;
    return (
      scheme.type === 'oauth2' ||
      scheme.type === 'openIdConnect' ||
      (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer')
    );
  };
  return contract.operations.filter(
    (operation) =>
      operation.security.length > 0 &&
      operation.security.every(
        (requirement) => Object.keys(requirement).length > 0 && Object.keys(requirement).every(isToken),
      ),
  );
}

/**
 * Calls every protected operation of the contract on the owner's account, each with a request that
 * is well-formed but for its credentials. Every exchange goes through the harness's one HTTP path,
 * so each is checked against the contract too: an undocumented refusal fails there.
 */
export async function callProtectedOperations(
  actors: SecurityActors,
  owner: string,
  used: CredentialsUsed,
): Promise<ProtectedCall[]> {
  const operations = protectedOperations(actors.contract);
  if (operations.length === 0) {
    throw new Error(
      'the contract protects no operation (no security requirement): there is nothing to prove',
    );
  }
  const { username } = await actors.cast.credentials(owner);
  const headers = await credentialsFor(actors.cast, owner, used);
  const calls: ProtectedCall[] = [];
  for (const operation of operations) {
    const request = buildRequest(operation, { ...sampleCall(operation, username), headers });
    calls.push({ operation, status: (await actors.http.send(request)).status });
  }
  return calls;
}

/** Fails, naming every call that did not answer as `expected` says and how it answered. */
export function expectEveryCall(
  calls: readonly ProtectedCall[],
  expected: (call: ProtectedCall) => boolean,
  what: string,
): void {
  const wrong = calls.filter((call) => !expected(call));
  expectTrue(
    what,
    wrong.length === 0,
    wrong.map(({ operation, status }) => `${operationName(operation)} answered ${status}`).join('; '),
  );
}

/**
 * How an operation refuses another account's token: 403, or 404 when its contract documents no
 * 403 (an operation may hide that the resource exists at all).
 */
export function refusesForeignToken({ operation, status }: ProtectedCall): boolean {
  return status === ('403' in operation.responses ? 403 : 404);
}

/** One line per call, for the report: which operations were proven, and how they answered. */
export function describeCalls(calls: readonly ProtectedCall[]): string {
  return calls.map(({ operation, status }) => `${status}  ${operationName(operation)}`).join('\n');
}

async function credentialsFor(
  cast: Cast,
  owner: string,
  used: CredentialsUsed,
): Promise<Record<string, string>> {
  switch (used.kind) {
    case 'none':
      return {};
    case 'malformed':
      return MALFORMED;
    case 'expired':
      return authorization(await cast.expiredToken(owner));
    case 'own':
      return authorization(await cast.credentials(owner));
    case 'persona':
      return authorization(await cast.credentials(used.persona));
  }
}
