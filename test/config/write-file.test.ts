import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { prettyJson, writeJson, writeWholeFile } from '../../support/config/write-file';
import { tempDir } from '../helpers/temp';

/** Values with everything JSON treats specially: left-out properties, nulls in lists, toJSON, empties. */
const VALUES: readonly unknown[] = [
  {
    schemaVersion: 1,
    scenarios: [
      { name: 'a "quoted"\nname', steps: [{ status: 'passed' }, {}], error: undefined },
      { tags: [], attempts: [[]], at: new Date(0) },
    ],
    skipped: undefined,
    callback: () => 1,
    errors: [],
    nested: { lists: [{}], empty: {} },
    nothing: null,
  },
  [undefined, () => 1, Symbol('s'), 1, [[]], 'text'],
  [],
  {},
  { own: { toJSON: () => ['said', 'otherwise'] } },
  // What JSON treats in its own way where pieces are cut: toJSON (given the key, or saying nothing),
  // a boxed string, a list with a toJSON of its own, holes.
  { left: { toJSON: () => undefined }, kept: 1 },
  [{ toJSON: (key: string) => `key ${key}` }, { toJSON: () => undefined }],
  { deep: [[{ toJSON: (key: string) => `key ${key}` }]] },
  new String('ab'),
  Object.assign([1, 2], { toJSON: () => 'a list of its own' }),
  // eslint-disable-next-line no-sparse-arrays -- a list with a hole, as JSON meets it
  { holes: [1, , 3] },
  'line\u2028separator',
  undefined,
  new Date(5),
  'plain text',
  42,
  null,
];

describe('JSON files written piece by piece', () => {
  it('reads exactly as JSON.stringify(value, null, 2) writes it', () => {
    for (const value of VALUES) {
      assert.equal([...prettyJson(value)].join(''), `${JSON.stringify(value, null, 2)}\n`);
    }
  });

  it("writes a top-level list's elements one by one, never the whole text as one piece", () => {
    const scenarios = Array.from({ length: 3000 }, (_, index) => ({
      name: `scenario ${index}`,
      steps: [index],
    }));
    const pieces = [...prettyJson({ schemaVersion: 1, scenarios })];
    assert.ok(pieces.length > scenarios.length, `${pieces.length} pieces`);
    const whole = `${JSON.stringify({ schemaVersion: 1, scenarios }, null, 2)}\n`;
    assert.ok(Math.max(...pieces.map((piece) => piece.length)) < 200);

    const file = path.join(tempDir('sbe-json-'), 'results.json');
    writeJson(file, { schemaVersion: 1, scenarios });
    assert.equal(fs.readFileSync(file, 'utf8'), whole);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['results.json'], 'no temporary file is left');
  });

  it('writes characters of several bytes whole where the buffer fills, and pieces larger than it', () => {
    const value = { notes: ['é'.repeat(150_001), 'ü€'.repeat(100_000), { big: '😀'.repeat(90_000) }] };
    const file = path.join(tempDir('sbe-json-'), 'big.json');
    writeJson(file, value);
    assert.equal(fs.readFileSync(file, 'utf8'), `${JSON.stringify(value, null, 2)}\n`);
  });
});

describe('a file written whole', () => {
  it('makes its folders when they are not there, at the first file and again after they went', () => {
    const dir = path.join(tempDir(), 'allure-results', 'deeper');
    writeWholeFile(path.join(dir, 'a.json'), 'a');
    writeWholeFile(path.join(dir, 'b.json'), ['b', 'c']);
    fs.rmSync(dir, { recursive: true });
    writeWholeFile(path.join(dir, 'c.json'), Buffer.from('c'));
    assert.deepEqual(fs.readdirSync(dir), ['c.json']);
    assert.equal(fs.readFileSync(path.join(dir, 'c.json'), 'utf8'), 'c');
  });

  it('fails with what stands in the way, leaving no temporary file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'results'), 'a file where a folder should be');
    assert.throws(() => writeWholeFile(path.join(dir, 'results', 'a.json'), 'a'), /ENOTDIR|EEXIST/);
    assert.deepEqual(fs.readdirSync(dir), ['results']);
  });
});
