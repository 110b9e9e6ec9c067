import type { Credentials } from '../api/caller-id-api';
import type { Cast } from '../api/cast';
import type { Contract, Operation } from '../contract/load';
import type { HttpClient } from '../http/client';
import { sampleRequest } from './sample-request';

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
const MALFORMED = 'Bearer this is not a token!';

export interface ProtectedCall {
  readonly operation: Operation;
  readonly status: number;
}

/**
 * The operations the contract protects: every one whose security requirements all name a scheme
 * (an empty requirement, `{}`, would let anonymous callers in).
 */
export function protectedOperations(contract: Contract): Operation[] {
  return contract.operations.filter(
    (operation) =>
      operation.security.length > 0 &&
      operation.security.every((requirement) => Object.keys(requirement).length > 0),
  );
}

/**
 * Calls every protected operation of the contract on the owner's account, each with a request that
 * is well-formed but for its credentials. Every exchange goes through the harness's one HTTP path,
 * so each is checked against the contract too: an undocumented refusal fails there.
 */
export async function callProtectedOperations(
  actors: { readonly contract: Contract; readonly http: HttpClient; readonly cast: Cast },
  owner: string,
  used: CredentialsUsed,
): Promise<ProtectedCall[]> {
  const operations = protectedOperations(actors.contract);
  if (operations.length === 0) {
    throw new Error(
      'the contract protects no operation (no security requirement): there is nothing to prove',
    );
  }
  const account = await actors.cast.credentials(owner);
  const headers = authorization(await credentialsFor(actors.cast, owner, used));
  const calls: ProtectedCall[] = [];
  for (const operation of operations) {
    const request = sampleRequest(operation, account.username);
    const response = await actors.http.send({ ...request, headers: { ...request.headers, ...headers } });
    calls.push({ operation, status: response.status });
  }
  return calls;
}

/** The calls that did not end as expected, one line each: `reportNumber (POST /users/{username}/reports): got 201`. */
export function unexpected(
  calls: readonly ProtectedCall[],
  expected: (call: ProtectedCall) => boolean,
): string[] {
  return calls
    .filter((call) => !expected(call))
    .map(
      ({ operation, status }) =>
        `${operation.operationId} (${operation.method} ${operation.pathTemplate}) answered ${status}`,
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
  return calls
    .map(
      ({ operation, status }) =>
        `${status}  ${operation.operationId}  ${operation.method} ${operation.pathTemplate}`,
    )
    .join('\n');
}

async function credentialsFor(
  cast: Cast,
  owner: string,
  used: CredentialsUsed,
): Promise<Credentials | string> {
  switch (used.kind) {
    case 'none':
      return {};
    case 'malformed':
      return MALFORMED;
    case 'expired':
      return cast.expiredToken(owner);
    case 'own':
      return cast.credentials(owner);
    case 'persona':
      return cast.credentials(used.persona);
  }
}

function authorization(credentials: Credentials | string): Record<string, string> {
  if (typeof credentials === 'string') return { authorization: credentials };
  return credentials.token ? { authorization: `Bearer ${credentials.token}` } : {};
}
