import type { OpenAPIV3 } from 'openapi-types';
import { UsageError } from '../errors';
import type { ApiRequest } from '../http/client';
import type { Contract } from './load';
import type { Operation } from './operation';

/** A credential given for one of the contract's security schemes (`Given I am authorized by …`). */
export interface Authorization {
  readonly scheme: string;
  readonly credential: string;
}

/** The scheme called `name` in the contract's `components.securitySchemes`, or why there is none. */
export function securityScheme(
  contract: Contract,
  name: string,
): { scheme: OpenAPIV3.SecuritySchemeObject } | { problem: string } {
  const schemes = (contract.document.components?.securitySchemes ?? {}) as Record<
    string,
    OpenAPIV3.SecuritySchemeObject
  >;
  const scheme = schemes[name];
  if (scheme) return { scheme };
  const known = Object.keys(schemes);
  return {
    problem: `no security scheme "${name}" in ${contract.title} (its schemes: ${known.length > 0 ? known.join(', ') : 'none'})`,
  };
}

/**
 * The request with the credential put where the scheme says: an API key in its header, query
 * parameter or cookie; `Authorization: Bearer …` for http bearer, OAuth 2 and OpenID Connect;
 * `Authorization: Basic …` for http basic, from `user:password`.
 */
export function authorize(request: ApiRequest, contract: Contract, given: Authorization): ApiRequest {
  const found = securityScheme(contract, given.scheme);
  if ('problem' in found) throw new UsageError(found.problem);
  const { scheme } = found;
  const headers = { ...request.headers };
  const query = { ...request.query };
  switch (scheme.type) {
    case 'apiKey':
      if (scheme.in === 'query') query[scheme.name] = given.credential;
      else if (scheme.in === 'cookie')
        headers.cookie = cookieWith(headers.cookie, scheme.name, given.credential);
      else headers[scheme.name.toLowerCase()] = given.credential;
      break;
    case 'http':
      headers.authorization = httpCredential(scheme.scheme, given);
      break;
    case 'oauth2':
    case 'openIdConnect':
      headers.authorization = `Bearer ${given.credential}`;
      break;
    default:
      throw new UsageError(
        `security scheme "${given.scheme}" (${(scheme as { type: string }).type}) cannot be given a credential`,
      );
  }
  return { ...request, headers, query };
}

/** The header value of an http scheme: basic takes `user:password` and encodes it. */
export function httpCredential(kind: string, given: Authorization): string {
  switch (kind.toLowerCase()) {
    case 'bearer':
      return `Bearer ${given.credential}`;
    case 'basic':
      if (!given.credential.includes(':')) {
        throw new UsageError(
          `security scheme "${given.scheme}" is http basic: give the credential as user:password`,
        );
      }
      return `Basic ${Buffer.from(given.credential, 'utf8').toString('base64')}`;
    default:
      throw new UsageError(
        `security scheme "${given.scheme}" uses http ${kind}, which the harness cannot sign`,
      );
  }
}

function cookieWith(existing: string | undefined, name: string, value: string): string {
  const pair = `${name}=${encodeURIComponent(value)}`;
  return existing ? `${existing}; ${pair}` : pair;
}

/**
 * The credentials an operation is sent: those whose scheme its security requirements name (the
 * operation's own, else the contract's). A credential never goes where it is not asked for.
 */
export function credentialsAskedFor(
  operation: Pick<Operation, 'security'>,
  given: Iterable<Authorization>,
): Authorization[] {
  const asked = new Set(operation.security.flatMap((requirement) => Object.keys(requirement)));
  return [...given].filter((credential) => asked.has(credential.scheme));
}
