import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_REDACTION } from '../../support/config/config';
import { HttpClient } from '../../support/http/client';
import type {
  ExchangeAssessment,
  ExchangeInspector,
  ExchangeRecord,
  HttpExchange,
  InspectionContext,
} from '../../support/http/exchange';
import { NOT_INSPECTED } from '../../support/http/exchange';
import { ContractViolationError, Traffic } from '../../support/http/traffic';
import { REDACTED, Redactor } from '../../support/report/redact';
import { exchange } from '../helpers/exchanges';

/** An inspector that notes what it was asked and answers with `judge`'s assessment. */
function inspectorFor(judge: (exchange: HttpExchange) => ExchangeAssessment): {
  inspector: ExchangeInspector;
  seen: { url: string; context: InspectionContext }[];
} {
  const seen: { url: string; context: InspectionContext }[] = [];
  return {
    seen,
    inspector: {
      inspect: (inspected, context) => {
        seen.push({ url: inspected.request.url, context });
        return judge(inspected);
      },
    },
  };
}

const checked: ExchangeAssessment = {
  operationId: 'getItem',
  responseKey: '200',
  validated: true,
  undocumented: false,
  violations: [],
};
const broken: ExchangeAssessment = {
  operationId: 'getItem',
  validated: true,
  undocumented: false,
  violations: ['response body at /title: expected string, actual 42 (number) [rule: type]', 'second'],
};

const later = <T>(value: T, ms = 20): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));

/** A capture that completes when the test says, not when a timer fires on a loaded machine. */
function capture(path: string): { promise: Promise<ReturnType<typeof exchange>>; complete(): Promise<void> } {
  let resolve!: (value: ReturnType<typeof exchange>) => void;
  const promise = new Promise<ReturnType<typeof exchange>>((done) => (resolve = done));
  return {
    promise,
    complete: async () => {
      resolve(exchange({ path }));
      await later(undefined, 1);
    },
  };
}

describe('Traffic', () => {
  it('inspects each exchange with the scenario’s context, hands the record to every sink in order and keeps it', () => {
    const { inspector, seen } = inspectorFor(() => checked);
    const handed: string[] = [];
    const traffic = new Traffic(
      inspector,
      [(record) => handed.push(`first ${record.exchange.request.url}`), () => handed.push('second')],
      { negative: true },
    );
    const one = traffic.record(exchange({ path: '/items/1' }));
    const two = traffic.record(exchange({ path: '/items/2' }));
    assert.deepEqual(seen, [
      { url: 'http://library.test/v2/items/1', context: { negative: true } },
      { url: 'http://library.test/v2/items/2', context: { negative: true } },
    ]);
    assert.deepEqual(handed, [
      'first http://library.test/v2/items/1',
      'second',
      'first http://library.test/v2/items/2',
      'second',
    ]);
    assert.deepEqual(traffic.records, [one, two]);
    assert.equal(one.assessment, checked);
    assert.equal(one.exchange.request.url, 'http://library.test/v2/items/1');
  });

  it('records without a contract as not inspected', () => {
    const traffic = new Traffic(undefined, [], { negative: false });
    assert.deepEqual(traffic.record(exchange({ path: '/anything' })).assessment, NOT_INSPECTED);
  });

  it('raises an exchange’s violations only when asked, naming the operation, the call and each violation', () => {
    const traffic = new Traffic(inspectorFor(() => broken).inspector, [], { negative: false });
    const record = traffic.record(exchange({ path: '/items/1?full=true', body: { title: 42 } }));
    assert.equal(traffic.records.length, 1, 'recorded even though it breaks the contract');
    assert.throws(
      () => traffic.raiseViolations(record),
      (error: unknown) => {
        assert.ok(error instanceof ContractViolationError);
        assert.equal(error.name, 'ContractViolation');
        assert.equal(error.record, record);
        assert.equal(
          error.message,
          'Contract violation in getItem → 200 (GET http://library.test/v2/items/1?full=true):\n' +
            '  - response body at /title: expected string, actual 42 (number) [rule: type]\n' +
            '  - second',
        );
        return true;
      },
    );
    const clean = new Traffic(undefined, [], { negative: false });
    clean.raiseViolations(clean.record(exchange({ path: '/items/1' })));
  });

  it('names an exchange without an operation by method and path', () => {
    const traffic = new Traffic(
      inspectorFor(() => ({ validated: false, undocumented: true, violations: ['no such path'] })).inspector,
      [],
      { negative: false },
    );
    const record = traffic.record(exchange({ method: 'DELETE', path: '/nowhere', status: 404 }));
    assert.throws(
      () => traffic.raiseViolations(record),
      /^ContractViolation: Contract violation in DELETE \/v2\/nowhere → 404 \(DELETE http:\/\/library\.test\/v2\/nowhere\):\n {2}- no such path$/,
    );
  });

  it('settles the browser’s recordings at the end of a step: waits for them, raises the first violation once', async () => {
    const { inspector } = inspectorFor((inspected) =>
      inspected.request.url.endsWith('/bad') || inspected.request.url.endsWith('/worse') ? broken : checked,
    );
    const traffic = new Traffic(inspector, [], { negative: false });
    const [good, bad, worse] = ['/good', '/bad', '/worse'].map(capture) as [
      ReturnType<typeof capture>,
      ReturnType<typeof capture>,
      ReturnType<typeof capture>,
    ];
    for (const each of [good, bad, worse]) traffic.recordInBackground(() => each.promise);
    assert.equal(traffic.records.length, 0, 'nothing recorded before the captures resolve');
    // The captures complete in another order than they started: bad, worse, then good.
    const rejected = assert.rejects(traffic.settle(), (error: unknown) => {
      assert.ok(error instanceof ContractViolationError);
      assert.match(error.message, /\(GET http:\/\/library\.test\/v2\/bad\)/);
      return true;
    });
    await bad.complete();
    await worse.complete();
    await good.complete();
    await rejected;
    assert.deepEqual(
      traffic.records.map((record) => new URL(record.exchange.request.url).pathname),
      ['/v2/bad', '/v2/worse', '/v2/good'],
      'every capture recorded, in the order they completed',
    );
    await traffic.settle();
  });

  it('waits for a recording started while it settles', async () => {
    const traffic = new Traffic(undefined, [], { negative: false });
    traffic.recordInBackground(async () => {
      await later(undefined, 5);
      traffic.recordInBackground(() => later(exchange({ path: '/follow-up' }), 20));
      return exchange({ path: '/first' });
    });
    await traffic.settle();
    assert.equal(traffic.records.length, 2);
  });

  it('records nothing for a capture that found no exchange or whose page went away', async () => {
    const handed: ExchangeRecord[] = [];
    const traffic = new Traffic(undefined, [(record) => handed.push(record)], { negative: false });
    traffic.recordInBackground(() => Promise.resolve(undefined));
    traffic.recordInBackground(() =>
      Promise.reject(new Error('Target page, context or browser has been closed')),
    );
    await traffic.settle();
    assert.deepEqual(traffic.records, []);
    assert.deepEqual(handed, []);
  });
});

describe('Traffic over a real HTTP exchange: raw for the steps, redacted for the report', () => {
  let server: http.Server;
  let origin: string;
  const TOKEN = 'eyJhbGciOi.token-issued-by-the-service';
  before(async () => {
    server = http.createServer((req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'session=s3ss10n-value; Path=/; HttpOnly',
        'x-request-id': 'r-1',
      });
      res.end(JSON.stringify({ accessToken: TOKEN, echoed: req.headers.authorization, user: 'alice' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps every exchange as it was, while a redacting sink gives the report no secret', async () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    const reported: ExchangeRecord[] = [];
    const traffic = new Traffic(
      undefined,
      [
        (record) => {
          redactor.learnFrom(record);
          // What the World attaches: the record's redacted text.
          reported.push(JSON.parse(redactor.recordText(record, (redacted) => redacted)) as ExchangeRecord);
        },
      ],
      { negative: false },
    );
    const client = new HttpClient(new URL(`${origin}/api`), traffic, 5_000);
    await client.send({
      method: 'POST',
      path: '/auth/token',
      query: { token: 'query-secret-123' },
      headers: { Authorization: 'Bearer caller-token-456', Cookie: 'session=old-cookie-789; theme=dark' },
      body: { username: 'alice', password: 'pa55word-never-shown' },
    });

    const [raw] = traffic.records;
    assert.ok(raw);
    assert.equal(raw.exchange.request.method, 'POST');
    assert.equal(raw.exchange.request.url, `${origin}/api/auth/token?token=query-secret-123`);
    assert.equal(raw.exchange.request.headers.authorization, 'Bearer caller-token-456');
    assert.deepEqual(raw.exchange.request.body, { username: 'alice', password: 'pa55word-never-shown' });
    assert.equal(raw.exchange.response.status, 200);
    assert.equal(raw.exchange.response.headers['x-request-id'], 'r-1');
    assert.deepEqual(raw.exchange.response.body, {
      accessToken: TOKEN,
      echoed: 'Bearer caller-token-456',
      user: 'alice',
    });

    const [report] = reported;
    assert.ok(report);
    assert.equal(
      report.exchange.request.url,
      `${origin}/api/auth/token?token=${encodeURIComponent(REDACTED)}`,
    );
    assert.equal(report.exchange.request.headers.authorization, `Bearer ${REDACTED}`);
    assert.equal(report.exchange.request.headers.cookie, REDACTED);
    assert.equal(report.exchange.response.headers['set-cookie'], REDACTED);
    assert.deepEqual(report.exchange.request.body, { username: 'alice', password: REDACTED });
    assert.deepEqual(report.exchange.response.body, {
      accessToken: REDACTED,
      echoed: `Bearer ${REDACTED}`,
      user: 'alice',
    });
    const written = JSON.stringify(report);
    for (const secret of [
      TOKEN,
      'caller-token-456',
      'old-cookie-789',
      's3ss10n-value',
      'pa55word',
      'query-secret',
    ])
      assert.equal(written.includes(secret), false, `${secret} reached the report`);
    // The token the service issued is now a secret by value wherever it turns up next.
    assert.equal(redactor.text(`the page shows ${TOKEN}`), `the page shows ${REDACTED}`);
  });
});
