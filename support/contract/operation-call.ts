import get from 'lodash/get';
import toPath from 'lodash/toPath';
import { UsageError } from '../errors';
import type { ApiRequest, HttpMethod } from '../http/client';
import type { OpenAPIV3 } from 'openapi-types';
import type { Operation } from './operation';
import { encodeMultipart, encodeUrlEncoded, MULTIPART, URLENCODED, type FormField } from '../http/form-body';
import { serializeParameter, type ParameterValue } from './parameter-style';

/** A request body the generic steps prepared: text of a media type, or form fields. */
export type PreparedBody =
  | { readonly kind: 'text'; readonly text: string | Buffer; readonly mediaType: string }
  | { readonly kind: 'form'; readonly fields: readonly FormField[] };

/** What the generic contract steps prepared before `When I call "<operationId>"`. */
export interface PreparedCall {
  readonly headers: Record<string, string>;
  /**
   * Parameter values by name, as written: one row gives text (a JSON array or object written
   * there is read by the parameter's schema), several rows for one name give an array.
   */
  readonly parameters: Map<string, string | readonly string[]>;
  /** JSON text (`Given the request body:`), or a body of another media type or a form. */
  body?: string | PreparedBody;
}

export function emptyCall(): PreparedCall {
  return { headers: {}, parameters: new Map() };
}

/** Adds one row of `Given the request parameters:`: a second row for a name makes an array. */
export function addParameter(prepared: PreparedCall, name: string, value: string): void {
  const known = prepared.parameters.get(name);
  if (known === undefined) prepared.parameters.set(name, value);
  else prepared.parameters.set(name, [...(typeof known === 'string' ? [known] : known), value]);
}

/**
 * The rows of a two-column table, headed (`| name | value |`) or not (`| petId | 1 |`, cucumber's
 * rows-hash form): a first row that is exactly the heading is dropped. Anything but two columns is
 * an error naming the heading.
 */
export function tableRows(
  raw: readonly (readonly string[])[],
  first: string,
  second: string,
): [string, string][] {
  if (raw.some((row) => row.length !== 2)) {
    throw new UsageError(
      `the table needs exactly two columns: | ${first} | ${second} |, with or without that heading`,
    );
  }
  const headed = raw[0]?.[0]?.trim() === first && raw[0]?.[1]?.trim() === second;
  return (headed ? raw.slice(1) : raw).map((row) => [row[0]!.trim(), row[1] ?? '']);
}

/** The operation's path, query, header or cookie parameter called `name`. */
function parameterNamed(operation: Operation, name: string): OpenAPIV3.ParameterObject | undefined {
  return operation.parameters.find((parameter) => parameter.name === name);
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

/** The media types the operation's request body declares. */
export function declaredBodyTypes(operation: Operation): string[] {
  const body = operation.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  return Object.keys(body?.content ?? {});
}

/**
 * The value to serialize: rows as given; one written JSON array or object becomes that array or
 * object when the schema wants one (or says nothing), so `["dog","cat"]` and two rows agree.
 */
function valueOf(parameter: OpenAPIV3.ParameterObject, written: string | readonly string[]): ParameterValue {
  if (typeof written !== 'string') return written;
  const type = (parameter.schema as OpenAPIV3.SchemaObject | undefined)?.type;
  if (!/^\s*[[{]/.test(written) || (type !== undefined && type !== 'array' && type !== 'object'))
    return written;
  let parsed: unknown;
  try {
    parsed = JSON.parse(written);
  } catch {
    return written;
  }
  const text = (item: unknown): string => (typeof item === 'string' ? item : JSON.stringify(item));
  if (Array.isArray(parsed)) return parsed.map(text);
  if (typeof parsed === 'object' && parsed !== null) {
    return Object.fromEntries(Object.entries(parsed).map(([key, item]) => [key, text(item)]));
  }
  return written;
}

/**
 * Turns what the steps prepared into a request for one operation: each parameter is looked up in
 * the operation's parameters and serialized by its `style` and `explode`; a name it does not have
 * is an error that lists the ones it has. A form goes as multipart/form-data when it has a file
 * part, when a step set that Content-Type, or when it is the only form type the operation
 * declares; as application/x-www-form-urlencoded otherwise.
 */
export function buildRequest(operation: Operation, prepared: PreparedCall): ApiRequest {
  const pathValues: Record<string, string> = {};
  const query: string[] = [];
  const cookies: string[] = [];
  const headers: Record<string, string> = { ...prepared.headers };
  for (const [name, written] of prepared.parameters) {
    const parameter = parameterNamed(operation, name);
    if (!parameter) throw new UsageError(unknownParameter(operation, name));
    const serialized = serializeParameter(parameter, valueOf(parameter, written));
    if (parameter.in === 'path') pathValues[name] = serialized;
    else if (parameter.in === 'query') query.push(serialized);
    else if (parameter.in === 'cookie') cookies.push(serialized);
    else headers[name] = serialized;
  }
  if (cookies.length > 0) headers.cookie = [headers.cookie, ...cookies].filter(Boolean).join('; ');
  const path = operation.pathTemplate.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = pathValues[name];
    if (value === undefined) {
      throw new UsageError(
        `${operation.operationId} needs the path parameter "${name}": add it to "Given the request parameters:"`,
      );
    }
    return value;
  });
  return {
    method: operation.method as HttpMethod,
    path,
    query: {},
    ...(query.length === 0 ? {} : { queryString: query.join('&') }),
    headers,
    ...bodyOf(operation, prepared.body, headers),
  };
}

/** The raw body to send, setting its Content-Type in `headers` unless a step set one. */
function bodyOf(
  operation: Operation,
  body: PreparedCall['body'],
  headers: Record<string, string>,
): { rawBody?: string | Buffer } {
  if (body === undefined) return {};
  if (typeof body === 'string') return { rawBody: body };
  if (body.kind === 'text') {
    headers['content-type'] ??= body.mediaType;
    return { rawBody: body.text };
  }
  const declared = declaredBodyTypes(operation).map((type) => type.toLowerCase());
  const multipart =
    body.fields.some((field) => 'file' in field) ||
    headers['content-type']?.toLowerCase().startsWith(MULTIPART) === true ||
    (declared.includes(MULTIPART) && !declared.includes(URLENCODED));
  if (multipart) {
    const encoded = encodeMultipart(body.fields);
    // The boundary is only known now: it replaces a Content-Type a step set without one.
    headers['content-type'] = encoded.contentType;
    return { rawBody: encoded.body };
  }
  headers['content-type'] ??= URLENCODED;
  return { rawBody: encodeUrlEncoded(body.fields) };
}

/** `tags[0].name` (or `$.tags[0].name`, `$[0]`) in a response body; '' or '$' is the body itself. */
export function valueAtPath(body: unknown, path: string): unknown {
  const trimmed = path.trim().replace(/^\$\.?/, '');
  if (trimmed === '') return body;
  return get(body, toPath(trimmed));
}
