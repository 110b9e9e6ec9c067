import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { SpecError, loadContract } from '../../support/contract/load';
import { LIBRARY_SPEC } from '../helpers/exchanges';
import { REGISTER, ROOT } from '../helpers/run-harness';
import { tempFile } from '../helpers/temp';

const library = fs.readFileSync(LIBRARY_SPEC, 'utf8');

async function loadError(text: string): Promise<SpecError> {
  const file = tempFile('broken.yaml', text);
  try {
    await loadContract(file);
  } catch (error) {
    assert.ok(error instanceof SpecError, `expected a SpecError, got ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/, 'the message is one line');
    return error;
  }
  assert.fail('the broken spec was accepted');
}

describe('loadContract', () => {
  it('loads a valid spec: operations, base path, title and version', async () => {
    const contract = await loadContract(LIBRARY_SPEC);
    assert.equal(contract.title, 'Little Library');
    assert.equal(contract.version, '2.1.0');
    assert.equal(contract.basePath, '/v2');
    assert.deepEqual(
      contract.operations.map((operation) => operation.operationId),
      ['listItems', 'addItem', 'getFeaturedItem', 'getItem', 'removeItem'],
    );
  });

  it('names the file, line and column of a YAML error', async () => {
    const error = await loadError(library.replace('  /items/featured:\n', '  /items/featured: [oops\n'));
    assert.match(error.message, /broken\.yaml:\d+:\d+: not valid YAML\/JSON: /);
  });

  it('names the location of a $ref to nowhere', async () => {
    const error = await loadError(
      library.replace("$ref: '#/components/schemas/Book'\n", "$ref: '#/components/schemas/Novel'\n"),
    );
    assert.match(
      error.message,
      /broken\.yaml:\d+:\d+: \$ref to nowhere: #\/components\/schemas\/Novel at #\/components\/schemas\/Item\/oneOf\/0/,
    );
  });

  it('names the location of an invalid document', async () => {
    const error = await loadError(
      library.replace(
        '      operationId: removeItem\n',
        '      operationId: removeItem\n      summary: 12\n',
      ),
    );
    const summaryLine = library.split('\n').findIndex((text) => text.includes('operationId: removeItem')) + 2;
    assert.match(
      error.message,
      new RegExp(
        `broken\\.yaml:${summaryLine}:16: invalid OpenAPI document: /paths/~1items~1\\{itemId\\}/delete/summary must be string$`,
      ),
    );
  });

  it('rejects path templates that could never be told apart', async () => {
    const twin = library.replace('  /items/featured:\n', '  /items/{slug}:\n');
    const error = await loadError(twin);
    assert.match(
      error.message,
      /ambiguous path templates "\/items\/\{slug\}" and "\/items\/\{itemId\}"|ambiguous path templates "\/items\/\{itemId\}" and "\/items\/\{slug\}"/,
    );
  });

  it('says when the file does not exist', async () => {
    await assert.rejects(
      loadContract('/nowhere/openapi.yaml'),
      /openapi\.yaml: OpenAPI spec not found \(set OPENAPI_SPEC\)/,
    );
  });

  it('lists the operations when asked for an unknown one', async () => {
    const contract = await loadContract(LIBRARY_SPEC);
    assert.throws(
      () => contract.operation('listBooks'),
      /unknown operation "listBooks" .*listItems, addItem/,
    );
  });

  it('needs nothing but the OpenAPI parser: a broken spec is reported before cucumber or a browser loads', () => {
    // What loading the contract brings in decides how fast a broken spec stops the run.
    const probe = `
      const { loadContract } = require('./support/contract/load');
      loadContract(process.argv[1]).catch(() => {
        const loaded = Object.keys(require.cache).filter((file) => /node_modules[\\\\/](@cucumber|playwright|playwright-core|@playwright|ajv-formats)[\\\\/]/.test(file));
        process.stdout.write(JSON.stringify(loaded));
      });`;
    const broken = tempFile(
      'broken.yaml',
      library.replace('  /items/featured:\n', '  /items/featured: [oops\n'),
    );
    const output = execFileSync(process.execPath, ['-r', REGISTER, '-e', probe, broken], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(output), []);
  });
});
