/** One HTTP request and its response, as the harness saw it. */
export interface HttpExchange {
  /** `api` for calls made by steps, `browser` for calls the web UI made in the page. */
  readonly source: 'api' | 'browser';
  readonly startedAt: string;
  readonly durationMs: number;
  readonly request: RecordedRequest;
  readonly response: RecordedResponse;
}

export type Headers = Readonly<Record<string, string>>;

export interface RecordedRequest {
  readonly method: string;
  /** Absolute URL, query string included. */
  readonly url: string;
  /** Lower-cased header names. */
  readonly headers: Headers;
  /** Parsed JSON when the content type is JSON, text otherwise, undefined when there is none. */
  readonly body: unknown;
}

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** What a check of an exchange found. `violations` fail the step that made the exchange. */
export interface ExchangeAssessment {
  /** The contract operation the exchange matched, when one did. */
  readonly operationId?: string;
  /** The response key it matched: an exact status, a range such as `2XX`, or `default`. */
  readonly responseKey?: string;
  readonly mediaType?: string;
  /** True when the exchange is described by the contract and was checked against it. */
  readonly validated: boolean;
  /** True when the contract does not describe the path, method or status. */
  readonly undocumented: boolean;
  readonly violations: readonly string[];
}

/** Judges exchanges; the contract validator is one, and tests plug in their own. */
export interface ExchangeInspector {
  inspect(exchange: HttpExchange, context: InspectionContext): ExchangeAssessment;
}

export interface InspectionContext {
  /** The scenario sends invalid requests on purpose (`@negative`): skip request checks. */
  readonly negative: boolean;
}

export const NOT_INSPECTED: ExchangeAssessment = { validated: false, undocumented: false, violations: [] };

/** An exchange together with its assessment: what reports, coverage and traceability read. */
export interface ExchangeRecord {
  readonly exchange: HttpExchange;
  readonly assessment: ExchangeAssessment;
}

/**
 * Media type of the attachment carrying one ExchangeRecord into the cucumber message stream: plain
 * JSON, so every report viewer shows it; its `kind` field tells it apart from other JSON.
 */
export const EXCHANGE_MEDIA_TYPE = 'application/json';
export const EXCHANGE_KIND = 'http-exchange';
/** `kind` of the attachment naming the browser a UI scenario ran in. */
export const BROWSER_KIND = 'browser';

export function headerValue(headers: Headers, name: string): string | undefined {
  return headers[name.toLowerCase()];
}

/** `application/problem+json; charset=utf-8` → `application/problem+json`. */
export function mediaTypeOf(headers: Headers): string | undefined {
  return headerValue(headers, 'content-type')?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && /^application\/(.+\+)?json$/.test(mediaType);
}

/** The operation a person would recognise: `lookUpNumber` when known, else `GET /path`. */
export function describeExchange(record: ExchangeRecord): string {
  const { request } = record.exchange;
  const target = record.assessment.operationId ?? `${request.method} ${new URL(request.url).pathname}`;
  return `${target} → ${record.exchange.response.status}`;
}
