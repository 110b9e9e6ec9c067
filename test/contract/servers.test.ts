import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIV3 } from 'openapi-types';
import { SpecError, loadContract, type Contract } from '../../support/contract/load';
import { serverUrl } from '../../support/contract/servers';
import { UsageError, displayPath } from '../../support/errors';
import { HttpClient } from '../../support/http/client';
import { Traffic } from '../../support/http/traffic';
import { tempFile } from '../helpers/temp';

const FIXTURES = path.join(__dirname, '../fixtures/openapi31');
const SEED_SWAP = path.join(FIXTURES, 'openapi.yaml');
const shown = displayPath(SEED_SWAP);

/** A contract made of nothing but its servers, for the cases no fixture should hold. */
function withServers(servers: OpenAPIV3.ServerObject[] | undefined): {
  file: string;
  document: OpenAPIV3.Document;
} {
  return {
    file: SEED_SWAP,
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      ...(servers ? { servers } : {}),
    },
  };
}

function usageError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/, 'the message is one line');
    return error.message;
  }
  assert.fail('no error');
}

describe('serverUrl', () => {
  let contract: Contract;
  before(async () => {
    contract = await loadContract(SEED_SWAP);
  });

  it('fills every variable with its default', () => {
    assert.equal(serverUrl(contract), 'https://api.example.test/v1');
  });

  it('fills the variables given, the others with their defaults', () => {
    assert.equal(serverUrl(contract, { variables: { version: 'v2' } }), 'https://api.example.test/v2');
    assert.equal(
      serverUrl(contract, { variables: { version: 'v2', scheme: 'http' } }),
      'http://api.example.test/v2',
    );
  });

  it('picks the server by its index', () => {
    assert.equal(serverUrl(contract, { index: 1 }), 'http://localhost:7070/swap');
  });

  it('refuses a value outside the variable’s enum', () => {
    assert.equal(
      usageError(() => serverUrl(contract, { variables: { version: 'v3' } })),
      `${shown}: server 0 ({scheme}://api.example.test/{version}): variable version = "v3" is not one of "v1", "v2"`,
    );
  });

  it('refuses a variable the server does not declare', () => {
    assert.equal(
      usageError(() => serverUrl(contract, { variables: { region: 'eu' } })),
      `${shown}: server 0 ({scheme}://api.example.test/{version}) declares no variable "region" (it declares: scheme, version)`,
    );
    assert.equal(
      usageError(() => serverUrl(contract, { index: 1, variables: { version: 'v2' } })),
      `${shown}: server 1 (http://localhost:7070/swap) declares no variable "version" (it declares none)`,
    );
  });

  it('refuses an index past the last server, listing the servers', () => {
    assert.equal(
      usageError(() => serverUrl(contract, { index: 2 })),
      `${shown}: no server 2 (the contract lists 2 servers: 0 {scheme}://api.example.test/{version}, 1 http://localhost:7070/swap)`,
    );
  });

  it('refuses a {name} in the URL that no variable declares', () => {
    const undeclared = withServers([{ url: 'https://{region}.example.test/v1' }]);
    assert.equal(
      usageError(() => serverUrl(undeclared)),
      `${shown}: server 0 (https://{region}.example.test/v1) uses {region} but declares no variable "region"`,
    );
  });

  it('keeps a relative URL relative, and gives / when the contract lists no servers', () => {
    assert.equal(serverUrl(withServers([{ url: '/api/v1' }])), '/api/v1');
    assert.equal(serverUrl(withServers(undefined)), '/');
    assert.equal(
      usageError(() => serverUrl(withServers(undefined), { index: 1 })),
      `${shown}: no server 1 (the contract lists no servers, so only server 0 (/) exists)`,
    );
  });
});

describe('Contract.basePath', () => {
  it('is the path of the first server with its variables at their defaults', async () => {
    assert.equal((await loadContract(SEED_SWAP)).basePath, '/v1');
  });

  it('is the path of a relative server URL, and empty at the root', async () => {
    assert.equal(
      (await loadContract(path.join(FIXTURES, 'exclusive-bounds-3.0.yaml'))).basePath,
      '/trays-api',
    );
    const seedSwap = fs.readFileSync(SEED_SWAP, 'utf8');
    const atRoot = tempFile(
      'root.yaml',
      seedSwap.replace("'{scheme}://api.example.test/{version}'", "'{scheme}://api.example.test/'"),
    );
    assert.equal((await loadContract(atRoot)).basePath, '');
  });

  it('refuses to load a contract whose first server uses an undeclared variable', async () => {
    const seedSwap = fs.readFileSync(SEED_SWAP, 'utf8');
    const file = tempFile(
      'region.yaml',
      seedSwap.replace('api.example.test/{version}', '{region}.example.test/{version}'),
    );
    await assert.rejects(loadContract(file), (error: unknown) => {
      assert.ok(error instanceof SpecError);
      assert.equal(
        error.message,
        `${displayPath(file)}: server 0 ({scheme}://{region}.example.test/{version}) uses {region} but declares no variable "region"`,
      );
      return true;
    });
  });
});

describe('ApiRequest.baseUrl', () => {
  let server: http.Server;
  let origin: string;
  const seen: string[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the call below the base URL it names instead of the client’s own', async () => {
    const client = new HttpClient(
      new URL(`${origin}/first-service/v1`),
      new Traffic(undefined, [], { negative: false }),
      5_000,
    );
    await client.send({ method: 'GET', path: '/packets', query: { page: 2 } });
    await client.send({ method: 'GET', baseUrl: new URL(`${origin}/second-service/v2/`), path: '/trays' });
    assert.deepEqual(seen, ['/first-service/v1/packets?page=2', '/second-service/v2/trays']);
  });
});
