import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../support/config/config';
import { loadServiceContracts } from '../../support/services/contracts';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');

/** A project folder with the given project file. */
function project(yaml: string): string {
  const dir = tempDir('sbe-project-');
  fs.writeFileSync(path.join(dir, 'harness.config.yaml'), yaml);
  return dir;
}

const ONE_SERVICE = `title: Petstore — living specification
services:
  petstore:
    contract: specs/petstore.yaml
    baseUrl: http://127.0.0.1:4010
    basePath: /
`;

describe('configuration', () => {
  it("reads the example project's file, with defaults for everything else", () => {
    const settings = loadConfig({}, ROOT);
    assert.equal(settings.projectDir, ROOT);
    assert.equal(settings.title, 'Caller ID — living specification');
    assert.deepEqual(
      settings.services.map((service) => [service.name, service.contractFile, service.baseUrl]),
      [['caller-id', path.join(ROOT, 'specs/openapi.yaml'), 'embedded']],
    );
    assert.deepEqual(settings.featuresDirs, [path.join(ROOT, 'features')]);
    assert.equal(settings.browser, 'chromium');
    assert.equal(settings.headed, false);
    assert.equal(settings.reportsDir, path.join(ROOT, 'reports'));
  });

  it('resolves the paths of another project relative to its file, reports included', () => {
    const dir = project(ONE_SERVICE);
    const settings = loadConfig({ HARNESS_CONFIG: path.join(dir, 'harness.config.yaml') }, ROOT);
    assert.equal(settings.title, 'Petstore — living specification');
    assert.equal(settings.requirementsFile, path.join(dir, 'specs/requirements.yaml'));
    assert.equal(settings.gatePolicyFile, path.join(dir, 'gate.config.yaml'));
    assert.deepEqual(settings.stepsDirs, [path.join(dir, 'steps')]);
    assert.equal(settings.reportsDir, path.join(dir, 'reports'));
    const [petstore] = settings.services;
    assert.equal(petstore?.contractFile, path.join(dir, 'specs/petstore.yaml'));
    assert.equal(petstore?.basePath, '/');
    assert.equal(String(petstore?.baseUrl), 'http://127.0.0.1:4010/');
  });

  it('lets the environment override a deployment: BASE_URL for the first service, BASE_URL_<SERVICE> for any', () => {
    const dir = project(`services:
  users:
    contract: users.yaml
  billing-v2:
    contract: billing.yaml
    baseUrl: http://billing.test
`);
    const file = path.join(dir, 'harness.config.yaml');
    const settings = loadConfig(
      {
        HARNESS_CONFIG: file,
        BASE_URL: 'http://users.test/base',
        BASE_URL_BILLING_V2: 'http://billing.prod',
        API_BASE_PATH_BILLING_V2: '/',
      },
      ROOT,
    );
    const [users, billing] = settings.services;
    assert.equal(String(users?.baseUrl), 'http://users.test/base');
    assert.equal(users?.baseUrlFrom, 'BASE_URL');
    assert.equal(String(billing?.baseUrl), 'http://billing.prod/');
    assert.equal(billing?.baseUrlFrom, 'BASE_URL_BILLING_V2');
    assert.equal(billing?.basePath, '/');
    // No title: one is made from the services' names.
    assert.equal(settings.title, 'users, billing-v2 — living specification');
  });

  const refusals: [Record<string, string>, RegExp][] = [
    [
      { BASE_URL: 'localhost:8080' },
      /^UsageError: BASE_URL: "localhost:8080" must be an http\(s\) or ws\(s\) URL$/,
    ],
    [{ BASE_URL: 'not a url' }, /^UsageError: BASE_URL: "not a url" is not a URL/],
    [
      { API_BASE_PATH: 'v2' },
      /^UsageError: API_BASE_PATH: "v2" must start with \/ \(\/ = served at the root\)$/,
    ],
    [{ HEADED: 'maybe' }, /^UsageError: HEADED: "maybe" is not a yes\/no value/],
    [{ BROWSER: 'edge' }, /^UsageError: BROWSER: "edge" is not one of chromium, firefox, webkit$/],
    [{ STEP_TIMEOUT: 'soon' }, /^UsageError: STEP_TIMEOUT: "soon" is not a whole number$/],
    [{ UI_TIMEOUT: '10' }, /^UsageError: UI_TIMEOUT: 10 is too small \(at least 100\)$/],
    [
      { HARNESS_CONFIG: 'nowhere/harness.config.yaml' },
      /^UsageError: nowhere\/harness.config.yaml: project file not found/,
    ],
  ];
  for (const [env, message] of refusals) {
    it(`refuses ${JSON.stringify(env)} with a line naming the variable`, () => {
      assert.throws(() => loadConfig(env, ROOT), message);
    });
  }

  const badProjects: [string, string, RegExp][] = [
    [
      'no services',
      'title: x\n',
      /^UsageError: (?:[^ ]*\/)?harness\.config\.yaml:1:1: \/ must have required property 'services'$/,
    ],
    [
      'a base URL that is neither a URL nor embedded',
      'services:\n  api:\n    contract: a.yaml\n    baseUrl: somewhere\n',
      /^UsageError: (?:[^ ]*\/)?harness\.config\.yaml:4:14: "somewhere" is neither an http\(s\) URL nor "embedded"$/,
    ],
    [
      'a service name that cannot be a variable',
      'services:\n  9lives:\n    contract: a.yaml\n',
      /^UsageError: (?:[^ ]*\/)?harness\.config\.yaml:\d+:\d+: \/services must match pattern "\^\[A-Za-z\]\[A-Za-z0-9_-\]\*\$" \("9lives"\)$/,
    ],
    [
      'an unknown key',
      'services:\n  api:\n    contract: a.yaml\n    baseurl: http://x\n',
      /^UsageError: (?:[^ ]*\/)?harness\.config\.yaml:\d+:\d+: \/services\/api must NOT have additional properties "baseurl"$/,
    ],
  ];
  for (const [name, yaml, message] of badProjects) {
    it(`refuses a project file with ${name}, naming the file and line`, () => {
      const dir = project(yaml);
      assert.throws(() => loadConfig({ HARNESS_CONFIG: 'harness.config.yaml' }, dir), message);
    });
  }

  it('names the service whose contract is not there, and the setting that points there', async () => {
    const dir = project(`services:
  accounts:
    contract: accounts.yaml
  library:
    contract: ../../library/openapi.yaml
`);
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/library/openapi.yaml'), path.join(dir, 'accounts.yaml'));
    const settings = loadConfig({ HARNESS_CONFIG: path.join(dir, 'harness.config.yaml') }, ROOT);
    await assert.rejects(
      loadServiceContracts(settings),
      /^\w+Error: .*library\/openapi\.yaml: the contract of service "library" is not there \(named by (?:[^ ]*\/)?harness\.config\.yaml:5:\d+ contract\)$/,
    );
    const overridden = loadConfig(
      { HARNESS_CONFIG: path.join(dir, 'harness.config.yaml'), OPENAPI_SPEC: 'gone.yaml' },
      dir,
    );
    await assert.rejects(
      loadServiceContracts(overridden),
      /the contract of service "accounts" is not there \(named by OPENAPI_SPEC\)$/,
    );
  });

  it('ignores SUT_FAULTS when no service is the embedded one', () => {
    const dir = project(ONE_SERVICE);
    assert.equal(
      loadConfig({ HARNESS_CONFIG: path.join(dir, 'harness.config.yaml'), SUT_FAULTS: 'lookup-hangs' }, ROOT)
        .sutFaults,
      undefined,
    );
    assert.equal(loadConfig({ SUT_FAULTS: 'lookup-hangs' }, ROOT).sutFaults, 'lookup-hangs');
  });
});
