import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContract, type Contract } from '../../support/contract/load';
import { healthOperation, serviceProblem } from '../../support/preflight/service-check';

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
