import type { RedactionNames } from '../config/config';
import type { ExchangeRecord, Headers } from '../http/exchange';
import { withoutLocalPaths } from './local-paths';
import { registerRunSecret } from './run-secrets';
import { encodingsOf } from './secret-encodings';

export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are redacted by name only: by value they would blank ordinary words. */
const MIN_BY_VALUE = 4;
/**
 * A credential after an auth scheme (`Basic dXNlcjpw…`, `Bearer ey…`) whoever made it — not a word:
 * it has a digit or a token character (`Bearer authentication` stays). Group 1 is the scheme.
 */
const SCHEME_CREDENTIALS =
  /\b([Bb]asic|[Bb]earer|BASIC|BEARER)\s+(?!\[REDACTED\])(?=[A-Za-z0-9._~+/-]*[0-9._~+/=-])[A-Za-z0-9._~+/-]{8,}=*/g;

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

/** The secret names of a configuration, lower-cased. */
interface SecretNames {
  readonly headers: ReadonlySet<string>;
  readonly fields: ReadonlySet<string>;
  readonly query: ReadonlySet<string>;
}

const SECRET_NAMES = new WeakMap<RedactionNames, SecretNames>();

/** The configuration's secret names, lower-cased once for it: every scenario has a Redactor of its own. */
function secretNames(names: RedactionNames): SecretNames {
  let lowered = SECRET_NAMES.get(names);
  if (!lowered) {
    const lower = (list: readonly string[]): ReadonlySet<string> =>
      new Set(list.map((name) => name.toLowerCase()));
    lowered = { headers: lower(names.headers), fields: lower(names.fields), query: lower(names.query) };
    SECRET_NAMES.set(names, lowered);
  }
  return lowered;
}

/**
 * Keeps secrets out of everything the harness writes. Two nets: by name (headers, JSON fields and
 * query parameters on the configured lists) and by value (every password and token the scenario
 * created, wherever it turns up: a URL, an echoed body, a log line).
 */
export class Redactor {
  private readonly headers: ReadonlySet<string>;
  private readonly fields: ReadonlySet<string>;
  private readonly query: ReadonlySet<string>;
  private readonly secrets = new Set<string>();
  /** What a feature calls a secret (`the remembered "tok"`): how a failure names it instead of quoting it. */
  private readonly labels = new Map<string, string>();
  /** Values known to be public (a hostile-input test's strings): never learned as secrets. */
  private readonly published = new Set<string>();
  /** Every form of every secret long enough to be redacted wherever it stands, longest first. */
  private forms: string[] = [];

  constructor(names: RedactionNames) {
    const lowered = secretNames(names);
    this.headers = lowered.headers;
    this.fields = lowered.fields;
    this.query = lowered.query;
  }

  /** Is this JSON field or parameter name on the list of secret names? */
  isSecretName(name: string): boolean {
    return (
      this.fields.has(name.toLowerCase()) ||
      this.headers.has(name.toLowerCase()) ||
      this.query.has(name.toLowerCase())
    );
  }

  /**
   * A value that must never be written anywhere, whatever its length: the harness made it or was
   * given it. From 4 characters it is redacted wherever it stands, in every encoding a report can
   * hold it in; shorter ones only where they stand as a credential (a secret-named field, header or
   * parameter), or every "a" of every report would go.
   */
  addSecret(value: string): void {
    this.keep(value, true);
  }

  /**
   * Values a step sends on purpose in secret-named places that are not secrets (the injection
   * strings of a hostile-input check, sent as a password): they stay readable in every message.
   */
  treatAsPublic(values: Iterable<string>): void {
    for (const value of values) this.published.add(value);
  }

  /** `runWide`: also one the report scanner looks for in every file of the run. */
  private keep(value: string, runWide: boolean): void {
    // A value that has been through redaction already is the marker, not a secret.
    if (value.length === 0 || value.includes(REDACTED)) return;
    if (runWide) registerRunSecret(value);
    if (this.secrets.has(value)) return;
    this.secrets.add(value);
    if (value.length < MIN_BY_VALUE) return;
    for (const form of encodingsOf(value).values()) if (!this.forms.includes(form)) this.forms.push(form);
    this.forms.sort((a, b) => b.length - a.length);
  }

  /**
   * Learns the secrets an exchange carries — bearer tokens and credentials in headers, secret-named
   * fields in bodies — so they are scrubbed by value wherever else they turn up (a browser trace
   * holds the token the page received at sign-in, which no step ever saw).
   */
  learnFrom(record: ExchangeRecord): void {
    // What the service sent (a token issued) is a secret of the run; what the scenario sent in a
    // secret-named place is kept out of this scenario's reports only — a hostile-input scenario's
    // "password" may be another scenario's ordinary text, and the scanner must not flag that.
    const { request, response } = record.exchange;
    this.learnHeaders(request.headers, false);
    this.learnHeaders(response.headers, true);
    this.learnFields(request.body, false);
    this.learnFields(response.body, true);
  }

  private learnHeaders(headers: Headers, runWide: boolean): void {
    for (const [name, value] of Object.entries(headers)) {
      const header = name.toLowerCase();
      if (!this.headers.has(header)) continue;
      for (const credential of credentialsIn(header, value)) {
        if (couldBeSecret(credential) && !this.published.has(credential)) this.keep(credential, runWide);
      }
    }
  }

  private learnFields(value: unknown, runWide: boolean): void {
    if (Array.isArray(value)) for (const item of value) this.learnFields(item, runWide);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (this.fields.has(key.toLowerCase()) && typeof item === 'string') {
          if (couldBeSecret(item) && !this.published.has(item)) this.keep(item, runWide);
        } else this.learnFields(item, runWide);
      }
    }
  }

  /**
   * Names a secret the way the feature knows it (`the remembered "tok"`, `{{$password}}`); a failure
   * that quotes it then says `expected the remembered "tok" [secret], actual "Bearer"`.
   */
  label(value: unknown, label: string): void {
    if (typeof value === 'string' && this.secrets.has(value)) this.labels.set(value, label);
  }

  /**
   * A failure's message for a report: each secret the feature named is said by its name (quoted or
   * not), then everything else as `text()` does.
   */
  errorText(value: string): string {
    let result = value;
    for (const [secret, label] of this.labels) {
      if (secret.length < MIN_BY_VALUE || !result.includes(secret)) continue;
      result = result
        .split(JSON.stringify(secret))
        .join(`${label} [secret]`)
        .split(secret)
        .join(`${label} [secret]`);
    }
    return this.text(result);
  }

  /**
   * Any text bound for a report: secrets by value and by shape, and the machine's own paths,
   * removed. The forms are looked for as plain strings, longest first: a scenario learns a new
   * secret every few calls, and an expression of them all would be compiled anew each time.
   */
  text(value: string): string {
    // A credential after an auth scheme first, whole, as it stands: a secret it holds, redacted
    // first, would leave the rest of it unmatched (`Bearer abc.[REDACTED].xyz`).
    let result = withoutLocalPaths(value).replace(
      SCHEME_CREDENTIALS,
      (_match, scheme: string) => `${scheme} ${REDACTED}`,
    );
    for (const form of this.forms) if (result.includes(form)) result = result.split(form).join(REDACTED);
    return result;
  }

  /**
   * The text of an exchange record as a report holds it (`shape` makes what is written of it, as
   * pretty JSON): its secret-named fields, headers and parameters redacted, then the whole text by
   * value, once — every form a secret takes in a JSON string is among those looked for.
   */
  recordText(record: ExchangeRecord, shape: (redacted: ExchangeRecord) => unknown): string {
    return this.text(JSON.stringify(shape(this.namedInRecord(record)), null, 2));
  }

  /** The record with its secret-named parts redacted: a copy. */
  private namedInRecord(record: ExchangeRecord): ExchangeRecord {
    const { request, response } = record.exchange;
    const asItIs = (text: string): string => text;
    return {
      ...record,
      exchange: {
        ...record.exchange,
        request: {
          ...request,
          url: this.namedInUrl(request.url),
          headers: this.namedHeaders(request.headers),
          body: this.namedValue(request.body, asItIs),
        },
        response: {
          ...response,
          headers: this.namedHeaders(response.headers),
          body: this.namedValue(response.body, asItIs),
        },
      },
    };
  }

  /** The URL with its secret-named query parameters and its password redacted. */
  private namedInUrl(value: string): string {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return value;
    }
    for (const name of [...url.searchParams.keys()]) {
      if (this.query.has(name.toLowerCase())) url.searchParams.set(name, REDACTED);
    }
    if (url.password) url.password = REDACTED;
    return url.toString();
  }

  /** Secret-named headers redacted (an auth scheme kept); the others as they are. */
  private namedHeaders(headers: Headers): Headers {
    const result: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (!this.headers.has(name.toLowerCase())) result[name] = value;
      else if (/^(bearer|basic|token) /i.test(value)) result[name] = `${value.split(' ')[0]} ${REDACTED}`;
      else result[name] = REDACTED;
    }
    return result;
  }

  /** A copy of a JSON value with secret fields and secret values replaced. */
  value(value: unknown): unknown {
    return this.namedValue(value, (text) => this.text(text));
  }

  /** A copy of a JSON value with its secret-named fields redacted, and its strings passed through `text`. */
  private namedValue(value: unknown, text: (value: string) => string): unknown {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map((item) => this.namedValue(item, text));
    if (value !== null && typeof value === 'object') {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        result[key] =
          this.fields.has(key.toLowerCase()) && item !== null && item !== undefined
            ? REDACTED
            : this.namedValue(item, text);
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
