import path from 'node:path';
import type { HttpExchange } from '../../support/http/exchange';

export const LIBRARY_SPEC = path.join(__dirname, '../fixtures/library/openapi.yaml');
export const LIBRARY_BASE = 'http://library.test/v2';

interface Draft {
  method?: string;
  path: string;
  requestHeaders?: Record<string, string>;
  requestBody?: unknown;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** An exchange as the harness would record it, with sensible defaults for what a test leaves out. */
export function exchange(draft: Draft): HttpExchange {
  const status = draft.status ?? 200;
  return {
    source: 'api',
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    request: {
      method: draft.method ?? 'GET',
      url: `${LIBRARY_BASE}${draft.path}`,
      headers: {
        ...(draft.requestBody === undefined ? {} : { 'content-type': 'application/json' }),
        ...draft.requestHeaders,
      },
      body: draft.requestBody,
    },
    response: {
      status,
      headers: {
        ...(draft.body === undefined
          ? {}
          : { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }),
        ...draft.headers,
      },
      body: draft.body,
    },
  };
}
