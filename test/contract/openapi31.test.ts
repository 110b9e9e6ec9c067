import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { OpenAPIV3 } from 'openapi-types';
import { ContractInspector } from '../../support/contract/inspector';
import { SpecError, loadContract, type Contract } from '../../support/contract/load';
import { SchemaValidators } from '../../support/contract/schemas';
import { displayPath } from '../../support/errors';
import type { ExchangeAssessment } from '../../support/http/exchange';
import { LIBRARY_SPEC, exchange } from '../helpers/exchanges';
import { tempFile } from '../helpers/temp';

const FIXTURES = path.join(__dirname, '../fixtures/openapi31');
const SEED_SWAP = path.join(FIXTURES, 'openapi.yaml');
const positive = { negative: false };
/** The test helper sends every exchange below http://library.test/v2. */
const HELPER_BASE_PATH = '/v2';

/** A packet as offered: no `id`, which the service assigns (readOnly). */
const unsaved = {
  kind: 'packet',
  species: 'Tomato',
  variety: 'Moneymaker',
  origin: { country: 'NL' },
  sowing: [2, 4],
};
const packet = { id: 7, ...unsaved };

async function refusal(file: string): Promise<string> {
  try {
    await loadContract(file);
  } catch (error) {
    assert.ok(error instanceof SpecError, `expected a SpecError, got ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/, 'the message is one line');
    return error.message;
  }
  assert.fail(`${file} was accepted`);
}

describe('loading OpenAPI 3.1 and refusing other versions', () => {
  it('loads a 3.1 contract: version, dialect, servers as written, base path with its defaults filled', async () => {
    const contract = await loadContract(SEED_SWAP);
    assert.equal(contract.openapi, '3.1.0');
    assert.equal(contract.dialect, '3.1');
    assert.equal(contract.basePath, '/v1');
    assert.deepEqual(contract.servers, [
      { url: '{scheme}://api.example.test/{version}', description: 'The shared test deployment' },
      { url: 'http://localhost:7070/swap', description: "A copy on the developer's machine" },
    ]);
    assert.deepEqual(
      contract.operations.map((operation) => operation.operationId),
      ['offerPacket', 'getPacket', 'getLabel', 'recordPlanting'],
    );
  });

  it('still loads 3.0 contracts as the 3.0 dialect', async () => {
    const contract = await loadContract(LIBRARY_SPEC);
    assert.equal(contract.openapi, '3.0.3');
    assert.equal(contract.dialect, '3.0');
  });

  it('loads a 3.1 document with webhooks and no paths, with no operations', async () => {
    const contract = await loadContract(path.join(FIXTURES, 'webhooks-only.yaml'));
    assert.equal(contract.dialect, '3.1');
    assert.deepEqual(contract.operations, []);
    assert.equal(contract.basePath, '');
  });

  it('refuses Swagger 2.0 in one line that says how to convert it', async () => {
    const file = path.join(FIXTURES, 'swagger2.yaml');
    const shown = displayPath(file);
    assert.equal(
      await refusal(file),
      `${shown}: Swagger 2.0 is not supported: convert it to OpenAPI 3 first (npx swagger2openapi ${shown} -o openapi.yaml)`,
    );
  });

  it('refuses any other OpenAPI version in one line naming it', async () => {
    const seedSwap = fs.readFileSync(SEED_SWAP, 'utf8');
    const future = tempFile('future.yaml', seedSwap.replace('openapi: 3.1.0', 'openapi: 3.2.0'));
    assert.equal(
      await refusal(future),
      `${displayPath(future)}: openapi 3.2.0 is not supported (use OpenAPI 3.0.x or 3.1.x)`,
    );
    const unquoted = tempFile('number.yaml', seedSwap.replace('openapi: 3.1.0', 'openapi: 3.1'));
    assert.equal(
      await refusal(unquoted),
      `${displayPath(unquoted)}: openapi 3.1 must be a version string such as "3.1.0"`,
    );
  });

  it('merges the siblings of a $ref into the schema it points to', async () => {
    const contract = await loadContract(SEED_SWAP);
    const packetSchema = contract.document.components?.schemas?.Packet as OpenAPIV3.SchemaObject;
    const origin = packetSchema.properties?.origin as OpenAPIV3.SchemaObject;
    assert.equal(origin.description, 'Where the seeds were harvested.');
    assert.deepEqual(origin.required, ['country']);
  });
});

describe('checking exchanges against a 3.1 contract (JSON Schema 2020-12)', () => {
  let contract: Contract;
  let inspector: ContractInspector;
  before(async () => {
    contract = await loadContract(SEED_SWAP);
    inspector = new ContractInspector(contract, HELPER_BASE_PATH);
  });

  function responseViolations(body: unknown): readonly string[] {
    return inspector.inspect(exchange({ path: '/packets/7', body }), positive).violations;
  }

  function offer(requestBody: unknown): ExchangeAssessment {
    return inspector.inspect(
      exchange({ method: 'POST', path: '/packets', requestBody, status: 201, body: packet }),
      positive,
    );
  }

  it('accepts a packet that keeps every rule, examples and unknown keywords being annotations', () => {
    assert.deepEqual(responseViolations(packet), []);
    assert.deepEqual(responseViolations({ ...packet, variety: null }), []);
  });

  it('catches a value other than the `const`', () => {
    assert.deepEqual(responseViolations({ ...packet, kind: 'parcel' }), [
      'response body at /kind: expected "packet", actual "parcel" (string) [rule: const]',
    ]);
  });

  it('catches a null where the type list does not allow one, and a wrong type where it does', () => {
    assert.deepEqual(responseViolations({ ...packet, species: null }), [
      'response body at /species: expected string, actual null (null) [rule: type]',
    ]);
    assert.deepEqual(responseViolations({ ...packet, variety: 3 }), [
      'response body at /variety: expected string or null, actual 3 (number) [rule: type]',
    ]);
  });

  it('catches a property unevaluatedProperties: false leaves no room for', () => {
    assert.deepEqual(responseViolations({ ...packet, colour: 'red' }), [
      'response body at /colour: unexpected property "colour" (unevaluatedProperties: false) [rule: unevaluatedProperties]',
    ]);
  });

  it('checks each position of prefixItems, and nothing after them when items is false', () => {
    assert.deepEqual(responseViolations({ ...packet, sowing: [3, 'May'] }), [
      'response body at /sowing/1: expected integer, actual "May" (string) [rule: type]',
    ]);
    assert.deepEqual(responseViolations({ ...packet, sowing: [3, 13] }), [
      'response body at /sowing/1: must be <= 12, actual 13 (number) [rule: maximum]',
    ]);
    assert.deepEqual(responseViolations({ ...packet, sowing: [3, 5, 7] }), [
      'response body at /sowing: must NOT have more than 2 items, actual [3,5,7] (array) [rule: items]',
    ]);
  });

  it('checks the schema a $ref with sibling keywords points to', () => {
    assert.deepEqual(responseViolations({ ...packet, origin: { country: 'nl' } }), [
      'response body at /origin/country: must match pattern "^[A-Z]{2}$", actual "nl" (string) [rule: pattern]',
    ]);
  });

  it('checks if/then/else and dependentRequired', () => {
    assert.deepEqual(responseViolations({ ...packet, organic: true }), [
      'response body at /: missing required property "certifier" [rule: required]',
    ]);
    assert.deepEqual(responseViolations({ ...packet, organic: true, certifier: 'Skal' }), []);
    const withoutDonorName = offer({
      kind: 'packet',
      species: 'Leek',
      origin: { country: 'FR' },
      sowing: [3, 4],
      donorEmail: 'ann@example.test',
    });
    assert.equal(withoutDonorName.violations.length, 1, JSON.stringify(withoutDonorName.violations));
    assert.match(
      withoutDonorName.violations[0]!,
      /^request body at \/: must have property donorName when property donorEmail is present, actual .* \[rule: dependentRequired\]$/,
    );
  });

  it('applies readOnly to requests and writeOnly to responses', () => {
    assert.deepEqual(offer({ ...unsaved, donorEmail: 'ann@example.test', donorName: 'Ann' }).violations, []);
    assert.deepEqual(offer(packet).violations, [
      'request body at /id: property "id" must not be sent in this direction (readOnly/writeOnly) [rule: false schema]',
    ]);
    assert.deepEqual(responseViolations({ ...packet, donorEmail: 'ann@example.test', donorName: 'Ann' }), [
      'response body at /donorEmail: property "donorEmail" must not be sent in this direction (readOnly/writeOnly) [rule: false schema]',
    ]);
  });

  it('checks formats Ajv knows', () => {
    assert.deepEqual(offer({ ...unsaved, donorEmail: 'not an address', donorName: 'Ann' }).violations, [
      'request body at /donorEmail: must match format "email", actual "not an address" (string) [rule: format]',
    ]);
  });

  it('follows the discriminator to the one branch that applies', () => {
    const plant = (requestBody: unknown): readonly string[] =>
      inspector.inspect(exchange({ method: 'POST', path: '/plantings', requestBody, status: 204 }), positive)
        .violations;
    assert.deepEqual(plant({ form: 'seedling', leaves: 4 }), []);
    assert.deepEqual(plant({ form: 'bulb', depthCm: 0 }), [
      'request body at /depthCm: must be > 0, actual 0 (number) [rule: exclusiveMinimum]',
    ]);
    assert.deepEqual(plant({ form: 'tuber', depthCm: 5 }), [
      'request body at /form: expected one of "seedling", "bulb", actual "tuber" (string) [rule: enum]',
    ]);
  });

  it('checks a numeric exclusiveMinimum on a path parameter', () => {
    assert.deepEqual(inspector.inspect(exchange({ path: '/packets/0', body: packet }), positive).violations, [
      'request path parameter packetId: must be > 0, actual 0 (number) [rule: exclusiveMinimum]',
    ]);
  });

  it('compiles each schema once, however many exchanges use it', () => {
    responseViolations(packet);
    const compiled = inspector.validators.compilations;
    for (let index = 0; index < 20; index += 1) responseViolations({ ...packet, kind: 'parcel' });
    assert.equal(inspector.validators.compilations, compiled);
  });

  it('reads `nullable` in a 3.1 schema as the annotation 2020-12 makes it: null is refused', () => {
    const validators = new SchemaValidators(contract.document, '3.1');
    const halfMigrated = { type: 'string', nullable: true } as OpenAPIV3.SchemaObject;
    assert.deepEqual(validators.validate(halfMigrated, null, 'response'), [
      { pointer: '/', rule: 'type', message: 'expected string, actual null (null)' },
    ]);
  });

  it('compiles a schema carrying $id, $schema and $defs in both directions', () => {
    const validators = new SchemaValidators(contract.document, '3.1');
    const identified = {
      $id: 'https://schemas.example.test/tray',
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { cell: { type: 'integer' } },
      type: 'object',
      properties: { cells: { type: 'integer', minimum: 1 } },
    } as OpenAPIV3.SchemaObject;
    assert.deepEqual(validators.validate(identified, { cells: 6 }, 'request'), []);
    assert.deepEqual(validators.validate(identified, { cells: 0 }, 'response'), [
      { pointer: '/cells', rule: 'minimum', message: 'must be >= 1, actual 0 (number)' },
    ]);
  });

  it('says a `false` schema of the contract allows nothing, without blaming readOnly/writeOnly', () => {
    const validators = new SchemaValidators(contract.document, '3.1');
    const noPrivateKeys = { type: 'object', patternProperties: { '^_': false } } as OpenAPIV3.SchemaObject;
    assert.deepEqual(validators.validate(noPrivateKeys, { _rev: 3 }, 'response'), [
      {
        pointer: '/_rev',
        rule: 'false schema',
        message: 'nothing is allowed here (false schema), actual 3 (number)',
      },
    ]);
  });

  it('keeps 3.0 strict: an unknown keyword in a 3.0 schema is an error, in a 3.1 schema an annotation', () => {
    const unknown = { type: 'string', sortOrder: 3 } as OpenAPIV3.SchemaObject;
    assert.deepEqual(new SchemaValidators(contract.document, '3.1').validate(unknown, 'a', 'response'), []);
    assert.throws(
      () => new SchemaValidators(contract.document, '3.0').validate(unknown, 'a', 'response'),
      /unknown keyword: "sortOrder"/,
    );
  });
});

describe('3.0 boolean exclusiveMinimum / exclusiveMaximum', () => {
  let inspector: ContractInspector;
  before(async () => {
    inspector = new ContractInspector(
      await loadContract(path.join(FIXTURES, 'exclusive-bounds-3.0.yaml')),
      HELPER_BASE_PATH,
    );
  });

  const fill = (value: unknown, trayId = 1): readonly string[] =>
    inspector.inspect(exchange({ path: `/trays/${trayId}`, body: { fill: value } }), positive).violations;

  it('makes minimum exclusive when exclusiveMinimum is true', () => {
    assert.deepEqual(fill(0), [
      'response body at /fill: must be > 0, actual 0 (number) [rule: exclusiveMinimum]',
    ]);
    assert.deepEqual(fill(0.5), []);
    assert.deepEqual(fill(1, 0), [
      'request path parameter trayId: must be > 0, actual 0 (number) [rule: exclusiveMinimum]',
    ]);
  });

  it('keeps maximum inclusive when exclusiveMaximum is false, and still checks it', () => {
    assert.deepEqual(fill(1), []);
    assert.deepEqual(fill(1.5), [
      'response body at /fill: must be <= 1, actual 1.5 (number) [rule: maximum]',
    ]);
  });

  it('keeps 3.0 nullable', () => {
    const result = inspector.inspect(
      exchange({ path: '/trays/1', body: { fill: 0.5, label: null } }),
      positive,
    );
    assert.deepEqual(result.violations, []);
  });
});
