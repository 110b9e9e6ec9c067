import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { ServiceConfig } from '../../support/config/config';
import { loadContract, type Contract } from '../../support/contract/load';
import { apiRootOf } from '../../support/services/api-root';
import { tempFile } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');

const service = (overrides: Partial<ServiceConfig> = {}): ServiceConfig => ({
  name: 'tides',
  contractFile: '',
  contractFrom: 'harness.config.yaml:1:1 contract',
  baseUrl: undefined,
  baseUrlFrom: 'BASE_URL',
  basePath: undefined,
  basePathFrom: 'API_BASE_PATH',
  server: 0,
  serverVariables: {},
  ...overrides,
});

describe("a service's API root: one rule for every service", () => {
  let tides: Contract;
  let callerId: Contract;
  before(async () => {
    tides = await loadContract(path.join(ROOT, 'test/fixtures/projects/tides/specs/tides.yaml'));
    callerId = await loadContract(path.join(ROOT, 'specs/openapi.yaml'));
  });

  const cases: [string, () => [ServiceConfig, Contract, string?], string][] = [
    [
      "the contract's server, its variables filled from their defaults",
      () => [service(), tides],
      'https://tides.example.test/v2',
    ],
    [
      "the contract's server, a variable set by the project",
      () => [service({ serverVariables: { scheme: 'http', version: 'v3' } }), tides],
      'http://tides.example.test/v3',
    ],
    ["another of the contract's servers", () => [service({ server: 1 }), tides], 'http://localhost:8099/v2'],
    [
      "a base URL that is only an origin: the contract server's path appended",
      () => [service({ baseUrl: new URL('http://127.0.0.1:4010') }), tides],
      'http://127.0.0.1:4010/v2',
    ],
    [
      'a base URL with a path: its path replaces the base path',
      () => [service({ baseUrl: new URL('http://gateway.test/tides/') }), tides],
      'http://gateway.test/tides',
    ],
    [
      'basePath / : served at the root',
      () => [service({ baseUrl: new URL('http://127.0.0.1:4010'), basePath: '/' }), tides],
      'http://127.0.0.1:4010/',
    ],
    [
      'basePath wins over the base URL’s own path',
      () => [service({ baseUrl: new URL('http://gateway.test/old'), basePath: '/new' }), tides],
      'http://gateway.test/new',
    ],
    [
      'the embedded service: its origin and the contract’s path',
      () => [service({ baseUrl: 'embedded' }), callerId, 'http://127.0.0.1:5555'],
      'http://127.0.0.1:5555/api/v1',
    ],
  ];
  for (const [name, make, expected] of cases) {
    it(name, () => {
      const [settings, contract, embedded] = make();
      assert.equal(apiRootOf(settings, contract, embedded).toString(), new URL(expected).toString());
    });
  }

  it('refuses a contract whose server has no host when nothing else says where the service is', async () => {
    const relative = await loadContract(
      tempFile(
        'relative.yaml',
        'openapi: 3.0.3\ninfo: { title: R, version: "1" }\nservers: [{ url: /api }]\npaths: {}\n',
      ),
    );
    assert.throws(
      () => apiRootOf(service({ baseUrlFrom: "the contract's servers[0]" }), relative),
      /^UsageError: tides: the contract's server "\/api" has no host: give the service a baseUrl in the project file, or set BASE_URL_TIDES$/,
    );
  });

  it('refuses a server variable outside its enum, naming it', () => {
    assert.throws(
      () => apiRootOf(service({ serverVariables: { scheme: 'ftp' } }), tides),
      /variable scheme = "ftp" is not one of "https", "http"/,
    );
  });
});
