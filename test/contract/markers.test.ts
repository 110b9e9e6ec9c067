import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markerProblem, matchesWritten, subsetMismatches } from '../../support/contract/markers';
import {
  containsMismatches,
  everyItemMismatches,
  headerMismatch,
  rowMismatches,
} from '../../support/contract/response-checks';

/** Each marker with a value it passes and one it fails, and the one line the failure reads as. */
const CASES: readonly { marker: string; passes: unknown; fails: unknown; says: string }[] = [
  { marker: '#present', passes: 0, fails: undefined, says: '$.v: expected #present, actual (not present)' },
  { marker: '#notpresent', passes: undefined, fails: null, says: '$.v: expected #notpresent, actual null' },
  { marker: '#null', passes: null, fails: 'x', says: '$.v: expected #null, actual "x"' },
  { marker: '#notnull', passes: 'x', fails: null, says: '$.v: expected #notnull, actual null' },
  { marker: '#string', passes: 'x', fails: 5, says: '$.v: expected #string, actual 5' },
  { marker: '#number', passes: 1.5, fails: '1.5', says: '$.v: expected #number, actual "1.5"' },
  { marker: '#integer', passes: 3, fails: 3.5, says: '$.v: expected #integer, actual 3.5' },
  { marker: '#boolean', passes: false, fails: 'false', says: '$.v: expected #boolean, actual "false"' },
  { marker: '#array', passes: [], fails: {}, says: '$.v: expected #array, actual {}' },
  { marker: '#object', passes: {}, fails: [], says: '$.v: expected #object, actual []' },
  {
    marker: '#uuid',
    passes: '0b5e3c1a-9f5d-4c2e-8a1b-2c3d4e5f6a7b',
    fails: 'r_0000000000000001',
    says: '$.v: expected #uuid, actual "r_0000000000000001"',
  },
  {
    marker: '#date-time',
    passes: '2026-03-02T08:15:00Z',
    fails: '2026-03-02',
    says: '$.v: expected #date-time, actual "2026-03-02"',
  },
  { marker: '#email', passes: 'a@b.io', fails: 'a@b', says: '$.v: expected #email, actual "a@b"' },
  {
    marker: '#uri',
    passes: 'https://x.example/a',
    fails: 'not a uri',
    says: '$.v: expected #uri, actual "not a uri"',
  },
  {
    marker: '#regex r_[0-9a-f]{4}',
    passes: 'r_00ff',
    fails: 'xr_00ff',
    says: '$.v: expected #regex r_[0-9a-f]{4}, actual "xr_00ff"',
  },
  { marker: '#[2]', passes: [1, 2], fails: [1], says: '$.v: expected #[2], actual [1]' },
  { marker: '#[]', passes: [], fails: 'x', says: '$.v: expected #[], actual "x"' },
  { marker: '#> 3', passes: 4, fails: 3, says: '$.v: expected #> 3, actual 3' },
  { marker: '#>= 3', passes: 3, fails: 2, says: '$.v: expected #>= 3, actual 2' },
  { marker: '#< 3', passes: 2, fails: 3, says: '$.v: expected #< 3, actual 3' },
  { marker: '#<= 3', passes: 3, fails: 4, says: '$.v: expected #<= 3, actual 4' },
  {
    marker: '#contains spam',
    passes: ['ham', 'spam'],
    fails: ['ham'],
    says: '$.v: expected #contains spam, actual ["ham"]',
  },
  {
    marker: '#contains {"category": "scam"}',
    passes: [{ category: 'scam', count: 4 }],
    fails: [{ category: 'fraud' }],
    says: '$.v: expected #contains {"category": "scam"}, actual [{"category":"fraud"}]',
  },
  {
    marker: '#contains bank',
    passes: 'my bank called',
    fails: 'my aunt called',
    says: '$.v: expected #contains bank, actual "my aunt called"',
  },
];

describe('match markers', () => {
  for (const { marker, passes, fails, says } of CASES) {
    it(`${marker} passes ${JSON.stringify(passes)} and fails ${JSON.stringify(fails)} in one line`, () => {
      assert.deepEqual(rowMismatches({ v: passes }, [['v', marker]]), []);
      assert.deepEqual(rowMismatches({ v: fails }, [['v', marker]]), [says]);
    });
  }

  it('#ignore passes anything, absent values too', () => {
    assert.deepEqual(
      rowMismatches({ v: 1 }, [
        ['v', '#ignore'],
        ['w', '#ignore'],
      ]),
      [],
    );
  });

  it('reads ## as a literal #, and values without # as JSON or text', () => {
    assert.equal(matchesWritten('#string', '##string'), true);
    assert.equal(matchesWritten('abc', '##string'), false);
    assert.equal(matchesWritten(3, '3'), true);
    assert.equal(matchesWritten('*', '*'), true);
    assert.equal(matchesWritten('anything', '*'), false);
  });

  it('refuses an unknown marker instead of comparing it literally, listing the markers', () => {
    assert.match(
      markerProblem('#strnig') ?? '',
      /^unknown marker "#strnig" \(markers: #ignore, #present, .*#\[N\], ##…\)$/,
    );
    assert.throws(() => matchesWritten('#strnig', '#strnig'), /unknown marker "#strnig"/);
    assert.equal(markerProblem('#string extra'), 'marker #string takes no argument, but "extra" follows it');
    assert.match(markerProblem('#> many') ?? '', /^marker #> N: "#> many" needs a number$/);
    assert.match(markerProblem('#regex (') ?? '', /is not a regular expression/);
    assert.equal(markerProblem('##anything'), undefined);
    assert.equal(markerProblem('plain'), undefined);
  });
});

describe('subset matching: `Then the response body contains:`', () => {
  const body = {
    number: '+886955000111',
    reportCount: 5,
    categories: [
      { category: 'scam', count: 4 },
      { category: 'fraud', count: 1 },
    ],
  };

  it('passes on some keys of an object and array items in any order, markers inside strings', () => {
    assert.deepEqual(
      containsMismatches(
        body,
        '{"categories": [{"category": "fraud"}, {"category": "scam", "count": "#> 3"}], "reportCount": "#integer"}',
      ),
      [],
    );
    assert.deepEqual(containsMismatches([1, 2, 3], '[3, 1]'), []);
  });

  it('names each path that falls short, with the expectation and the actual value', () => {
    assert.deepEqual(containsMismatches(body, '{"reportCount": 6, "business": "#present"}'), [
      '$.reportCount: expected 6, actual 5',
      '$.business: expected #present, actual (not present)',
    ]);
    assert.deepEqual(subsetMismatches(body.categories, [{ category: 'spam' }], '$.categories'), [
      '$.categories[*]: expected an item matching {"category":"spam"}, actual [{"category":"scam","count":4},{"category":"fraud","count":1}]',
    ]);
    assert.deepEqual(containsMismatches(body, '{"number": {"cc": 886}}'), [
      '$.number: expected an object with {"cc":886}, actual "+886955000111"',
    ]);
  });
});

describe('every item of an array: `Then every item at … matches:`', () => {
  const body = { items: [{ category: 'scam' }, { category: 'fraud' }] };

  it('checks each item, naming the index of each that fails', () => {
    assert.deepEqual(everyItemMismatches(body, 'items', [['category', '#string']]), []);
    assert.deepEqual(everyItemMismatches(body, '$.items', [['category', 'scam']]), [
      '$.items[1].category: expected scam, actual "fraud"',
    ]);
  });

  it('fails when there is no array at the path', () => {
    assert.deepEqual(everyItemMismatches(body, 'total', [['x', '1']]), [
      '$.total: expected an array, actual (not present)',
    ]);
  });
});

describe('response headers: `Then the response header … is …`', () => {
  const headers = { location: '/api/v1/users/ann/reports/r_00000000000000ff', 'x-count': '3' };

  it('finds the header in any case and compares its text, or tests it with a marker', () => {
    assert.equal(
      headerMismatch(headers, 'Location', '/api/v1/users/ann/reports/r_00000000000000ff'),
      undefined,
    );
    assert.equal(headerMismatch(headers, 'LOCATION', '#regex .*/reports/r_[0-9a-f]{16}'), undefined);
    assert.equal(headerMismatch(headers, 'X-Count', '3'), undefined, 'header values are text: 3 is "3"');
    assert.equal(headerMismatch(headers, 'Retry-After', '#notpresent'), undefined);
  });

  it('fails in one line naming the header', () => {
    assert.equal(
      headerMismatch(headers, 'X-Count', '4'),
      'response header X-Count: expected "4", actual "3"',
    );
    assert.equal(
      headerMismatch(headers, 'Retry-After', '#present'),
      'response header Retry-After: expected #present, actual (not present)',
    );
  });
});

describe('paths', () => {
  it('reads $ as the whole body and $[0].name, $.tags as today', () => {
    assert.deepEqual(
      rowMismatches(
        [{ name: 'a' }],
        [
          ['$', '#[1]'],
          ['$[0].name', 'a'],
        ],
      ),
      [],
    );
    assert.deepEqual(
      rowMismatches({ tags: ['x'] }, [
        ['$.tags', '["x"]'],
        ['tags[0]', 'x'],
      ]),
      [],
    );
  });
});
