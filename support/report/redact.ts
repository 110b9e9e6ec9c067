import type { RedactionNames } from '../config/config';
import type { ExchangeRecord, Headers } from '../http/exchange';
import { withoutLocalPaths } from './local-paths';

export const REDACTED = '[REDACTED]';

/**
 * Values that stand in credential positions without being secrets: placeholders of contracts and
 * mocks (`"token": "string"`), cookie attributes. Redacting them by value would blank every
 * ordinary occurrence of the word in every report.
 */
const NOT_SECRETS = new Set([
  'string',
  'password',
  'passw0rd',
  'secret',
  'token',
  'changeme',
  'example',
  'sample',
  'default',
  'null',
  'undefined',
  'true',
  'false',
  'bearer',
  'basic',
  'admin',
  'test',
  'value',
  'strict',
  'none',
]);

/** Could a value seen in a credential position be a secret, rather than a placeholder or a word? */
function couldBeSecret(value: string): boolean {
  return value.length >= 6 && !NOT_SECRETS.has(value.toLowerCase()) && !/^(.)\1*$/.test(value);
}

/**
 * Keeps secrets out of everything the harness writes. Two nets: by name (headers, JSON fields and
 * query parameters on the configured lists) and by value (every password and token the scenario
 * created, wherever it turns up: a URL, an echoed body, a log line).
 */
export class Redactor {
  private readonly headers: Set<string>;
  private readonly fields: Set<string>;
  private readonly query: Set<string>;
  private readonly secrets = new Set<string>();

  constructor(names: RedactionNames) {
    this.headers = new Set(names.headers.map((name) => name.toLowerCase()));
    this.fields = new Set(names.fields.map((name) => name.toLowerCase()));
    this.query = new Set(names.query.map((name) => name.toLowerCase()));
  }

  /** Is this JSON field or parameter name on the list of secret names? */
  isSecretName(name: string): boolean {
    return (
      this.fields.has(name.toLowerCase()) ||
      this.headers.has(name.toLowerCase()) ||
      this.query.has(name.toLowerCase())
    );
  }

  /** A value that must never be written anywhere (ignored when too short to be a secret). */
  addSecret(value: string): void {
    if (value.length >= 6) this.secrets.add(value);
  }

  /**
   * Learns the secrets an exchange carries — bearer tokens and credentials in headers, secret-named
   * fields in bodies — so they are scrubbed by value wherever else they turn up (a browser trace
   * holds the token the page received at sign-in, which no step ever saw).
   */
  learnFrom(record: ExchangeRecord): void {
    const { request, response } = record.exchange;
    for (const headers of [request.headers, response.headers]) {
      for (const [name, value] of Object.entries(headers)) {
        const header = name.toLowerCase();
        if (!this.headers.has(header)) continue;
        for (const credential of credentialsIn(header, value)) {
          if (couldBeSecret(credential)) this.addSecret(credential);
        }
      }
    }
    for (const body of [request.body, response.body]) this.learnFields(body);
  }

  private learnFields(value: unknown): void {
    if (Array.isArray(value)) for (const item of value) this.learnFields(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (this.fields.has(key.toLowerCase()) && typeof item === 'string') {
          if (couldBeSecret(item)) this.addSecret(item);
        } else this.learnFields(item);
      }
    }
  }

  /** Any text bound for a report: secrets by value, and the machine's own paths, removed. */
  text(value: string): string {
    let result = withoutLocalPaths(value);
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
  }

  record(record: ExchangeRecord): ExchangeRecord {
    const { exchange } = record;
    return {
      assessment: {
        ...record.assessment,
        violations: record.assessment.violations.map((line) => this.text(line)),
      },
      exchange: {
        ...exchange,
        request: {
          ...exchange.request,
          url: this.url(exchange.request.url),
          headers: this.headerValues(exchange.request.headers),
          body: this.value(exchange.request.body),
        },
        response: {
          ...exchange.response,
          headers: this.headerValues(exchange.response.headers),
          body: this.value(exchange.response.body),
        },
      },
    };
  }

  url(value: string): string {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.text(value);
    }
    for (const name of [...url.searchParams.keys()]) {
      if (this.query.has(name.toLowerCase())) url.searchParams.set(name, REDACTED);
    }
    if (url.password) url.password = REDACTED;
    return this.text(url.toString());
  }

  headerValues(headers: Headers): Headers {
    const result: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (!this.headers.has(name.toLowerCase())) result[name] = this.text(value);
      else if (/^(bearer|basic|token) /i.test(value)) result[name] = `${value.split(' ')[0]} ${REDACTED}`;
      else result[name] = REDACTED;
    }
    return result;
  }

  /** A copy of a JSON value with secret fields and secret values replaced. */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value !== null && typeof value === 'object') {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        result[key] =
          this.fields.has(key.toLowerCase()) && item !== null && item !== undefined
            ? REDACTED
            : this.value(item);
      }
      return result;
    }
    return value;
  }
}

/**
 * The credentials a secret-named header carries: each cookie's value (`a=1; b=2`); for
 * `Set-Cookie`, each cookie's value but none of its attributes (`Path=/`, `Domain=…`, `SameSite=…`,
 * an `Expires` date with its comma); otherwise the value after an auth scheme, or the whole value.
 */
function credentialsIn(header: string, value: string): string[] {
  const valueOf = (pair: string): string => pair.split('=').slice(1).join('=').trim();
  if (header === 'cookie') return value.split(';').map(valueOf);
  if (header === 'set-cookie') {
    // Several Set-Cookie headers arrive joined by commas; a comma inside `Expires=Wed, 21 Oct …` is
    // followed by no `name=` and so does not start a cookie.
    return value.split(/,(?=\s*[^;,=\s]+=)/).map((cookie) => valueOf(cookie.split(';')[0] ?? ''));
  }
  return [(/^(?:bearer|basic|token)\s+(.+)$/i.exec(value)?.[1] ?? value).trim()];
}
