import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import prettier from 'prettier';
import { readProjectFile } from '../../support/config/project-file';
import { loadPolicy } from '../../support/gate/policy';
import { loadCorpus } from '../../support/gherkin/load-corpus';
import { formatFinding, lintFeatures } from '../../support/lint/feature-rules';
import { createStarter, type StarterResult } from '../../support/starter/starter';
import { loadRequirements } from '../../support/trace/requirements';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.join(__dirname, '../fixtures/starter');
const SHOP = path.join(FIXTURES, 'shop-3.0.yaml');
const GARDEN = path.join(FIXTURES, 'garden-3.1.yaml');

const read = (dir: string, file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');

/** Every file under a folder with its text: what a second run must leave as it was. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), fs.readFileSync(file, 'utf8')];
      }),
  );
}

/** The generated features, linted against the generated catalogue as `npm run lint:features` does. */
function lint(out: string): { findings: string[]; scenarios: number } {
  const catalog = loadRequirements(path.join(out, 'specs/requirements.yaml'));
  const corpus = loadCorpus([path.join(out, 'features')], out);
  return {
    findings: lintFeatures(corpus, catalog).map(formatFinding),
    scenarios: corpus.features.reduce((count, feature) => count + feature.pickles.length, 0),
  };
}

describe('npm run init: a project from a team’s own contract', () => {
  for (const { contract, dialect, name, scenarios, pairs } of [
    { contract: SHOP, dialect: '3.0', name: 'shop', scenarios: 5, pairs: 10 },
    { contract: GARDEN, dialect: '3.1', name: 'tea-garden-tours', scenarios: 5, pairs: 9 },
  ]) {
    describe(`from an OpenAPI ${dialect} contract`, () => {
      const out = tempDir('sbe-starter-');
      let result: StarterResult;
      before(async () => {
        result = await createStarter({ contractFile: contract, ...(dialect === '3.0' ? { name } : {}), out });
      });

      it('writes the project file, catalogue, gate, a README and a feature per tag, and reports/.gitignore', () => {
        assert.equal(result.service, name);
        assert.ok(result.files.every((file) => file.outcome === 'written'));
        const written = result.files.map((file) => path.relative(out, file.file)).sort();
        const tags =
          dialect === '3.0' ? ['catalog', 'orders', 'shop'] : ['guides', 'tea-garden-tours', 'tours'];
        assert.deepEqual(
          written,
          [
            'gate.config.yaml',
            'harness.config.yaml',
            'reports/.gitignore',
            'specs/requirements.yaml',
            ...tags.flatMap((tag) => [`features/${tag}/${tag}.feature`, `features/${tag}/README.md`]),
          ].sort(),
        );
        assert.equal(read(out, 'reports/.gitignore'), '*\n!.gitignore\n');
      });

      it('names the service, its contract and Prism’s address in a project file the harness reads', () => {
        const project = readProjectFile(path.join(out, 'harness.config.yaml'));
        assert.equal(project.services.length, 1);
        const [service] = project.services;
        assert.equal(service?.name, name);
        assert.equal(service?.contract, contract);
        assert.equal(service?.baseUrl, 'http://127.0.0.1:4010');
        assert.equal(service?.basePath, '/');
        assert.match(project.title, / — living specification$/);
        assert.equal(project.requirements, path.join(out, 'specs/requirements.yaml'));
        assert.match(read(out, 'harness.config.yaml'), /npm run mock/);
      });

      it('writes features that parse and pass the feature lint against the catalogue it wrote', () => {
        const { findings, scenarios: count } = lint(out);
        assert.deepEqual(findings, []);
        assert.equal(count, scenarios);
        assert.equal(result.scenarios, scenarios);
      });

      it('sets the release gate’s contract coverage to the share of status pairs the scenarios cover', () => {
        const policy = loadPolicy(path.join(out, 'gate.config.yaml'), 'release');
        const min = Math.floor((scenarios * 100) / pairs);
        assert.equal(policy.rules['contract-coverage']?.min, min);
        assert.equal(result.contractCoverageMin, min);
        assert.deepEqual(
          ['partial', 'smoke'].map((each) => loadPolicy(path.join(out, 'gate.config.yaml'), each).name),
          ['partial', 'smoke'],
        );
        assert.match(read(out, 'gate.config.yaml'), /Raise it as\n\s*# scenarios cover the error responses/);
      });

      it('writes YAML the repository’s Prettier settings leave as it is', async () => {
        for (const file of ['harness.config.yaml', 'specs/requirements.yaml', 'gate.config.yaml']) {
          const options = await prettier.resolveConfig(path.join(__dirname, '../..', file));
          const clean = await prettier.check(read(out, file), { ...options, parser: 'yaml' });
          assert.ok(clean, `${file} is not formatted as Prettier would:\n${read(out, file)}`);
        }
      });

      it('overwrites nothing on a second run: every file is kept, edits included', async () => {
        const feature = fs
          .readdirSync(path.join(out, 'features'))
          .map((folder) => path.join(out, 'features', folder, `${folder}.feature`))[0]!;
        fs.appendFileSync(feature, '  # edited by the team\n');
        const before = snapshot(out);
        const again = await createStarter({
          contractFile: contract,
          ...(dialect === '3.0' ? { name } : {}),
          out,
        });
        assert.ok(
          again.files.every((file) => file.outcome === 'kept'),
          JSON.stringify(again.files),
        );
        assert.deepEqual(snapshot(out), before);
      });
    });
  }

  it('calls each operation with the contract’s examples, credentials from the environment', async () => {
    const out = tempDir('sbe-starter-');
    await createStarter({ contractFile: SHOP, name: 'shop', out });
    const catalog = read(out, 'features/catalog/catalog.feature');
    assert.match(
      catalog,
      /^@contract @REQ-CATALOG\nFeature: Catalog\n {2}Shoppers browse what the shop sells\.$/m,
    );
    assert.ok(
      catalog.includes(
        [
          '  @api',
          '  Scenario: Lists the products of a shelf',
          '    Given the request parameters:',
          '      | name  | value |',
          '      | shelf | tea   |',
          '    When I call "listProducts"',
          '    Then the response status is 200',
        ].join('\n'),
      ),
      catalog,
    );
    // The multipart upload cannot be sent by the generic steps: a comment says so, not a scenario.
    assert.match(
      catalog,
      /# No scenario for uploadProductPhoto \(PUT \/products\/\{productId\}\/photo\) yet: its request body is\n\s*# multipart\/form-data/,
    );
    const orders = read(out, 'features/orders/orders.feature');
    assert.match(orders, /Given I am authorized by "shopToken" with "\{\{env\.SHOP_SHOPTOKEN\}\}"/);
    assert.match(orders, /Given I am authorized by "shopKey" with "\{\{env\.SHOP_SHOPKEY\}\}"/);
    // The path parameter from its examples, the required header from its schema's default.
    assert.match(orders, /\| orderId \| o-1001 \|\n\s*\| X-Till {2}\| till-1 \|/);
    // The body sampled from its schema, the readOnly id left out.
    const body = /"""\n([\s\S]*?)\n\s*"""/.exec(orders)?.[1] ?? '';
    assert.deepEqual(JSON.parse(body), { productId: 42, quantity: 2, note: 'string' });
    // Operations without a tag are the service's own capability.
    assert.match(
      read(out, 'features/shop/shop.feature'),
      /@REQ-SHOP\nFeature: Corner Shop: operations without a tag/,
    );
    const readme = read(out, 'features/orders/README.md');
    assert.match(readme, /Shoppers order products and follow their orders\./);
    assert.match(readme, /As a <role>\nI want/);
  });

  it('writes the catalogue in the harness’s format: a requirement per tag, acceptance per operation', async () => {
    const out = tempDir('sbe-starter-');
    await createStarter({ contractFile: SHOP, name: 'shop', out });
    const catalog = loadRequirements(path.join(out, 'specs/requirements.yaml'));
    assert.deepEqual(
      catalog.requirements.map(({ id, title, capability, priority, owner, status, layers }) => ({
        id,
        title,
        capability,
        priority,
        owner,
        status,
        layers,
      })),
      [
        {
          id: 'REQ-CATALOG',
          title: 'Shoppers browse what the shop sells',
          capability: 'catalog',
          priority: 'medium',
          owner: 'team',
          status: 'active',
          layers: ['api'],
        },
        {
          id: 'REQ-ORDERS',
          title: 'Shoppers order products and follow their orders',
          capability: 'orders',
          priority: 'medium',
          owner: 'team',
          status: 'active',
          layers: ['api'],
        },
        {
          id: 'REQ-SHOP',
          title: 'Corner Shop: the operations no tag groups',
          capability: 'shop',
          priority: 'medium',
          owner: 'team',
          status: 'active',
          layers: ['api'],
        },
      ],
    );
    assert.deepEqual(catalog.get('REQ-ORDERS')?.acceptance, [
      'placeOrder: Places an order answers 201',
      'getOrder: Shows an order answers 200',
    ]);
    assert.equal(catalog.get('REQ-CATALOG')?.link, 'https://tracker.example/browse/REQ-CATALOG');
  });

  it('says why an operation has no scenario: a default-only response, a cookie parameter, a multipart body', async () => {
    const out = tempDir('sbe-starter-');
    const result = await createStarter({ contractFile: GARDEN, out });
    const skipped = result.capabilities
      .flatMap((capability) => capability.operations)
      .flatMap((plan) => (plan.kind === 'comment' ? [`${plan.operation.operationId}: ${plan.reason}`] : []));
    assert.deepEqual(skipped, [
      'uploadLeaflet: its request body is multipart/form-data, and the steps send JSON only',
      'whoAmI: it needs the cookie parameter "session", which the steps cannot send',
      'GET /visits: it documents only a `default` response: the steps check a status, so the contract should name the one it answers',
    ]);
    const tours = read(out, 'features/tours/tours.feature');
    // A body example with quotes and a bar comes back from the feature as the contract wrote it.
    const corpus = loadCorpus([path.join(out, 'features/tours')], out);
    const booking = corpus.features[0]?.pickles.find((pickle) => pickle.name === 'Books a place on a tour');
    const docString = booking?.steps.find((step) => step.argument?.docString)?.argument?.docString?.content;
    assert.deepEqual(JSON.parse(docString ?? ''), {
      tourId: 7,
      visitors: 3,
      names: ['Ana', 'Ben', 'Cai'],
      note: 'said "hello" | twice',
    });
    // A JSON media type other than application/json is sent as such; a CSV answer is asked for.
    assert.match(tours, /And the request header "Content-Type" is "application\/merge-patch\+json"/);
    assert.match(
      read(out, 'features/guides/guides.feature'),
      /And the request header "Accept" is "text\/csv"/,
    );
    // The document's security applies where an operation says nothing; `security: []` needs none.
    assert.match(
      tours,
      /Given I am authorized by "gardenKey" with "\{\{env\.TEA_GARDEN_TOURS_GARDENKEY\}\}"/,
    );
    assert.doesNotMatch(read(out, 'features/tea-garden-tours/tea-garden-tours.feature'), /authorized/);
    // A description line the parser would read as a tag stays out of the feature.
    assert.doesNotMatch(tours, /@not-a-tag/);
  });

  it('adds the service to an existing project file, keeping its comments, and keeps it the next time', async () => {
    const out = tempDir('sbe-starter-');
    const original = [
      '# Our project: the library comes first.',
      'title: Our APIs — living specification # the title the docs show',
      'services:',
      '  library:',
      '    # Served by the library team.',
      `    contract: ${path.join(__dirname, '../fixtures/library/openapi.yaml')}`,
      '    baseUrl: http://127.0.0.1:9000',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(out, 'harness.config.yaml'), original);
    const first = await createStarter({ contractFile: SHOP, name: 'shop', out });
    assert.deepEqual(first.files[0], {
      file: path.join(out, 'harness.config.yaml'),
      outcome: 'updated',
      note: 'added the service shop, its comments kept',
    });
    const text = read(out, 'harness.config.yaml');
    assert.ok(text.startsWith(original.trimEnd()), text);
    assert.match(text, /# Served by the library team\./);
    assert.match(text, /\n {2}shop:\n {4}contract: .*shop-3\.0\.yaml\n {4}# Where `npm run mock` serves/);
    const project = readProjectFile(path.join(out, 'harness.config.yaml'));
    assert.deepEqual(
      project.services.map((service) => [service.name, service.baseUrl, service.basePath]),
      [
        ['library', 'http://127.0.0.1:9000', undefined],
        ['shop', 'http://127.0.0.1:4010', '/'],
      ],
    );
    const second = await createStarter({ contractFile: SHOP, name: 'shop', out });
    assert.equal(second.files[0]?.outcome, 'kept');
    assert.equal(read(out, 'harness.config.yaml'), text);
  });

  it('says which requirements a catalogue it keeps lacks', async () => {
    const out = tempDir('sbe-starter-');
    fs.mkdirSync(path.join(out, 'specs'));
    fs.writeFileSync(
      path.join(out, 'specs/requirements.yaml'),
      'trackers:\n  default: https://t.example/{id}\nrequirements:\n  - id: REQ-ORDERS\n    title: Orders\n    capability: orders\n    priority: high\n    owner: us\n    status: active\n    acceptance: [Orders work]\n',
    );
    const result = await createStarter({ contractFile: SHOP, name: 'shop', out });
    const catalogue = result.files.find((file) => file.file.endsWith('requirements.yaml'));
    assert.equal(catalogue?.outcome, 'kept');
    assert.equal(catalogue?.note, 'it lacks REQ-CATALOG, REQ-SHOP, which the new features name: add them');
  });

  it('tells the next steps: the two terminals, HARNESS_CONFIG, and the credentials’ variables', async () => {
    const out = tempDir('sbe-starter-');
    const result = await createStarter({ contractFile: SHOP, name: 'shop', out });
    const config = `HARNESS_CONFIG=${path.join(out, 'harness.config.yaml')}`;
    assert.ok(
      result.nextSteps.includes(`  1. serve the contract with Prism:  ${config} npm run mock`),
      result.nextSteps.join('\n'),
    );
    assert.ok(
      result.nextSteps.includes(
        `  2. run the features against it:    SHOP_SHOPKEY=demo SHOP_SHOPTOKEN=demo ${config} npm run spec`,
      ),
      result.nextSteps.join('\n'),
    );
    assert.ok(result.nextSteps.some((line) => /SHOP_SHOPKEY: an API key \(header X-Shop-Key\)/.test(line)));
    assert.ok(result.nextSteps.some((line) => /API_BASE_PATH_SHOP=\/v3/.test(line)));
  });
});
