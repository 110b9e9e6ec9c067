import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ServiceConfig } from '../../support/config/config';
import { choosePorts } from '../../support/mock/ports';
import { specCommand } from '../../support/mock/run-hint';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

const SHOP = path.join(ROOT, 'test/fixtures/starter/shop-3.0.yaml');
const LIBRARY = path.join(ROOT, 'test/fixtures/library/openapi.yaml');

function service(name: string, baseUrl?: string, basePath?: string): ServiceConfig {
  return {
    name,
    contractFile: SHOP,
    contractFrom: 'harness.config.yaml:1:1 contract',
    baseUrl: baseUrl === undefined ? undefined : new URL(baseUrl),
    baseUrlFrom: 'harness.config.yaml:1:1 baseUrl',
    basePath,
    basePathFrom: 'harness.config.yaml:1:1 basePath',
    server: 0,
    serverVariables: {},
  };
}

/** The command's output, which must be one line (npm's own notices aside). */
function oneLine(output: string): string {
  const lines = output.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${output}`);
  return lines[0] ?? '';
}

describe('npm run init: what it refuses, and what a second run says', () => {
  it('refuses a missing --spec, a bad --name and a broken contract in one line each, exit 2', async () => {
    const out = tempDir('sbe-init-');
    const broken = path.join(out, 'broken.yaml');
    fs.writeFileSync(
      broken,
      'openapi: 3.0.3\ninfo:\n  title: Broken\n  version: 1.0.0\npaths:\n  /x:\n    get:\n      responses: 12\n',
    );
    const empty = path.join(out, 'empty.yaml');
    fs.writeFileSync(empty, 'openapi: 3.1.0\ninfo:\n  title: Nothing yet\n  version: 0.0.1\npaths: {}\n');
    const cases: [string[], RegExp][] = [
      [
        ['--out', out],
        /^init: --spec is missing: name the OpenAPI contract \(npm run init -- --spec <contract file>/,
      ],
      [
        ['--spec', SHOP, '--name', '9lives', '--out', out],
        /^init: --name "9lives": a service name starts with a letter/,
      ],
      [['--spec', path.join(out, 'none.yaml')], /^init: .*none\.yaml: OpenAPI spec not found/],
      [['--spec', broken, '--out', out], /^init: .*broken\.yaml:8:\d+: invalid OpenAPI document/],
      [
        ['--spec', empty, '--out', out],
        /^init: .*empty\.yaml: the contract has no operations \(paths\) to write scenarios for$/,
      ],
    ];
    for (const [args, expected] of cases) {
      const run = await runHarness('init', args);
      assert.equal(run.code, 2, run.output);
      assert.match(oneLine(run.output), expected);
    }
    assert.deepEqual(fs.readdirSync(out).sort(), ['broken.yaml', 'empty.yaml'], 'nothing written');
  });

  it('keeps every file on a second run and says so, exit 0', async () => {
    const out = tempDir('sbe-init-');
    const first = await runHarness('init', ['--spec', SHOP, '--name', 'shop', '--out', out]);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /^written .*harness\.config\.yaml$/m);
    assert.match(first.output, /shop: 3 requirement\(s\), 5 scenario\(s\) for 6 operation\(s\)/);
    const second = await runHarness('init', ['--spec', SHOP, '--name', 'shop', '--out', out]);
    assert.equal(second.code, 0, second.output);
    const reported = second.output.split('\n').filter((line) => /^(written|kept|updated) /.test(line));
    assert.equal(reported.length, 10, second.output);
    assert.ok(
      reported.every((line) => line.startsWith('kept ')),
      second.output,
    );
    assert.match(second.output, /^kept .*features\/orders\/orders\.feature \(exists\)$/m);
    assert.match(
      second.output,
      /^kept .*harness\.config\.yaml \(exists\): it has the service shop already$/m,
    );
  });
});

describe('npm run mock: which services, on which ports', () => {
  it('refuses a service the project does not have, in one line naming those it has, exit 2', async () => {
    const out = tempDir('sbe-mock-');
    fs.writeFileSync(
      path.join(out, 'harness.config.yaml'),
      `services:\n  shop:\n    contract: ${SHOP}\n  library:\n    contract: ${LIBRARY}\n`,
    );
    const env = { HARNESS_CONFIG: path.join(out, 'harness.config.yaml') };
    const unknown = await runHarness('mock', ['shop', 'pets'], env);
    assert.equal(unknown.code, 2, unknown.output);
    assert.equal(
      oneLine(unknown.output),
      'mock: no service "pets" in the project; its services: shop, library',
    );
    const twoOnOnePort = await runHarness('mock', ['--port', '4999'], env);
    assert.equal(twoOnOnePort.code, 2, twoOnOnePort.output);
    assert.match(
      oneLine(twoOnOnePort.output),
      /^mock: --port serves one service, and 2 are selected \(shop, library\)/,
    );
  });

  it('takes --port, else the port of a loopback base URL, else 4010, 4011 … that no other service has', () => {
    const ports = choosePorts(
      [
        service('a'),
        service('b', 'http://127.0.0.1:4010'),
        service('c', 'https://api.example.test:8443'),
        service('d', 'http://localhost:5000/v1'),
      ],
      undefined,
    );
    assert.deepEqual(Object.fromEntries(ports), { a: 4011, b: 4010, c: 4012, d: 5000 });
    assert.deepEqual(Object.fromEntries(choosePorts([service('a', 'http://127.0.0.1:4010')], 4555)), {
      a: 4555,
    });
    assert.throws(
      () =>
        choosePorts(
          [service('a', 'http://127.0.0.1:4010'), service('b', 'http://localhost:4010')],
          undefined,
        ),
      /a and b are both at port 4010/,
    );
  });

  it('says how to run the features: plain npm run spec when the project points at the mock, else the overrides', () => {
    const projectFile = path.join(ROOT, 'harness.config.yaml');
    const ports = new Map([
      ['shop', 4010],
      ['billing-v2', 4011],
    ]);
    assert.equal(
      specCommand([service('shop', 'http://127.0.0.1:4010', '/')], ports, projectFile),
      'npm run spec',
    );
    assert.equal(
      specCommand(
        [service('shop', 'http://127.0.0.1:4010', '/'), service('billing-v2', 'https://billing.example')],
        ports,
        '/elsewhere/harness.config.yaml',
      ),
      'BASE_URL_BILLING_V2=http://127.0.0.1:4011 API_BASE_PATH_BILLING_V2=/ HARNESS_CONFIG=/elsewhere/harness.config.yaml npm run spec',
    );
    // Prism serves at the root: a base path of the contract's is overridden too.
    assert.equal(
      specCommand([service('shop', 'http://127.0.0.1:4010', '/v3')], ports, projectFile),
      'BASE_URL_SHOP=http://127.0.0.1:4010 API_BASE_PATH_SHOP=/ npm run spec',
    );
  });
});
