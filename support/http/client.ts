import http from 'node:http';
import https from 'node:https';
import type request from 'supertest';
import type { ExchangeRecord, Headers, HttpExchange } from './exchange';
import { recordedBody } from './exchange';
import type { Traffic } from './traffic';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface ApiRequest {
  readonly method: HttpMethod;
  /**
   * The API root this call goes below (`http://127.0.0.1:4010/v2`): each service of a project has
   * its own. Without it, the client's own `apiBaseUrl`.
   */
  readonly baseUrl?: URL;
  /** Path below the API base URL, path parameters already encoded: `/numbers/%2B886912345678`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Query pairs already serialized by their OpenAPI style (`tags=dog&tags=cat`, `f[a]=1`), sent
   * before `query` and never re-encoded, so the style's delimiters reach the service as written.
   */
  readonly queryString?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /**
   * Sent verbatim instead of `body`: malformed JSON, oversized payloads, text, XML, forms and
   * multipart bodies (their Content-Type in `headers`).
   */
  readonly rawBody?: string | Buffer;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly record: ExchangeRecord;
}

/** The service did not answer at all: refused, reset, unknown host or timed out. */
export class ServiceUnreachableError extends Error {
  override readonly name = 'ServiceUnreachable';
}

/** Names the request in errors: the operation when the contract knows it, else method and URL. */
export type RequestNamer = (method: string, url: string) => string;

interface SuperagentError {
  code?: string;
  timeout?: number;
  message?: string;
}

/**
 * The process's connections to the services, kept open between calls. An idle one is closed after
 * 4 s, or sooner when the service says so (`Keep-Alive: timeout=…`); a call waiting for its answer
 * keeps its connection whatever the time (HTTP_TIMEOUT bounds it).
 */
const POOLS: Readonly<Record<string, http.Agent>> = {
  'http:': new http.Agent({ keepAlive: true, timeout: 4_000 }),
  'https:': new https.Agent({ keepAlive: true, timeout: 4_000 }),
};

/**
 * supertest, loaded at the first call: what loads the steps without calling an API — the living
 * docs' step vocabulary, a dry run — does without it and what it loads (about 60 ms).
 */
let supertest: typeof request | undefined;

/** How a pooled connection the service closed fails: reset, or written to after it closed. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Drives the API with supertest. Every call goes through `Traffic`, so it is contract-checked,
 * attached to the report and remembered as the scenario's last response.
 */
export class HttpClient {
  private last: ApiResponse | undefined;

  constructor(
    private readonly apiBaseUrl: URL,
    private readonly traffic: Traffic,
    private readonly timeoutMs: number,
    private readonly nameRequest: RequestNamer = (method, url) => `${method} ${url}`,
  ) {}

  get lastResponse(): ApiResponse {
    if (!this.last) throw new Error('No API call has been made in this scenario yet');
    return this.last;
  }

  async send(call: ApiRequest): Promise<ApiResponse> {
    const url = this.urlOf(call);
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    for (const [name, value] of Object.entries(call.headers ?? {})) headers[name.toLowerCase()] = value;
    let payload: string | Buffer | undefined;
    if (call.rawBody !== undefined) payload = call.rawBody;
    else if (call.body !== undefined) payload = JSON.stringify(call.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';

    // Loaded before the clock starts: the first exchange's time is the exchange's.
    const send = supertest ?? (supertest = (await import('supertest')).default);
    const started = Date.now();
    const res = await this.exchange(send, url, call.method, headers, payload);
    const responseHeaders = lowerCaseHeaders(res.headers);
    const exchange: HttpExchange = {
      source: 'api',
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      request: {
        method: call.method,
        url: url.toString(),
        headers,
        // Binary parts are recorded as text: the report and the contract check read text.
        ...recordedBody(headers, Buffer.isBuffer(payload) ? payload.toString('utf8') : payload),
      },
      response: {
        status: res.status,
        headers: responseHeaders,
        ...recordedBody(responseHeaders, typeof res.body === 'string' ? res.body : undefined),
      },
    };
    // The response is the scenario's last one even when the contract check below rejects it, so a
    // failing step's report still shows what came back.
    const record = this.traffic.record(exchange);
    this.last = { status: res.status, headers: responseHeaders, body: exchange.response.body, record };
    this.traffic.raiseViolations(record);
    return this.last;
  }

  /**
   * The request over a pooled connection, as a browser or any production client sends it. A pooled
   * connection the service closed while it sat idle fails before the request reaches the service:
   * it is sent once more, over a new connection (Node's own advice for `reusedSocket`), when no
   * answer had begun to come back.
   */
  private async exchange(
    send: typeof request,
    url: URL,
    method: HttpMethod,
    headers: Record<string, string>,
    payload: string | Buffer | undefined,
  ): Promise<request.Response> {
    const pooled = this.request(send, url, method, headers, payload, POOLS[url.protocol] ?? false);
    try {
      return await pooled;
    } catch (error) {
      // Only when no answer had begun: a service that answered, or began to, has seen the call.
      const req = (pooled as unknown as { req?: http.ClientRequest & { res?: unknown } }).req;
      const stale = req?.reusedSocket === true && req.res == null;
      if (!stale || !STALE_CONNECTION.has((error as SuperagentError).code ?? '')) {
        throw this.unreachable(error as SuperagentError, method, url);
      }
    }
    try {
      return await this.request(send, url, method, headers, payload, false);
    } catch (error) {
      throw this.unreachable(error as SuperagentError, method, url);
    }
  }

  private request(
    send: typeof request,
    url: URL,
    method: HttpMethod,
    headers: Record<string, string>,
    payload: string | Buffer | undefined,
    agent: http.Agent | false,
  ): request.Test {
    const test = send(url.origin)
      [lowerMethod(method)](url.pathname + url.search)
      .agent(agent as http.Agent)
      .set(headers)
      .timeout({ response: this.timeoutMs, deadline: this.timeoutMs })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    // Sent as it is: superagent would serialize a Buffer by its Content-Type (JSON, urlencoded).
    return payload === undefined
      ? test
      : test.serialize((raw: string | Buffer) => raw as string).send(payload);
  }

  private urlOf(call: ApiRequest): URL {
    const base = (call.baseUrl ?? this.apiBaseUrl).toString().replace(/\/$/, '');
    // Joined by hand: `searchParams.append` would re-encode the styled pairs (`|`, `,`, `[`).
    const pairs = new URLSearchParams(
      Object.entries(call.query ?? {}).map(([name, value]) => [name, String(value)]),
    ).toString();
    const query = [call.queryString ?? '', pairs].filter((part) => part !== '').join('&');
    const path = call.path.startsWith('/') ? call.path : `/${call.path}`;
    return new URL(base + path + (query === '' ? '' : `?${query}`));
  }

  private unreachable(error: SuperagentError, method: string, url: URL): Error {
    const target = this.nameRequest(method, url.toString());
    if (error.timeout !== undefined) {
      return new ServiceUnreachableError(`${target}: no response within ${this.timeoutMs} ms (HTTP_TIMEOUT)`);
    }
    // Supertest rethrows a refused connection as a plain Error('ECONNREFUSED: Connection refused').
    const code = error.code ?? /^(E[A-Z]{3,})\b/.exec(error.message ?? '')?.[1];
    if (code) {
      return new ServiceUnreachableError(`service unreachable at ${url.origin}: ${code} during ${target}`);
    }
    return error instanceof Error ? error : new Error(String(error.message));
  }
}

function lowerMethod(method: HttpMethod): 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' {
  return method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
}

export function lowerCaseHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}
