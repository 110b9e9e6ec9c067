import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REGISTER, ROOT } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

const SCHEMA = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { type: 'string' } } },
};

/**
 * A fresh process validating `inputs` with the schema above: each verdict with its first error,
 * and whether Ajv itself (its compiler, not the runtime helpers) was loaded.
 */
function validateInChild(cache: string, inputs: unknown[]): { verdicts: string[]; ajvLoaded: boolean } {
  const probe = `
    const { ownSchemaValidator } = require(${JSON.stringify(path.join(ROOT, 'support/config/own-schema.ts'))});
    const validate = ownSchemaValidator(${JSON.stringify(SCHEMA)}, { allErrors: false });
    const verdicts = ${JSON.stringify(inputs)}.map((input) =>
      validate(input) ? 'valid' : (validate.errors[0].instancePath || '/') + ' ' + validate.errors[0].message);
    const ajvLoaded = Object.keys(require.cache).some((file) => /node_modules\\/ajv\\/dist\\/(ajv|core)\\.js$/.test(file));
    console.log(JSON.stringify({ verdicts, ajvLoaded }));`;
  const output = execFileSync(process.execPath, ['-r', REGISTER, '-e', probe], {
    cwd: ROOT,
    env: { ...process.env, SBE_HARNESS_CACHE_DIR: cache },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { verdicts: string[]; ajvLoaded: boolean };
}

const INPUTS = [
  { name: 'a', tags: ['x'] },
  { name: '' },
  { tags: [] },
  { name: 'b', extra: 1 },
  { name: 'c', tags: [1] },
];
const VERDICTS = [
  'valid',
  '/name must NOT have fewer than 1 characters',
  "/ must have required property 'name'",
  '/ must NOT have additional properties',
  '/tags/0 must be string',
];

describe("the harness's own schemas: compiled once, kept on disk", () => {
  it('compiles a new schema, then later processes load it without Ajv and judge the same', () => {
    const cache = tempDir('sbe-schema-cache-');
    const first = validateInChild(cache, INPUTS);
    assert.deepEqual(first.verdicts, VERDICTS);
    assert.equal(first.ajvLoaded, true, 'the first process compiles with Ajv');
    assert.equal(fs.readdirSync(cache).filter((file) => file.startsWith('validator-')).length, 1);
    const second = validateInChild(cache, INPUTS);
    assert.deepEqual(second.verdicts, VERDICTS);
    assert.equal(second.ajvLoaded, false, 'a later process loads the compiled validator, not Ajv');
  });

  it('a corrupt entry is compiled again, not a crash', () => {
    const cache = tempDir('sbe-schema-cache-');
    validateInChild(cache, INPUTS);
    const [entry] = fs.readdirSync(cache).filter((file) => file.startsWith('validator-'));
    fs.writeFileSync(path.join(cache, entry!), 'module.exports = (');
    const again = validateInChild(cache, INPUTS);
    assert.deepEqual(again.verdicts, VERDICTS);
    assert.equal(again.ajvLoaded, true);
    assert.equal(validateInChild(cache, INPUTS).ajvLoaded, false, 'the entry is written anew');
  });
});
