import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseQueryParameter,
  parseSimpleParameter,
  serializeParameter,
  type ParameterValue,
  type StyledParameter,
} from '../../support/contract/parameter-style';

/**
 * The "Style Examples" table of the OpenAPI Specification (3.1.1, §4.8.12.4; 3.0.3 has the same
 * rows but writes the space- and pipe-delimited ones without `color=`), as data: the parameter
 * `color` with the values below, in every style and explode it lists. `n/a` cells are left out.
 */
const STRING = 'blue';
const ARRAY = ['blue', 'black', 'brown'];
const OBJECT = { R: '100', G: '200', B: '150' };

interface Row {
  readonly style: string;
  readonly explode: boolean;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly empty?: string;
  readonly string?: string;
  readonly array?: string;
  readonly object?: string;
}

const TABLE: readonly Row[] = [
  {
    style: 'matrix',
    explode: false,
    in: 'path',
    empty: ';color',
    string: ';color=blue',
    array: ';color=blue,black,brown',
    object: ';color=R,100,G,200,B,150',
  },
  {
    style: 'matrix',
    explode: true,
    in: 'path',
    empty: ';color',
    string: ';color=blue',
    array: ';color=blue;color=black;color=brown',
    object: ';R=100;G=200;B=150',
  },
  {
    style: 'label',
    explode: false,
    in: 'path',
    empty: '.',
    string: '.blue',
    array: '.blue.black.brown',
    object: '.R.100.G.200.B.150',
  },
  {
    style: 'label',
    explode: true,
    in: 'path',
    empty: '.',
    string: '.blue',
    array: '.blue.black.brown',
    object: '.R=100.G=200.B=150',
  },
  {
    style: 'form',
    explode: false,
    in: 'query',
    empty: 'color=',
    string: 'color=blue',
    array: 'color=blue,black,brown',
    object: 'color=R,100,G,200,B,150',
  },
  {
    style: 'form',
    explode: true,
    in: 'query',
    empty: 'color=',
    string: 'color=blue',
    array: 'color=blue&color=black&color=brown',
    object: 'R=100&G=200&B=150',
  },
  {
    style: 'simple',
    explode: false,
    in: 'path',
    string: 'blue',
    array: 'blue,black,brown',
    object: 'R,100,G,200,B,150',
  },
  {
    style: 'simple',
    explode: true,
    in: 'path',
    string: 'blue',
    array: 'blue,black,brown',
    object: 'R=100,G=200,B=150',
  },
  {
    style: 'spaceDelimited',
    explode: false,
    in: 'query',
    array: 'color=blue%20black%20brown',
    object: 'color=R%20100%20G%20200%20B%20150',
  },
  {
    style: 'pipeDelimited',
    explode: false,
    in: 'query',
    array: 'color=blue|black|brown',
    object: 'color=R|100|G|200|B|150',
  },
  { style: 'deepObject', explode: true, in: 'query', object: 'color[R]=100&color[G]=200&color[B]=150' },
];

const VALUES: Readonly<Record<'empty' | 'string' | 'array' | 'object', ParameterValue>> = {
  empty: '',
  string: STRING,
  array: ARRAY,
  object: OBJECT,
};

const parameterOf = (row: Row): StyledParameter => ({
  name: 'color',
  in: row.in,
  style: row.style,
  explode: row.explode,
});

describe("serializing parameters: the OpenAPI specification's style examples", () => {
  for (const row of TABLE) {
    for (const kind of ['empty', 'string', 'array', 'object'] as const) {
      const expected = row[kind];
      if (expected === undefined) continue;
      it(`${row.style}, explode ${row.explode}, ${kind} → ${expected}`, () => {
        assert.equal(serializeParameter(parameterOf(row), VALUES[kind]), expected);
      });
    }
  }

  it('uses the defaults of each location: form + explode for query and cookie, simple for path and header', () => {
    assert.equal(serializeParameter({ name: 'tags', in: 'query' }, ['dog', 'cat']), 'tags=dog&tags=cat');
    assert.equal(serializeParameter({ name: 'ids', in: 'path' }, ['1', '2']), '1,2');
    assert.equal(serializeParameter({ name: 'X-Ids', in: 'header' }, ['1', '2']), '1,2');
    assert.equal(serializeParameter({ name: 'pref', in: 'cookie' }, ['a', 'b']), 'pref=a; pref=b');
  });

  it('encodes the values for where they go, but not the delimiters of the style', () => {
    assert.equal(serializeParameter({ name: 'q', in: 'query' }, 'a b&c'), 'q=a+b%26c');
    assert.equal(serializeParameter({ name: 'q', in: 'query', allowReserved: true }, 'a/b?c'), 'q=a/b?c');
    assert.equal(serializeParameter({ name: 'X-Note', in: 'header' }, 'a b/c'), 'a b/c');
    assert.equal(serializeParameter({ name: 'pref', in: 'cookie' }, 'a b'), 'pref=a%20b');
    assert.equal(serializeParameter({ name: 'n', in: 'path' }, '+886 9'), '%2B886%209');
    assert.equal(serializeParameter({ name: 'q', in: 'query', explode: false }, ['a,b', 'c']), 'q=a%2Cb,c');
  });

  it('refuses a scalar for deepObject, naming the parameter', () => {
    assert.throws(
      () => serializeParameter({ name: 'filter', in: 'query', style: 'deepObject', explode: true }, 'x'),
      /^Error: filter: style deepObject takes an object, not "x"$/,
    );
  });
});

describe('reading serialized parameters back, as the contract inspector does', () => {
  const pairsOf = (query: string): [string, string][] => [...new URLSearchParams(query).entries()];

  for (const row of TABLE.filter((candidate) => candidate.in === 'query')) {
    for (const kind of ['array', 'object'] as const) {
      const written = row[kind];
      if (written === undefined) continue;
      it(`${row.style}, explode ${row.explode}, ${kind}: ${written}`, () => {
        const read = parseQueryParameter(parameterOf(row), pairsOf(written), new Set(), kind);
        assert.deepEqual(read, kind === 'array' ? ARRAY : OBJECT);
      });
    }
  }

  for (const row of TABLE.filter((candidate) => candidate.in === 'path')) {
    for (const kind of ['string', 'array', 'object'] as const) {
      const written = row[kind]!;
      it(`${row.style}, explode ${row.explode}, ${kind}: ${written}`, () => {
        const read = parseSimpleParameter(parameterOf(row), written, kind === 'string' ? 'scalar' : kind);
        assert.deepEqual(read, VALUES[kind]);
      });
    }
  }

  it('leaves the pairs of other parameters out of an exploded form object', () => {
    const read = parseQueryParameter(
      { name: 'color', in: 'query' },
      pairsOf('R=100&G=200&B=150&page=2'),
      new Set(['page']),
      'object',
    );
    assert.deepEqual(read, OBJECT);
  });

  it('says a parameter that was not sent is absent', () => {
    assert.equal(
      parseQueryParameter({ name: 'color', in: 'query' }, pairsOf('page=1'), new Set(), 'array'),
      undefined,
    );
  });
});
