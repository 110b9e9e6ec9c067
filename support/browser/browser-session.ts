import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIResponse, Browser, BrowserContext, Page, Request, Route } from 'playwright';
import { lowerCaseHeaders } from '../http/client';
import { recordedBody, type HttpExchange } from '../http/exchange';
import type { Traffic } from '../http/traffic';
import { sameOrigin } from '../services/services';

export interface BrowserSessionOptions {
  /** Record a Playwright trace (screenshots, DOM snapshots, network) of the scenario. */
  readonly trace: boolean;
  readonly uiBaseUrl: URL;
  /** Is this request one of the project's API calls? Those go through the scenario's traffic. */
  readonly isApiCall: (url: URL) => boolean;
  /**
   * The paths the project's APIs are served below (`/api/v1`; `` for the root): what the page
   * calls on its own origin below them, or on any other origin, a step waits for.
   */
  readonly apiBasePaths: readonly string[];
  readonly timeoutMs: number;
  readonly traffic: Traffic;
}

/** The page's function resolving once every call it has started is answered. */
export const CALLS_ANSWERED = '__sbeHarnessCallsAnswered';

/**
 * Run in every page before its own scripts: counts the API calls (fetch and XHR) still unanswered —
 * those the harness intercepts: to another origin, or below an API's path on the page's own (a
 * long poll or a beacon of the page's own is not waited for). Each XHR call is settled once, by its
 * `loadend`, by a `send` that throws, or by an `open` that cancels it (the browser fires no event then).
 */
const countCalls = (apiBasePaths: readonly string[]): string => `(() => {
  const BASES = ${JSON.stringify(apiBasePaths)};
  const isApiCall = (target) => {
    try {
      const url = new URL(target instanceof Request ? target.url : String(target), location.href);
      if (url.origin !== location.origin) return true;
      return BASES.some((base) => base === '' || url.pathname === base || url.pathname.startsWith(base + '/'));
    } catch {
      return false;
    }
  };
  let unanswered = 0;
  const waiting = [];
  const answered = () => {
    unanswered -= 1;
    if (unanswered === 0) waiting.splice(0).forEach((resolve) => resolve());
  };
  const fetch = globalThis.fetch;
  globalThis.fetch = function (...args) {
    if (!isApiCall(args[0])) return fetch.apply(globalThis, args);
    unanswered += 1;
    return fetch.apply(globalThis, args).finally(answered);
  };
  const PENDING = Symbol('call the harness waits for');
  const TARGET = Symbol('where the call goes');
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (...args) {
    this[PENDING]?.();
    this[TARGET] = args[1];
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!isApiCall(this[TARGET])) return send.apply(this, args);
    unanswered += 1;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      this.removeEventListener('loadend', settle);
      if (this[PENDING] === settle) delete this[PENDING];
      answered();
    };
    const earlier = this[PENDING];
    this[PENDING] = settle;
    this.addEventListener('loadend', settle);
    try {
      return send.apply(this, args);
    } catch (error) {
      this[PENDING] = earlier;
      settle();
      throw error;
    }
  };
  Object.defineProperty(globalThis, ${JSON.stringify(CALLS_ANSWERED)}, {
    value: () => (unanswered === 0 ? undefined : new Promise((resolve) => waiting.push(resolve))),
  });
})();`;

/**
 * A fresh browser context and page for one scenario. The API calls the page makes go through
 * Playwright's network interception: each is fetched, recorded and checked, then handed to the page
 * unchanged. (Passive network events are not enough: when the page navigates right after a call —
 * signing in does — the response body is gone before it can be read.)
 */
export class BrowserSession {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private tracing: boolean,
    private readonly timeoutMs: number,
  ) {}

  static async open(browser: Browser, options: BrowserSessionOptions): Promise<BrowserSession> {
    const context = await browser.newContext({
      baseURL: options.uiBaseUrl.toString(),
      viewport: { width: 1280, height: 720 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    context.setDefaultTimeout(options.timeoutMs);
    context.setDefaultNavigationTimeout(options.timeoutMs * 2);
    // Every request the page makes is looked at, not only those to a host name the harness knows:
    // the API under another name is still the API, and a call to an API the project does not know
    // is recorded (an undocumented exchange) instead of passing unseen. The page's own resources go on.
    await context.route('**/*', (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (options.isApiCall(url) || isForeignCall(request, url, options.uiBaseUrl)) {
        return passThrough(route, options.traffic);
      }
      return route.fallback();
    });
    await context.addInitScript({ content: countCalls(options.apiBasePaths) });
    if (options.trace) await context.tracing.start({ screenshots: true, snapshots: true, sources: false });
    const page = await context.newPage();
    return new BrowserSession(context, page, options.trace, options.timeoutMs);
  }

  /**
   * Waits until the calls the page has started (fetch or XHR) have their answers, at most one UI
   * timeout. Playwright tells the harness of a call a moment after the page makes it: a step that
   * clicks and returns at once would otherwise end before its own call is recorded, and the call
   * would be checked, and attached, in the next step. Asking the page itself closes that gap.
   * A page that navigated away has nothing left to wait for.
   */
  async callsAnswered(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.timeoutMs);
    });
    const answered = this.context
      .pages()
      .map((page) =>
        page.evaluate(`globalThis[${JSON.stringify(CALLS_ANSWERED)}]?.()`).catch(() => undefined),
      );
    try {
      await Promise.race([Promise.all(answered), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops tracing; the trace zip when `keep`, else nothing (the recording is dropped). */
  async stopTrace(keep: boolean): Promise<Buffer | undefined> {
    if (!this.tracing) return undefined;
    this.tracing = false;
    if (!keep) {
      await this.context.tracing.stop();
      return undefined;
    }
    const file = path.join(
      os.tmpdir(),
      `sbe-trace-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.zip`,
    );
    await this.context.tracing.stop({ path: file });
    try {
      return await fs.promises.readFile(file);
    } finally {
      await fs.promises.rm(file, { force: true });
    }
  }

  screenshot(): Promise<Buffer> {
    return this.page.screenshot({ fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** A fetch or XHR to another origin than the web app's, and not to a service of the project. */
function isForeignCall(request: Request, url: URL, uiBaseUrl: URL): boolean {
  const kind = request.resourceType();
  return (kind === 'fetch' || kind === 'xhr') && !sameOrigin(url, uiBaseUrl);
}

/**
 * Fetches what the page asked for, records the exchange, and gives the page the same response.
 * The exchange is pending from the moment the page asks, so the step that made the page ask waits
 * for its contract check: a violation fails that step, not a later one.
 */
function passThrough(route: Route, traffic: Traffic): Promise<void> {
  return new Promise((handled) => {
    traffic.recordInBackground(async () => {
      const request = route.request();
      const started = Date.now();
      try {
        let response: APIResponse;
        try {
          response = await route.fetch();
        } catch {
          // The service is unreachable: let the page see the network error it would have seen.
          await route.abort('connectionrefused').catch(() => undefined);
          return undefined;
        }
        const body = await response.body();
        await route.fulfill({ response, body }).catch(() => undefined);
        return exchangeOf(request, response, body, started);
      } finally {
        handled();
      }
    });
  });
}

function exchangeOf(request: Request, response: APIResponse, body: Buffer, started: number): HttpExchange {
  const requestHeaders = lowerCaseHeaders(request.headers());
  const responseHeaders = lowerCaseHeaders(response.headers());
  return {
    source: 'browser',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    request: {
      method: request.method(),
      url: request.url(),
      headers: requestHeaders,
      ...recordedBody(requestHeaders, request.postData() ?? undefined),
    },
    response: {
      status: response.status(),
      headers: responseHeaders,
      ...recordedBody(responseHeaders, body.toString('utf8')),
    },
  };
}
