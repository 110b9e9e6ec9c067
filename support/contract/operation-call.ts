import { isDeepStrictEqual } from 'node:util';
import get from 'lodash/get';
import toPath from 'lodash/toPath';
import { UsageError } from '../errors';
import type { ApiRequest, HttpMethod } from '../http/client';
import type { OpenAPIV3 } from 'openapi-types';
import type { Operation } from './load';

/** What the generic contract steps prepared before `When I call "<operationId>"`. */
export interface PreparedCall {
  readonly headers: Record<string, string>;
  readonly parameters: Map<string, string>;
  body?: string;
}

export function emptyCall(): PreparedCall {
  return { headers: {}, parameters: new Map() };
}

/**
 * The generic contract steps' wording: the step definitions are registered with these, and the
 * preflight recognises the steps whose input it checks by them.
 */
export const CONTRACT_STEPS = {
  header: 'the request header {string} is {string}',
  parameters: 'the request parameters:',
  body: 'the request body:',
  call: 'I call {string}',
  callOn: 'I call {string} on {string}',
  authorized: 'I am authorized by {string} with {string}',
  status: 'the response status is {int}',
  bodyAt: 'the response body at {string} is {string}',
  bodyMatches: 'the response body matches:',
  remember: 'I remember the response body at {string} as {string}',
} as const;

/** The operation's path, query or header parameter called `name`. */
function parameterNamed(operation: Operation, name: string): OpenAPIV3.ParameterObject | undefined {
  return operation.parameters.find((parameter) => parameter.name === name && parameter.in !== 'cookie');
}

/** Why `name` cannot be given to the operation — it has no such parameter — or undefined. */
export function unknownParameter(operation: Operation, name: string): string | undefined {
  if (parameterNamed(operation, name)) return undefined;
  const known =
    operation.parameters.map((parameter) => `${parameter.name} (${parameter.in})`).join(', ') || 'none';
  return `${operation.operationId} has no parameter "${name}"; its parameters are: ${known}`;
}

/** Why a request body is not JSON, or undefined when it is. */
export function notJson(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return `the request body is not valid JSON: ${(error as Error).message}`;
  }
}

/**
 * Turns what the steps prepared into a request for one operation: each parameter name is looked up
 * in the operation's path, query and header parameters; a name it does not have is an error that
 * lists the ones it has.
 */
export function buildRequest(operation: Operation, prepared: PreparedCall): ApiRequest {
  const pathValues: Record<string, string> = {};
  const query: Record<string, string> = {};
  const headers: Record<string, string> = { ...prepared.headers };
  for (const [name, value] of prepared.parameters) {
    const parameter = parameterNamed(operation, name);
    if (!parameter) throw new UsageError(unknownParameter(operation, name));
    if (parameter.in === 'path') pathValues[name] = value;
    else if (parameter.in === 'query') query[name] = value;
    else headers[name] = value;
  }
  const path = operation.pathTemplate.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = pathValues[name];
    if (value === undefined) {
      throw new UsageError(
        `${operation.operationId} needs the path parameter "${name}": add it to "Given the request parameters:"`,
      );
    }
    return encodeURIComponent(value);
  });
  return {
    method: operation.method as HttpMethod,
    path,
    query,
    headers,
    ...(prepared.body === undefined ? {} : { rawBody: prepared.body }),
  };
}

/** `tags[0].name` in a response body; '' or '$' is the body itself. */
export function valueAtPath(body: unknown, path: string): unknown {
  const trimmed = path.trim().replace(/^\$\.?/, '');
  if (trimmed === '') return body;
  return get(body, toPath(trimmed));
}

/** Does `actual` equal what a feature wrote? As JSON when the text parses as JSON, else as text. */
export function matchesWritten(actual: unknown, written: string): boolean {
  let expected: unknown;
  try {
    expected = JSON.parse(written);
  } catch {
    return typeof actual === 'string' ? actual === written : false;
  }
  return isDeepStrictEqual(actual, expected);
}
