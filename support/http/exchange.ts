import { decodeForm } from './form-body';

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

/** A recorded body, as `recordedBody` makes it from the text on the wire. */
export interface RecordedBody {
  /** Parsed JSON when the content type is JSON, text otherwise, undefined when there is none. */
  readonly body: unknown;
  /**
   * Set when the content type says JSON but the text does not parse: `body` is then the text as
   * sent. Without it a JSON string (`"abc"`, parsed to the string abc) could not be told apart
   * from text that is not JSON. A flag rather than a wrapper keeps `body` what steps and reports
   * read, and survives the JSON attachment to the message stream.
   */
  readonly malformedJson?: true;
}

export interface RecordedRequest extends RecordedBody {
  readonly method: string;
  /** Absolute URL, query string included. */
  readonly url: string;
  /** Lower-cased header names. */
  readonly headers: Headers;
}

export interface RecordedResponse extends RecordedBody {
  readonly status: number;
  readonly headers: Headers;
}

/** What a check of an exchange found. `violations` fail the step that made the exchange. */
export interface ExchangeAssessment {
  /** The project's service the exchange went to, when it went to one of them. */
  readonly service?: string;
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

/**
 * JSON bodies become values (or stay text, flagged, when they do not parse); forms (urlencoded and
 * multipart) the object they encode, so the contract check validates them as such; empty bodies
 * are undefined.
 */
export function recordedBody(headers: Headers, text: string | undefined): RecordedBody {
  if (text === undefined || text === '') return { body: undefined };
  const form = decodeForm(headerValue(headers, 'content-type'), text);
  if (form) return { body: form };
  if (!isJsonMediaType(mediaTypeOf(headers))) return { body: text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { body: text, malformedJson: true };
  }
}

/** The operation a person would recognise: `lookUpNumber` when known, else `GET /path`. */
export function describeExchange(record: ExchangeRecord): string {
  const { request } = record.exchange;
  const target = record.assessment.operationId ?? `${request.method} ${new URL(request.url).pathname}`;
  return `${target} → ${record.exchange.response.status}`;
}
