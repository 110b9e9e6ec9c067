import {
  EXCHANGE_KIND,
  isJsonMediaType,
  mediaTypeOf,
  type ExchangeRecord,
  type RecordedRequest,
} from '../http/exchange';
import { MULTIPART, URLENCODED } from '../http/form-body';

/** What each HTTP exchange attachment holds: the (redacted) record and a curl line to replay it. */
export interface ExchangeAttachment extends ExchangeRecord {
  readonly kind: typeof EXCHANGE_KIND;
  readonly curl: string;
}

/** Default headers every client sends: left out of the curl line to keep it readable. */
const NOISE = new Set(['accept-encoding', 'connection', 'content-length', 'host', 'user-agent']);

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlOf(request: RecordedRequest): string {
  const parts = ['curl', '-X', request.method, shellQuote(request.url)];
  const mediaType = mediaTypeOf(request.headers);
  // A multipart form is recorded decoded: curl's -F rebuilds it, with a boundary of its own.
  const multipart = mediaType === MULTIPART && isFields(request.body);
  for (const [name, value] of Object.entries(request.headers)) {
    if (NOISE.has(name) || (multipart && name === 'content-type')) continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (multipart) {
    for (const [name, value] of formPairs(request.body)) parts.push('-F', shellQuote(`${name}=${value}`));
  } else if (request.body !== undefined) {
    parts.push('--data-raw', shellQuote(bodyText(request)));
  }
  return parts.join(' ');
}

type Fields = Readonly<Record<string, string | readonly string[]>>;

function isFields(body: unknown): body is Fields {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

function formPairs(fields: Fields): [string, string][] {
  return Object.entries(fields).flatMap(([name, value]) =>
    (typeof value === 'string' ? [value] : value).map((item): [string, string] => [name, item]),
  );
}

/** The body as it was sent: text as it is, a urlencoded form encoded again, JSON as JSON. */
function bodyText(request: RecordedRequest): string {
  if (mediaTypeOf(request.headers) === URLENCODED && isFields(request.body)) {
    return new URLSearchParams(formPairs(request.body)).toString();
  }
  const sentAsJson = isJsonMediaType(mediaTypeOf(request.headers)) && !request.malformedJson;
  return typeof request.body === 'string' && !sentAsJson ? request.body : JSON.stringify(request.body);
}

export function exchangeAttachment(record: ExchangeRecord): ExchangeAttachment {
  return { kind: EXCHANGE_KIND, curl: curlOf(record.exchange.request), ...record };
}

export function isExchangeAttachment(value: unknown): value is ExchangeAttachment {
  const candidate = value as Partial<ExchangeAttachment> | null;
  return (
    candidate?.kind === EXCHANGE_KIND && typeof candidate.exchange === 'object' && candidate.exchange !== null
  );
}

/** An attachment's text as an exchange record, or nothing when it is not one (or not JSON). */
export function parseExchangeAttachment(text: string): ExchangeAttachment | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isExchangeAttachment(parsed) ? parsed : undefined;
}
