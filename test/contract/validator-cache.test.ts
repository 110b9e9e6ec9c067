import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SchemaValidators } from '../../support/contract/schemas';
import { REGISTER, ROOT } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

/** One response schema with OpenAPI's formats, `nullable` (3.0) and a writeOnly property. */
const SCHEMA_30 = {
  type: 'object',
  required: ['id', 'when'],
  properties: {
    id: { type: 'integer', format: 'int32' },
    when: { type: 'string', format: 'date-time' },
    blob: { type: 'string', format: 'byte' },
    note: { type: 'string', nullable: true },
    secret: { type: 'string', writeOnly: true },
  },
};
/** The same in 3.1's words: null as a type, and a keyword 2020-12 knows (`dependentRequired`). */
const SCHEMA_31 = {
  type: 'object',
  required: ['id', 'when'],
  dependentRequired: { blob: ['note'] },
  properties: {
    id: { type: 'integer', format: 'int32' },
    when: { type: 'string', format: 'date-time' },
    blob: { type: 'string', format: 'byte' },
    note: { type: ['string', 'null'] },
    secret: { type: 'string', writeOnly: true },
  },
};
const INPUTS = [
  { id: 1, when: '2026-12-05T08:00:00Z', note: null },
  { id: 2 ** 40, when: 'yesterday', blob: '***', secret: 'kept' },
];

interface Seen {
  /** Each input's problems, as the contract check words them. */
  readonly problems: string[][];
  /** Whether Ajv's compiler was loaded (its runtime helpers do not count). */
  readonly ajvLoaded: boolean;
}

/** A fresh process checking INPUTS against `schema` as responses of a `dialect` contract. */
function checkInChild(cache: string, dialect: '3.0' | '3.1', schema: object): Seen {
  const probe = `
    const { SchemaValidators } = require(${JSON.stringify(path.join(ROOT, 'support/contract/schemas.ts'))});
    const validators = new SchemaValidators({ openapi: '${dialect}.0', info: { title: 't', version: '1' }, paths: {} }, '${dialect}');
    const problems = ${JSON.stringify(INPUTS)}.map((input) =>
      validators.validate(${JSON.stringify(schema)}, input, 'response').map((p) => p.pointer + ' ' + p.message + ' [' + p.rule + ']'));
    const ajvLoaded = Object.keys(require.cache).some((file) => /node_modules\\/ajv\\/dist\\/(ajv|core|2020)\\.js$/.test(file));
    console.log(JSON.stringify({ problems, ajvLoaded }));`;
  const output = execFileSync(process.execPath, ['-r', REGISTER, '-e', probe], {
    cwd: ROOT,
    env: { ...process.env, SBE_HARNESS_CACHE_DIR: cache },
    encoding: 'utf8',
  });
  return JSON.parse(output) as Seen;
}

function entriesIn(cache: string): string[] {
  return fs.readdirSync(cache).filter((file) => /^contract-validator-[0-9a-f]{64}\.cjs$/.test(file));
}

/** OpenAPI's own int32, ajv-formats' date-time, the harness's byte, and writeOnly in a response. */
const PROBLEMS = [
  '/id must match format "int32", actual 1099511627776 (number) [format]',
  '/when must match format "date-time", actual "yesterday" (string) [format]',
  '/blob must match format "byte", actual "***" (string) [format]',
  '/secret property "secret" must not be sent in this direction (readOnly/writeOnly) [false schema]',
];

describe("a contract's validators: compiled once, kept on disk", () => {
  for (const [dialect, schema, more] of [
    ['3.0', SCHEMA_30, []],
    [
      '3.1',
      SCHEMA_31,
      [
        '/ must have property note when property blob is present, actual {"id":1099511627776,"when":"yesterday","blob":"***","secret":"kept"} (object) [dependentRequired]',
      ],
    ],
  ] as const) {
    it(`${dialect}: a later process loads them without Ajv and finds the same problems`, () => {
      const cache = tempDir('sbe-validator-cache-');
      const first = checkInChild(cache, dialect, schema);
      assert.deepEqual(first.problems, [[], [...PROBLEMS, ...more]]);
      assert.equal(first.ajvLoaded, true, 'the first process compiles with Ajv');
      assert.equal(entriesIn(cache).length, 1);

      const second = checkInChild(cache, dialect, schema);
      assert.deepEqual(second.problems, first.problems);
      assert.equal(second.ajvLoaded, false, 'a later process loads the kept validator, not Ajv');
    });
  }

  it("takes a format named like an object's own property (toString) for an annotation, as Ajv does", () => {
    const validators = new SchemaValidators(
      { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} },
      '3.0',
    );
    assert.deepEqual(validators.validate({ type: 'string', format: 'toString' }, 'x', 'response'), []);
    assert.equal(validators.validate({ type: 'string', format: 'constructor' }, 1, 'response').length, 1);
  });

  it('a corrupt entry is compiled again, not a crash', () => {
    const cache = tempDir('sbe-validator-cache-');
    const first = checkInChild(cache, '3.0', SCHEMA_30);
    const [entry] = entriesIn(cache);
    fs.writeFileSync(path.join(cache, entry!), 'module.exports = (');
    const again = checkInChild(cache, '3.0', SCHEMA_30);
    assert.deepEqual(again.problems, first.problems);
    assert.equal(again.ajvLoaded, true);
    assert.equal(checkInChild(cache, '3.0', SCHEMA_30).ajvLoaded, false, 'the entry is written anew');
  });
});
