import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ContractInspector } from '../../support/contract/inspector';
import { loadContract } from '../../support/contract/load';
import { HttpClient } from '../../support/http/client';
import { recordedBody, type HttpExchange } from '../../support/http/exchange';
import { Traffic } from '../../support/http/traffic';
import { exchange } from '../helpers/exchanges';

const SEED_SWAP = path.join(__dirname, '../fixtures/openapi31/openapi.yaml');
const positive = { negative: false };
const JSON_HEADERS = { 'content-type': 'application/json' };

/** The exchange the harness records when the service answers `text` as application/json. */
function answered(path: string, text: string): HttpExchange {
  const recorded = exchange({ path, body: undefined });
  return {
    ...recorded,
    response: { status: 200, headers: JSON_HEADERS, ...recordedBody(JSON_HEADERS, text) },
  };
}

describe('recordedBody', () => {
  it('parses a JSON string body into the string, with no flag: it is valid JSON', () => {
    assert.deepEqual(recordedBody(JSON_HEADERS, '"Tomato"'), { body: 'Tomato' });
  });

  it('keeps text that does not parse as JSON, flagged', () => {
    assert.deepEqual(recordedBody(JSON_HEADERS, 'Tomato'), { body: 'Tomato', malformedJson: true });
  });

  it('keeps text of other media types as it is, and has no body for empty text', () => {
    assert.deepEqual(recordedBody({ 'content-type': 'text/plain' }, '"Tomato"'), { body: '"Tomato"' });
    assert.deepEqual(recordedBody(JSON_HEADERS, ''), { body: undefined });
  });
});

describe('a JSON string body is checked against its schema', () => {
  let inspector: ContractInspector;
  before(async () => {
    // The test helper sends every exchange below http://library.test/v2.
    inspector = new ContractInspector(await loadContract(SEED_SWAP), '/v2');
  });

  it('passes a JSON string against `type: string`, and applies the rest of that schema', () => {
    assert.deepEqual(inspector.inspect(answered('/packets/7/label', '"Tomato"'), positive).violations, []);
    assert.deepEqual(inspector.inspect(answered('/packets/7/label', '""'), positive).violations, [
      'response body at /: must NOT have fewer than 1 characters, actual "" (string) [rule: minLength]',
    ]);
  });

  it('fails a JSON string against `type: object` with a type violation', () => {
    assert.deepEqual(inspector.inspect(answered('/packets/7', '"string"'), positive).violations, [
      'response body at /: expected object, actual "string" (string) [rule: type]',
    ]);
  });

  it('says text that does not parse is not valid JSON, request and response alike', () => {
    assert.deepEqual(inspector.inspect(answered('/packets/7/label', 'Tomato'), positive).violations, [
      'response body is not valid JSON although it is declared as application/json',
    ]);
    const sent = exchange({ method: 'POST', path: '/plantings', status: 204 });
    const malformed: HttpExchange = {
      ...sent,
      request: { ...sent.request, headers: JSON_HEADERS, ...recordedBody(JSON_HEADERS, '{"form": ') },
    };
    assert.deepEqual(inspector.inspect(malformed, positive).violations, [
      'request body is not valid JSON although it is declared as application/json',
    ]);
  });

  it('keeps the difference through the JSON the exchange is attached as', () => {
    for (const text of ['"Tomato"', 'Tomato']) {
      const recorded = answered('/packets/7/label', text);
      const readBack = JSON.parse(JSON.stringify(recorded)) as HttpExchange;
      assert.deepEqual(readBack.response, recorded.response);
      assert.deepEqual(inspector.inspect(readBack, positive), inspector.inspect(recorded, positive));
    }
  });
});

describe('HttpClient records a JSON string body as valid JSON', () => {
  let server: http.Server;
  let apiRoot: URL;
  let traffic: Traffic;
  before(async () => {
    const contract = await loadContract(SEED_SWAP);
    server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(req.url === '/v1/packets/1/label' ? '"Tomato"' : 'Tomato');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiRoot = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}${contract.basePath}`);
    traffic = new Traffic(new ContractInspector(contract, contract.basePath), [], positive);
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes the JSON string and fails the text that is not JSON', async () => {
    const client = new HttpClient(apiRoot, traffic, 5_000);
    const label = await client.send({ method: 'GET', path: '/packets/1/label' });
    assert.equal(label.body, 'Tomato');
    assert.deepEqual(label.record.assessment.violations, []);
    await assert.rejects(
      client.send({ method: 'GET', path: '/packets/2/label' }),
      /response body is not valid JSON although it is declared as application\/json/,
    );
    assert.equal(client.lastResponse.record.exchange.response.malformedJson, true);
  });
});
