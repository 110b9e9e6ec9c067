import {
  EXCHANGE_KIND,
  isJsonMediaType,
  mediaTypeOf,
  type ExchangeRecord,
  type RecordedRequest,
} from '../http/exchange';

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
  for (const [name, value] of Object.entries(request.headers)) {
    if (!NOISE.has(name)) parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (request.body !== undefined) {
    parts.push('--data-raw', shellQuote(bodyText(request)));
  }
  return parts.join(' ');
}

/** The body as it was sent: text as it is, JSON (a JSON string too) as JSON. */
function bodyText(request: RecordedRequest): string {
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
