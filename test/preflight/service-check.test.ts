import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContract, type Contract } from '../../support/contract/load';
import {
  healthOperation,
  probeOperation,
  serviceProblem,
  uncheckable,
} from '../../support/preflight/service-check';
import { tempFile } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');

/** A service whose health check fails `failures` times before it answers 200. */
async function startingService(failures: number): Promise<{ url: URL; close: () => Promise<void> }> {
  let calls = 0;
  const server = http.createServer((_req, res) => {
    calls += 1;
    res.writeHead(calls > failures ? 200 : 503, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/api/v1`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the preflight check that the service answers', () => {
  let contract: Contract;
  before(async () => {
    contract = await loadContract(path.join(ROOT, 'specs/openapi.yaml'));
  });

  it("finds the contract's health operation", () => {
    assert.equal(healthOperation(contract)?.operationId, 'getHealth');
  });

  it('waits for a service that is still starting', async () => {
    const service = await startingService(2);
    after(service.close);
    assert.equal(
      await serviceProblem(service.url, contract, { waitMs: 3_000, attemptTimeoutMs: 500 }),
      undefined,
    );
  });

  it('says which check failed and how, once the wait is over', async () => {
    const service = await startingService(1_000);
    after(service.close);
    const problem = await serviceProblem(service.url, contract, { waitMs: 300, attemptTimeoutMs: 200 });
    assert.match(
      problem ?? '',
      /^the service does not answer: getHealth \(GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/health\) answered 503 /,
    );
  });

  it('names a refused connection', async () => {
    const service = await startingService(0);
    await service.close();
    const problem = await serviceProblem(service.url, contract, { waitMs: 0, attemptTimeoutMs: 200 });
    assert.match(
      problem ?? '',
      /getHealth \(GET [^)]+\) failed: ECONNREFUSED \(waited 0 s; is BASE_URL right/,
    );
  });
});

describe('the preflight check of a contract without a health operation', () => {
  /** A service that answers `/v2/stations` but not `/stations`, or the other way round. */
  async function serving(prefix: string): Promise<{ origin: string; close: () => Promise<void> }> {
    const server = http.createServer((req, res) => {
      const known = req.url === `${prefix}/stations`;
      res.writeHead(known ? 200 : 404, { 'content-type': 'application/json' }).end(known ? '[]' : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      origin: `http://127.0.0.1:${port}`,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }
  let tides: Contract;
  before(async () => {
    tides = await loadContract(path.join(ROOT, 'test/fixtures/projects/tides/specs/tides.yaml'));
  });

  it('probes a safe GET of the contract, and passes where the API is', async () => {
    assert.equal(probeOperation(tides)?.operationId, 'listStations');
    const service = await serving('/v2');
    after(service.close);
    assert.equal(
      await serviceProblem(new URL(`${service.origin}/v2`), tides, { waitMs: 0, attemptTimeoutMs: 500 }),
      undefined,
    );
  });

  it('says the API is served at the root when the base path answers 404 and the root does not', async () => {
    const service = await serving('');
    after(service.close);
    const problem = await serviceProblem(new URL(`${service.origin}/v2`), tides, {
      waitMs: 0,
      attemptTimeoutMs: 500,
      basePathSetting: 'API_BASE_PATH_TIDES',
    });
    assert.equal(
      problem,
      `the API is not at ${service.origin}/v2: listStations (GET ${service.origin}/v2/stations) answered 404, which the contract does not document; at ${service.origin} it answers 200: the API is served at the root: set basePath: / in the project file, or API_BASE_PATH_TIDES=/`,
    );
  });

  it("says the API is under the contract's base path when the root answers 404", async () => {
    const service = await serving('/v2');
    after(service.close);
    const problem = await serviceProblem(new URL(service.origin), tides, {
      waitMs: 0,
      attemptTimeoutMs: 500,
    });
    assert.match(
      problem ?? '',
      /at http:\/\/127\.0\.0\.1:\d+\/v2 it answers 200: the API is under the contract's base path: set basePath: \/v2 in the project file, or API_BASE_PATH=\/v2$/,
    );
  });

  it('notes when the contract offers nothing to check but the host', async () => {
    const bare = await loadContract(
      tempFile(
        'bare.yaml',
        'openapi: 3.1.0\ninfo: { title: B, version: "1" }\npaths:\n  /orders/{id}:\n    get:\n      operationId: getOrder\n      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n      responses: { "200": { description: ok } }\n',
      ),
    );
    assert.equal(probeOperation(bare), undefined);
    assert.match(
      uncheckable(bare) ?? '',
      /^nothing could be checked before the run but that the host answers/,
    );
    assert.equal(uncheckable(tides), undefined);
  });
});
