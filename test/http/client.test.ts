import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HttpClient, ServiceUnreachableError, lowerCaseHeaders } from '../../support/http/client';
import type { ExchangeRecord, HttpExchange, InspectionContext } from '../../support/http/exchange';
import { encodeMultipart } from '../../support/http/form-body';
import { ContractViolationError, Traffic } from '../../support/http/traffic';

/** What the test server saw of a request. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A service on a free loopback port: `/echo…` answers with the request it got as JSON; the others
 * answer text, nothing, a problem document, JSON that does not parse, or never.
 */
async function startServer(): Promise<{ origin: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      const path = new URL(request.url, 'http://x').pathname;
      if (path.endsWith('/text')) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'X-Trace-Id': 'abc' });
        res.end('plain words');
      } else if (path.endsWith('/empty')) {
        res.writeHead(204).end();
      } else if (path.endsWith('/problem')) {
        res.writeHead(404, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Not Found', status: 404 }));
      } else if (path.endsWith('/broken-json')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"unterminated":');
      } else if (path.endsWith('/silent')) {
        // Never answers: the client's timeout has to end the call.
      } else {
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(request));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: one a server had a moment ago. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const quiet: InspectionContext = { negative: false };

describe('HttpClient', () => {
  let service: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    service = await startServer();
  });
  after(() => service.close());

  const clientAt = (base: string, traffic = new Traffic(undefined, [], quiet), timeoutMs = 5_000) =>
    new HttpClient(new URL(base), traffic, timeoutMs);
  const lastSeen = (): Seen => service.seen[service.seen.length - 1]!;

  it('joins the base URL and the path with one slash, whatever slashes each has', async () => {
    for (const [base, path] of [
      [`${service.origin}/api/v1`, '/echo'],
      [`${service.origin}/api/v1/`, '/echo'],
      [`${service.origin}/api/v1/`, 'echo'],
      [`${service.origin}/api/v1`, 'echo'],
    ] as const) {
      await clientAt(base).send({ method: 'GET', path });
      assert.equal(lastSeen().url, '/api/v1/echo', `${base} + ${path}`);
    }
    await clientAt(`${service.origin}/`).send({ method: 'GET', path: '/echo' });
    assert.equal(lastSeen().url, '/echo', 'an API at the root');
  });

  it('keeps an encoded path as it is, and puts the styled query string before the encoded pairs', async () => {
    const client = clientAt(`${service.origin}/api`);
    const response = await client.send({
      method: 'GET',
      path: '/echo/%2B886912345678',
      queryString: 'tags=a|b&f[x]=1',
      query: { q: 'a b&c', page: 2, all: true },
    });
    assert.equal(lastSeen().url, '/api/echo/%2B886912345678?tags=a|b&f[x]=1&q=a+b%26c&page=2&all=true');
    assert.equal(
      response.record.exchange.request.url,
      `${service.origin}/api/echo/%2B886912345678?tags=a|b&f[x]=1&q=a+b%26c&page=2&all=true`,
    );
    await client.send({ method: 'GET', path: '/echo', query: {} });
    assert.equal(lastSeen().url, '/api/echo', 'no query, no question mark');
  });

  it('sends a JSON body as JSON, with the caller’s headers lower-cased and Accept for JSON and problems', async () => {
    const client = clientAt(`${service.origin}/api`);
    const response = await client.send({
      method: 'POST',
      path: '/echo',
      headers: { 'X-Request-ID': 'r-7', Authorization: 'Bearer t' },
      body: { number: '+886912345678', count: 3 },
    });
    const seen = lastSeen();
    assert.equal(seen.method, 'POST');
    assert.equal(seen.headers['content-type'], 'application/json');
    assert.equal(seen.headers.accept, 'application/json, application/problem+json');
    assert.equal(seen.headers['x-request-id'], 'r-7');
    assert.equal(seen.headers.authorization, 'Bearer t');
    assert.deepEqual(JSON.parse(seen.body), { number: '+886912345678', count: 3 });
    assert.equal(response.status, 201);
    assert.equal((response.body as Seen).method, 'POST', 'a JSON response comes back parsed');
    assert.deepEqual(response.record.exchange.request.headers, {
      accept: 'application/json, application/problem+json',
      'x-request-id': 'r-7',
      authorization: 'Bearer t',
      'content-type': 'application/json',
    });
    assert.deepEqual(response.record.exchange.request.body, { number: '+886912345678', count: 3 });
  });

  it('lets the caller’s Accept and Content-Type win over its own', async () => {
    await clientAt(service.origin).send({
      method: 'PUT',
      path: '/echo',
      headers: { Accept: 'text/plain', 'Content-Type': 'application/merge-patch+json' },
      body: { a: 1 },
    });
    assert.equal(lastSeen().headers.accept, 'text/plain');
    assert.equal(lastSeen().headers['content-type'], 'application/merge-patch+json');
  });

  it('sends a raw body verbatim instead of a JSON one, and records text as text', async () => {
    const client = clientAt(service.origin);
    const xml = '<report number="+886912345678"/>';
    const response = await client.send({
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/xml' },
      body: { ignored: true },
      rawBody: xml,
    });
    assert.equal(lastSeen().body, xml);
    assert.equal(lastSeen().headers['content-type'], 'application/xml');
    assert.equal(response.record.exchange.request.body, xml);

    const malformed = await client.send({ method: 'POST', path: '/echo', rawBody: '{"number": ' });
    assert.equal(lastSeen().headers['content-type'], 'application/json', 'a raw body is JSON unless told');
    assert.equal(malformed.record.exchange.request.body, '{"number": ');
    assert.equal(malformed.record.exchange.request.malformedJson, true);

    // A Buffer goes as its bytes whatever the Content-Type (superagent serializes objects by it).
    await client.send({ method: 'POST', path: '/echo', rawBody: Buffer.from('["bytes ü"]', 'utf8') });
    assert.equal(lastSeen().body, '["bytes ü"]');
    assert.equal(lastSeen().headers['content-type'], 'application/json');
    const form = await client.send({
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: Buffer.from('a=1&b=2', 'utf8'),
    });
    assert.equal(lastSeen().body, 'a=1&b=2');
    assert.deepEqual(form.record.exchange.request.body, { a: '1', b: '2' }, 'recorded as the form it sent');
  });

  it('sends a multipart form’s bytes with its boundary, and records the fields it holds', async () => {
    const form = encodeMultipart([
      { name: 'number', value: '+886912345678' },
      {
        name: 'screenshot',
        file: { filename: 'sms.txt', content: Buffer.from('WIN a prize'), contentType: 'text/plain' },
      },
    ]);
    const response = await clientAt(service.origin).send({
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': form.contentType },
      rawBody: form.body,
    });
    assert.equal(lastSeen().headers['content-type'], form.contentType);
    assert.equal(lastSeen().body, form.body.toString('utf8'));
    assert.deepEqual(response.record.exchange.request.body, {
      number: '+886912345678',
      screenshot: 'WIN a prize',
    });
  });

  it('sends no body and no Content-Type when there is none', async () => {
    const response = await clientAt(service.origin).send({ method: 'DELETE', path: '/echo' });
    assert.equal(lastSeen().method, 'DELETE');
    assert.equal(lastSeen().headers['content-type'], undefined);
    assert.equal(lastSeen().body, '');
    assert.equal(response.record.exchange.request.body, undefined);
  });

  it('records text, empty, problem and malformed JSON responses as they came, headers lower-cased', async () => {
    const client = clientAt(service.origin);
    const text = await client.send({ method: 'GET', path: '/text' });
    assert.equal(text.body, 'plain words');
    assert.equal(text.headers['x-trace-id'], 'abc');
    assert.equal(text.headers['content-type'], 'text/plain; charset=utf-8');
    const empty = await client.send({ method: 'GET', path: '/empty' });
    assert.equal(empty.status, 204);
    assert.equal(empty.body, undefined);
    const problem = await client.send({ method: 'GET', path: '/problem' });
    assert.equal(problem.status, 404, 'an error status is a response, not an exception');
    assert.deepEqual(problem.body, { title: 'Not Found', status: 404 });
    const broken = await client.send({ method: 'GET', path: '/broken-json' });
    assert.equal(broken.body, '{"unterminated":');
    assert.equal(broken.record.exchange.response.malformedJson, true);
  });

  it('hands each exchange to Traffic once, as an API exchange with its timing, and keeps the last response', async () => {
    const sunk: ExchangeRecord[] = [];
    const traffic = new Traffic(undefined, [(record) => sunk.push(record)], quiet);
    const client = clientAt(`${service.origin}/api`, traffic);
    assert.throws(() => client.lastResponse, /^Error: No API call has been made in this scenario yet$/);
    const before = Date.now();
    await client.send({ method: 'GET', path: '/text' });
    const second = await client.send({ method: 'GET', path: '/echo' });
    assert.equal(sunk.length, 2);
    assert.deepEqual(traffic.records, sunk);
    const recorded = sunk[1]!.exchange;
    assert.equal(recorded.source, 'api');
    assert.equal(recorded.request.method, 'GET');
    assert.equal(recorded.request.url, `${service.origin}/api/echo`);
    assert.equal(recorded.response.status, 201);
    assert.ok(Date.parse(recorded.startedAt) >= before - 1);
    assert.ok(recorded.durationMs >= 0);
    assert.equal(client.lastResponse, second);
    assert.equal(second.record, sunk[1]);
  });

  it('fails a call that breaks the contract after recording it: the last response is what came back', async () => {
    const inspected: HttpExchange[] = [];
    const traffic = new Traffic(
      {
        inspect: (exchange) => {
          inspected.push(exchange);
          return {
            operationId: 'getText',
            validated: true,
            undocumented: false,
            violations: ['status 200: wrong'],
          };
        },
      },
      [],
      quiet,
    );
    const client = clientAt(service.origin, traffic);
    await assert.rejects(client.send({ method: 'GET', path: '/text' }), (error: unknown) => {
      assert.ok(error instanceof ContractViolationError);
      assert.match(
        error.message,
        /^Contract violation in getText → 200 \(GET http:\/\/127\.0\.0\.1:\d+\/text\):\n {2}- status 200: wrong$/,
      );
      return true;
    });
    assert.equal(inspected.length, 1);
    assert.equal(client.lastResponse.body, 'plain words');
    assert.deepEqual(client.lastResponse.record.assessment.violations, ['status 200: wrong']);
  });

  it('says in one line that the service is unreachable, naming its origin and the call', async () => {
    const port = await closedPort();
    const client = clientAt(`http://127.0.0.1:${port}/api`);
    await assert.rejects(
      client.send({ method: 'GET', path: '/numbers/1', query: { a: 1 } }),
      (error: unknown) => {
        assert.ok(error instanceof ServiceUnreachableError);
        assert.equal(error.name, 'ServiceUnreachable');
        assert.equal(
          error.message,
          `service unreachable at http://127.0.0.1:${port}: ECONNREFUSED during GET http://127.0.0.1:${port}/api/numbers/1?a=1`,
        );
        return true;
      },
    );
    assert.throws(() => client.lastResponse, /No API call has been made/, 'no response to remember');
  });

  it('names the call by the request namer it is given', async () => {
    const port = await closedPort();
    const client = new HttpClient(
      new URL(`http://127.0.0.1:${port}`),
      new Traffic(undefined, [], quiet),
      5_000,
      (method, url) => `lookUpNumber (${method} ${new URL(url).pathname})`,
    );
    await assert.rejects(
      client.send({ method: 'GET', path: '/numbers/1' }),
      new RegExp(
        `^ServiceUnreachable: service unreachable at http://127\\.0\\.0\\.1:${port}: ECONNREFUSED during lookUpNumber \\(GET /numbers/1\\)$`,
      ),
    );
  });

  it('gives up on a service that does not answer within its timeout, saying which setting to raise', async () => {
    const traffic = new Traffic(undefined, [], quiet);
    const client = clientAt(service.origin, traffic, 150);
    const started = Date.now();
    await assert.rejects(client.send({ method: 'GET', path: '/silent' }), (error: unknown) => {
      assert.ok(error instanceof ServiceUnreachableError);
      assert.equal(error.message, `GET ${service.origin}/silent: no response within 150 ms (HTTP_TIMEOUT)`);
      return true;
    });
    assert.ok(Date.now() - started < 2_000, 'it did not wait for long');
    assert.deepEqual(traffic.records, [], 'nothing was exchanged');
  });
});

/** What the service over raw sockets does with a request on a connection it answered before. */
type OnReuse = 'answer' | 'close' | 'half-answer';

/**
 * A service over raw sockets that keeps each connection open after answering. A later request on
 * the same connection it answers, closes the connection at (as a service whose idle timeout ran out
 * just then does), or begins to answer and then closes; `dying` closes at every request.
 */
async function startSocketService(): Promise<{
  origin: string;
  connections: () => number;
  set: (setting: { onReuse?: OnReuse; dying?: boolean }) => void;
  close: () => Promise<void>;
}> {
  const ANSWER =
    'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\nConnection: keep-alive\r\n\r\n';
  let connections = 0;
  let onReuse: OnReuse = 'answer';
  let dying = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let requests = 0;
    socket.on('data', (chunk) => {
      if (!chunk.includes('\r\n\r\n')) return;
      requests += 1;
      const reused = requests > 1;
      if (dying || (reused && onReuse === 'close')) return void socket.destroy();
      if (reused && onReuse === 'half-answer')
        return void socket.write(`${ANSWER}{"ok"`, () => socket.destroy());
      socket.write(`${ANSWER}{"ok":true}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    set: (setting) => {
      onReuse = setting.onReuse ?? onReuse;
      dying = setting.dying ?? dying;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('HttpClient over pooled connections', () => {
  const quiet = { negative: false };
  let service: Awaited<ReturnType<typeof startSocketService>>;
  before(async () => (service = await startSocketService()));
  after(() => service.close());
  const client = (): HttpClient =>
    new HttpClient(new URL(service.origin), new Traffic(undefined, [], quiet), 5_000);
  /** The calls go over a connection of their own, not one an earlier test left open. */
  const fresh = async (): Promise<HttpClient> => {
    service.set({ onReuse: 'close', dying: false });
    await client().send({ method: 'GET', path: '/settle' });
    service.set({ onReuse: 'answer' });
    return client();
  };

  it('sends the next call over the connection the last one used', async () => {
    const api = await fresh();
    const before = service.connections();
    await api.send({ method: 'GET', path: '/one' });
    await api.send({ method: 'GET', path: '/two' });
    await api.send({ method: 'POST', path: '/three', body: { n: 3 } });
    assert.ok(
      service.connections() - before <= 1,
      `${service.connections() - before} connections for 3 calls`,
    );
  });

  it('sends a call again over a new connection when the service closed the kept one before answering', async () => {
    const api = await fresh();
    await api.send({ method: 'GET', path: '/one' });
    const before = service.connections();
    service.set({ onReuse: 'close' });
    const second = await api.send({ method: 'POST', path: '/two', body: { n: 2 } });
    assert.deepEqual(second.body, { ok: true });
    assert.equal(service.connections(), before + 1);
  });

  it('does not send a call again once the service began to answer it', async () => {
    const api = await fresh();
    await api.send({ method: 'GET', path: '/one' });
    const before = service.connections();
    service.set({ onReuse: 'half-answer' });
    await assert.rejects(api.send({ method: 'POST', path: '/two', body: { n: 2 } }), /^ServiceUnreachable: /);
    assert.equal(service.connections(), before, 'no new connection: the call went once');
  });

  it('sends a call once when a new connection fails: the service is unreachable', async () => {
    const api = await fresh();
    await api.send({ method: 'GET', path: '/warm' });
    const before = service.connections();
    service.set({ dying: true });
    try {
      await assert.rejects(
        api.send({ method: 'GET', path: '/three' }),
        /^ServiceUnreachable: service unreachable at http:\/\/127\.0\.0\.1:\d+: ECONNRESET during GET /,
      );
    } finally {
      service.set({ dying: false });
    }
    // The kept connection, then one new one: no third try.
    assert.equal(service.connections(), before + 1);
  });
});

describe('lowerCaseHeaders', () => {
  it('lower-cases names, joins repeated values and leaves out absent ones', () => {
    assert.deepEqual(lowerCaseHeaders({ 'X-One': '1', 'Set-Cookie': ['a=1', 'b=2'], 'X-None': undefined }), {
      'x-one': '1',
      'set-cookie': 'a=1, b=2',
    });
  });
});
