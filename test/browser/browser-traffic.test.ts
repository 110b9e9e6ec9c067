import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright';
import { BrowserSession, CALLS_ANSWERED } from '../../support/browser/browser-session';
import type { ExchangeAssessment, HttpExchange } from '../../support/http/exchange';
import { Traffic } from '../../support/http/traffic';
import { sameOrigin } from '../../support/services/services';
import { launchChromium } from '../helpers/browser';

/** The file's one browser, and the servers its tests start (closed after the last test). */
let browser: Browser;
const servers: http.Server[] = [];

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

/** A loopback server answering every request with `respond`; its port. */
async function serve(
  respond: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<number> {
  const server = http.createServer(respond);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const json = (res: http.ServerResponse, body: unknown): void => {
  res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(body));
};

describe('the browser session: the page calls the API under another host name, and an API nobody knows', () => {
  let api: number;
  let unknown: number;
  let ui: number;

  before(async () => {
    api = await serve((_req, res) => json(res, { ok: true }));
    unknown = await serve((_req, res) => json(res, { elsewhere: true }));
    ui = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<script>
        Promise.all([
          fetch('http://localhost:${api}/api/v1/health').then((r) => r.json()),
          fetch('http://127.0.0.1:${unknown}/partner/v2/lookup').then((r) => r.json()),
        ]).then(() => { document.title = 'done'; });
      </script>`);
    });
  });

  it('records the API call made under "localhost" and the one to an unknown origin, not the page itself', async () => {
    const apiRoot = new URL(`http://127.0.0.1:${api}/api/v1`);
    const inspector = {
      inspect: (exchange: HttpExchange): ExchangeAssessment => {
        const known = sameOrigin(new URL(exchange.request.url), apiRoot);
        return { validated: known, undocumented: !known, violations: [] };
      },
    };
    const traffic = new Traffic(inspector, [], { negative: false });
    const session = await BrowserSession.open(browser, {
      uiBaseUrl: new URL(`http://127.0.0.1:${ui}/`),
      isApiCall: (url) => sameOrigin(url, apiRoot) && url.pathname.startsWith('/api/v1/'),
      apiBasePaths: ['/api/v1'],
      timeoutMs: 10_000,
      traffic,
      trace: false,
    });
    try {
      await session.page.goto('/');
      await session.page.waitForFunction(() => document.title === 'done');
      await traffic.settle();
    } finally {
      await session.close();
    }
    const seen = traffic.records.map(({ exchange, assessment }) => ({
      url: exchange.request.url,
      undocumented: assessment.undocumented,
    }));
    assert.deepEqual(
      seen.sort((a, b) => a.url.localeCompare(b.url)),
      [
        { url: `http://127.0.0.1:${unknown}/partner/v2/lookup`, undocumented: true },
        { url: `http://localhost:${api}/api/v1/health`, undocumented: false },
      ].sort((a, b) => a.url.localeCompare(b.url)),
    );
  });
});

describe('the browser session: a step that clicks and returns at once', () => {
  let api: number;
  let ui: number;

  before(async () => {
    api = await serve((_req, res) => json(res, { ok: true }));
    ui = await serve((req, res) => {
      // The page's own long poll, and an API below /api/v1 on the page's own origin: never answered.
      if (req.url !== '/') return;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<button id="fetch" onclick="fetch('http://127.0.0.1:${api}/api/v1/by-fetch')">fetch</button>
        <button id="xhr" onclick="const x = new XMLHttpRequest(); x.open('GET', 'http://127.0.0.1:${api}/api/v1/by-xhr'); x.send()">xhr</button>
        <button id="reuse" onclick="const x = new XMLHttpRequest();
          x.onloadend = () => { document.title = 'answered ' + x.responseURL.split('/').pop(); };
          x.open('GET', 'http://127.0.0.1:${api}/api/v1/cancelled'); x.send();
          x.open('GET', 'http://127.0.0.1:${api}/api/v1/again'); x.send()">reuse</button>
        <button id="own" onclick="fetch('/poll'); const x = new XMLHttpRequest(); x.open('GET', '/poll'); x.send()">own</button>
        <button id="own-api" onclick="fetch('/api/v1/on-the-page-origin')">own api</button>`);
    });
  });

  /** A session whose API calls reach the harness `lagMs` after the page makes them, as on a loaded machine. */
  async function laggingSession(traffic: Traffic, lagMs: number): Promise<BrowserSession> {
    const apiRoot = new URL(`http://127.0.0.1:${api}/api/v1`);
    const session = await BrowserSession.open(browser, {
      uiBaseUrl: new URL(`http://127.0.0.1:${ui}/`),
      isApiCall: (url) => sameOrigin(url, apiRoot),
      apiBasePaths: ['/api/v1'],
      timeoutMs: 10_000,
      traffic,
      trace: false,
    });
    // Registered last, this route is asked first; it hands the call on to the harness's own later.
    await session.context.route('**/api/v1/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, lagMs));
      await route.fallback();
    });
    await session.page.goto('/');
    return session;
  }

  /** Runs `use` on a fresh lagging session and its traffic, and closes the session after. */
  async function withSession(
    lagMs: number,
    use: (session: BrowserSession, traffic: Traffic) => Promise<void>,
  ): Promise<void> {
    const traffic = new Traffic(undefined, [], { negative: false });
    const session = await laggingSession(traffic, lagMs);
    try {
      await use(session, traffic);
    } finally {
      await session.close();
    }
  }

  /** Whether the page has no unanswered API call: its own count, as a step's end reads it. */
  const nothingToWaitFor = (session: BrowserSession): Promise<unknown> =>
    session.page.evaluate(`globalThis[${JSON.stringify(CALLS_ANSWERED)}]() === undefined`);

  for (const button of ['fetch', 'xhr']) {
    it(`records the ${button} call in the step that clicked, though the harness hears of it late`, () =>
      withSession(3_000, async (session, traffic) => {
        await session.page.click(`#${button}`);
        // Without asking the page, the step would end here with its call not yet recorded.
        await traffic.settle();
        assert.equal(traffic.records.length, 0, 'the lag is there: the call has not reached the harness yet');
        await session.callsAnswered();
        await traffic.settle();
        assert.deepEqual(
          traffic.records.map(({ exchange }) => new URL(exchange.request.url).pathname),
          [`/api/v1/by-${button}`],
        );
      }));
  }

  it('counts an XHR opened again before its answer (the first call cancelled) as one call answered', () =>
    withSession(0, async (session) => {
      await session.page.click('#reuse');
      await session.page.waitForFunction(() => document.title === 'answered again');
      assert.equal(await nothingToWaitFor(session), true, "the page's own count is back to zero");
    }));

  it("does not wait for the page's own calls (a long poll), only for those to an API", () =>
    withSession(0, async (session) => {
      await session.page.click('#own');
      assert.equal(
        await nothingToWaitFor(session),
        true,
        'a call to /poll on the page origin is not waited for',
      );
      await session.page.click('#own-api');
      assert.equal(await nothingToWaitFor(session), false, 'a call below /api/v1 on the page origin is');
    }));

  it('does not wait on a page that has made no call', () =>
    withSession(0, async (session, traffic) => {
      await session.callsAnswered();
      assert.equal(traffic.records.length, 0);
    }));
});
