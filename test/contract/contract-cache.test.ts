import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, it } from 'node:test';
import { REGISTER, ROOT } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

/** What one fresh process saw: whether it loaded the OpenAPI parser, and the document it read. */
interface Load {
  readonly parserLoaded: boolean;
  readonly document: Record<string, unknown>;
}

const PROBE = `
  const v8 = require('node:v8');
  const { loadContract } = require('./support/contract/load');
  loadContract(process.argv[1]).then(
    (contract) => {
      const parserLoaded = Object.keys(require.cache).some((file) => /swagger-parser|json-schema-ref-parser|js-yaml/.test(file));
      process.stdout.write(v8.serialize({ parserLoaded, document: contract.document }).toString('base64'));
    },
    (error) => {
      process.stderr.write(error.message);
      process.exitCode = 3;
    },
  );`;

/** Loads `file` in a fresh process whose contract cache is `cacheDir`. */
function loadInChild(file: string, cacheDir: string): Load {
  const output = execFileSync(process.execPath, ['-r', REGISTER, '-e', PROBE, file], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SBE_HARNESS_CACHE_DIR: cacheDir },
  });
  return v8.deserialize(Buffer.from(output, 'base64')) as Load;
}

function entriesIn(cacheDir: string): string[] {
  if (!fs.existsSync(cacheDir)) return [];
  return fs
    .readdirSync(cacheDir)
    .filter((name) => /^contract-[0-9a-f]{64}\.v8$/.test(name))
    .map((name) => path.join(cacheDir, name));
}

const RESPONSE = (operationId: string, schema: string): string => `paths:
  /things:
    get:
      operationId: ${operationId}
      responses:
        '200':
          description: the things
          content:
            application/json:
              schema: { $ref: '${schema}' }
`;

/** A tree of nodes: a schema that refers to itself, a cycle once dereferenced. */
const RECURSIVE = `openapi: 3.0.3
info: { title: Tree, version: '1.0' }
${RESPONSE('listNodes', '#/components/schemas/Node')}components:
  schemas:
    Node:
      type: object
      properties:
        name: { type: string }
        children:
          type: array
          items: { $ref: '#/components/schemas/Node' }
`;

/** A contract whose response schema lives in a second file. */
const EXTERNAL = `openapi: 3.0.3
info: { title: Shelf, version: '1.0' }
${RESPONSE('listBooks', './book.yaml')}`;

const BOOK = 'type: object\nproperties:\n  title: { type: string }\n';

function contractIn(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, Object.keys(files)[0]!);
}

function schemaOf(document: Record<string, unknown>): Record<string, unknown> {
  const paths = document.paths as Record<string, { get: { responses: Record<string, unknown> } }>;
  const ok = paths['/things']!.get.responses['200'] as {
    content: Record<string, { schema: Record<string, unknown> }>;
  };
  return ok.content['application/json']!.schema;
}

describe('the contract cache', () => {
  it('gives a fresh process the dereferenced document without loading the parser, cycles kept', () => {
    const cacheDir = tempDir('sbe-cache-');
    const file = contractIn(tempDir(), { 'openapi.yaml': RECURSIVE });
    const first = loadInChild(file, cacheDir);
    const second = loadInChild(file, cacheDir);
    assert.equal(first.parserLoaded, true, 'the first process parses');
    assert.equal(second.parserLoaded, false, 'the second process reads the cache entry');
    assert.deepEqual(second.document, first.document);
    const node = schemaOf(second.document) as { properties: { children: { items: unknown } } };
    assert.equal(node.properties.children.items, node, 'the recursive schema is still a cycle');
    assert.equal(entriesIn(cacheDir).length, 1);
  });

  it("sees a change to an external $ref's file, not only to the main file", () => {
    const cacheDir = tempDir('sbe-cache-');
    const dir = tempDir();
    const file = contractIn(dir, { 'openapi.yaml': EXTERNAL, 'book.yaml': BOOK });
    const first = loadInChild(file, cacheDir);
    const second = loadInChild(file, cacheDir);
    assert.equal(second.parserLoaded, false);
    assert.deepEqual(second.document, first.document);
    fs.writeFileSync(path.join(dir, 'book.yaml'), `${BOOK}  isbn: { type: string }\n`);
    const changed = loadInChild(file, cacheDir);
    assert.equal(changed.parserLoaded, true, 'a changed $ref file is a miss');
    assert.deepEqual(Object.keys(schemaOf(changed.document).properties as object), ['title', 'isbn']);
    const again = loadInChild(file, cacheDir);
    assert.equal(again.parserLoaded, false, 'the new content is cached in turn');
    assert.deepEqual(again.document, changed.document);
  });

  it('does not keep a document whose $ref file was saved while the parser read it', () => {
    const cacheDir = tempDir('sbe-cache-');
    const dir = tempDir();
    const file = contractIn(dir, { 'openapi.yaml': EXTERNAL, 'book.yaml': BOOK });
    // Saved "during" the parse: its time is after the process started reading.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, 'book.yaml'), later, later);
    assert.equal(loadInChild(file, cacheDir).parserLoaded, true);
    assert.deepEqual(entriesIn(cacheDir), [], 'no entry: the document may hold the old content');
  });

  it('takes a corrupt entry for a miss, and writes it anew', () => {
    const cacheDir = tempDir('sbe-cache-');
    const file = contractIn(tempDir(), { 'openapi.yaml': RECURSIVE });
    const first = loadInChild(file, cacheDir);
    const [entry] = entriesIn(cacheDir);
    assert.ok(entry, 'an entry was written');
    fs.truncateSync(entry, Math.floor(fs.statSync(entry).size / 2));
    const corrupt = loadInChild(file, cacheDir);
    assert.equal(corrupt.parserLoaded, true);
    assert.deepEqual(corrupt.document, first.document);
    assert.equal(loadInChild(file, cacheDir).parserLoaded, false);
  });

  it('never keeps a broken contract', () => {
    const cacheDir = tempDir('sbe-cache-');
    const file = contractIn(tempDir(), { 'openapi.yaml': RECURSIVE.replace('title: Tree', 'title: 12') });
    for (let run = 0; run < 2; run++) {
      assert.throws(
        () => loadInChild(file, cacheDir),
        (error: { stderr: string }) =>
          /invalid OpenAPI document: \/info\/title must be string/.test(error.stderr),
      );
    }
    assert.deepEqual(entriesIn(cacheDir), []);
  });

  it('still loads when the cache cannot be written', () => {
    const blocked = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocked, '');
    const file = contractIn(tempDir(), { 'openapi.yaml': RECURSIVE });
    const load = loadInChild(file, path.join(blocked, 'cache'));
    assert.equal(load.parserLoaded, true);
    assert.equal((load.document.info as { title: string }).title, 'Tree');
  });
});
