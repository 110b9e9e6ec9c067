import { isDeepStrictEqual } from 'node:util';
import get from 'lodash/get';
import toPath from 'lodash/toPath';
import { UsageError } from '../errors';
import type { ApiRequest, HttpMethod } from '../http/client';
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
 * Turns what the steps prepared into a request for one operation: each parameter name is looked up
 * in the operation's path, query and header parameters; a name it does not have is an error that
 * lists the ones it has.
 */
export function buildRequest(operation: Operation, prepared: PreparedCall): ApiRequest {
  const pathValues: Record<string, string> = {};
  const query: Record<string, string> = {};
  const headers: Record<string, string> = { ...prepared.headers };
  for (const [name, value] of prepared.parameters) {
    const matches = operation.parameters.filter(
      (parameter) => parameter.name === name && parameter.in !== 'cookie',
    );
    if (matches.length === 0) {
      const known =
        operation.parameters.map((parameter) => `${parameter.name} (${parameter.in})`).join(', ') || 'none';
      throw new UsageError(
        `${operation.operationId} has no parameter "${name}"; its parameters are: ${known}`,
      );
    }
    const parameter = matches[0]!;
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

// `{{name}}` filling lives in ./interpolation; the World imports it from here.
export { interpolate } from './interpolation';
