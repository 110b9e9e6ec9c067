import type { OpenAPIV3 } from 'openapi-types';
import type { Contract } from '../contract/load';
import type { Operation } from '../contract/operation';
import { credentialVariable, oneLineOf } from './names';
import { parameterValue, requestBodyPlan, isJsonMediaType } from './sample-values';

/** A credential a scenario gives: the scheme of the contract, and the environment variable holding it. */
export interface Credential {
  readonly scheme: string;
  readonly variable: string;
  /** `apiKey in header X-Shop-Key`, `http bearer`: what the variable must hold, for the next steps. */
  readonly what: string;
}

/** An operation the generic contract steps can call, and what its scenario gives. */
export interface DrivenOperation {
  readonly kind: 'scenario';
  readonly operation: Operation;
  readonly parameters: readonly (readonly [string, string])[];
  readonly headers: readonly (readonly [string, string])[];
  readonly body: { readonly mediaType: string; readonly value: unknown } | undefined;
  readonly credentials: readonly Credential[];
  /** The lowest documented 2xx: the status a mock answers with, and the one the scenario expects. */
  readonly status: number;
}

/** An operation the generic steps cannot drive yet: the feature says why in a comment. */
export interface SkippedOperation {
  readonly kind: 'comment';
  readonly operation: Operation;
  readonly reason: string;
}

export type OperationPlan = DrivenOperation | SkippedOperation;

/** Header parameters OpenAPI says are ignored: the harness and the scheme set them. */
const RESERVED_HEADERS = ['accept', 'content-type', 'authorization'];

/** The lowest explicit 2xx the operation documents. */
export function successStatus(operation: Operation): number | undefined {
  const codes = Object.keys(operation.responses)
    .filter((key) => /^2\d\d$/.test(key))
    .map(Number)
    .sort((a, b) => a - b);
  return codes[0];
}

/** `placeOrder: Places an order answers 201`: the operation as an acceptance criterion. */
export function acceptanceLine(operation: Operation): string {
  const summary = oneLineOf(operation.definition.summary).replace(/\.$/, '');
  const keys = Object.keys(operation.responses);
  const answer =
    successStatus(operation) ?? keys.find((key) => /^2/i.test(key)) ?? keys[0] ?? 'as documented';
  return `${operation.operationId}: ${summary || 'the operation'} answers ${answer}`;
}

function noSuccessReason(operation: Operation): string {
  const keys = Object.keys(operation.responses);
  if (keys.length === 1 && keys[0] === 'default') {
    return 'it documents only a `default` response: the steps check a status, so the contract should name the one it answers';
  }
  if (keys.some((key) => /^2XX$/i.test(key))) {
    return 'it documents its success only as the range 2XX: name the status it answers in the contract';
  }
  return 'it documents no success (2xx) response';
}

/** What the variable of a scheme must hold, in a few words. */
function schemeWords(scheme: OpenAPIV3.SecuritySchemeObject): string | undefined {
  if (scheme.type === 'apiKey') return `an API key (${scheme.in} ${scheme.name})`;
  if (scheme.type === 'http' && /^bearer$/i.test(scheme.scheme)) return 'a bearer token';
  if (scheme.type === 'http' && /^basic$/i.test(scheme.scheme)) return 'user:password (http basic)';
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return `an access token (${scheme.type})`;
  return undefined;
}

/**
 * The credentials of the first of the operation's security alternatives the harness can sign
 * (an empty alternative means none are needed), or why none can be given.
 */
function credentialsFor(
  operation: Operation,
  contract: Contract,
  service: string,
): { credentials: Credential[] } | { problem: string } {
  if (operation.security.length === 0) return { credentials: [] };
  const schemes = (contract.document.components?.securitySchemes ?? {}) as Record<
    string,
    OpenAPIV3.SecuritySchemeObject
  >;
  let first: string | undefined;
  for (const requirement of operation.security) {
    const signed = Object.keys(requirement).map((scheme) => {
      const declared = schemes[scheme];
      return { scheme, what: declared && schemeWords(declared) };
    });
    const unsignable = signed.find((each) => each.what === undefined)?.scheme;
    if (unsignable === undefined) {
      return {
        credentials: signed.map(({ scheme, what }) => ({
          scheme,
          variable: credentialVariable(service, scheme),
          what: what ?? '',
        })),
      };
    }
    const scheme = schemes[unsignable];
    const kind = scheme ? `${scheme.type}${scheme.type === 'http' ? ` ${scheme.scheme}` : ''}` : 'undeclared';
    first ??= `its security scheme "${unsignable}" (${kind}) is one the harness cannot sign`;
  }
  return { problem: first ?? 'its security requirements cannot be met' };
}

/** The Accept header a scenario sends when the success response is not JSON (the harness asks for JSON). */
function acceptHeader(operation: Operation, status: number): [string, string][] {
  const types = Object.keys(operation.responses[String(status)]?.content ?? {});
  if (types.length === 0 || types.some((type) => isJsonMediaType(type) || type.includes('*'))) return [];
  return [['Accept', types[0]!]];
}

/**
 * How the starter proves one operation: a scenario with the contract's examples, or a comment
 * saying why the generic steps cannot call it yet (a body that is not JSON, a cookie parameter,
 * no documented success status, a security scheme the harness cannot sign).
 */
export function planOperation(operation: Operation, contract: Contract, service: string): OperationPlan {
  const skip = (reason: string): SkippedOperation => ({ kind: 'comment', operation, reason });
  const status = successStatus(operation);
  if (status === undefined) return skip(noSuccessReason(operation));
  const cookie = operation.parameters.find((parameter) => parameter.in === 'cookie' && parameter.required);
  if (cookie) return skip(`it needs the cookie parameter "${cookie.name}", which the steps cannot send`);
  const body = requestBodyPlan(operation);
  if (body.kind === 'unsupported') {
    return skip(`its request body is ${body.mediaTypes.join(' or ')}, and the steps send JSON only`);
  }
  const security = credentialsFor(operation, contract, service);
  if ('problem' in security) return skip(security.problem);
  const given = operation.parameters.filter(
    (parameter) =>
      (parameter.in === 'path' || (parameter.required && parameter.in !== 'cookie')) &&
      !(parameter.in === 'header' && RESERVED_HEADERS.includes(parameter.name.toLowerCase())),
  );
  const contentType: [string, string][] =
    body.kind === 'json' && !/^application\/json\s*(;.*)?$/i.test(body.mediaType)
      ? [['Content-Type', body.mediaType]]
      : [];
  return {
    kind: 'scenario',
    operation,
    parameters: given.map((parameter) => [parameter.name, parameterValue(parameter)] as const),
    headers: [...contentType, ...acceptHeader(operation, status)],
    body: body.kind === 'json' ? { mediaType: body.mediaType, value: body.value } : undefined,
    credentials: security.credentials,
    status,
  };
}
