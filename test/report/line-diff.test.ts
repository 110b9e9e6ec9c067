import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffBlock, diffHelps, lineDiff } from '../../support/report/line-diff';

describe('the diff of an expected and an actual value', () => {
  it('marks what was expected with -, what came with +, what both share with two spaces', () => {
    assert.deepEqual(lineDiff('a\nb\nc', 'a\nx\nc'), ['  a', '- b', '+ x', '  c']);
    assert.deepEqual(lineDiff('a', 'a\nb'), ['  a', '+ b']);
    assert.deepEqual(lineDiff('a\nb', 'b'), ['- a', '  b']);
    assert.deepEqual(lineDiff('', ''), ['  ']);
  });

  it('is given only where it says more than the headline', () => {
    assert.equal(diffHelps('spam', 'suspicious'), false);
    assert.equal(diffHelps(3, 4), false);
    assert.equal(diffHelps(null, undefined), false);
    assert.equal(diffHelps([], ['x']), true);
    assert.equal(diffHelps('one\ntwo', 'one'), true);
    assert.equal(diffBlock('spam', 'suspicious'), '');
  });

  it('compares structures as indented JSON, with the legend first', () => {
    assert.equal(
      diffBlock({ level: 'spam', count: 3 }, { level: 'suspicious', count: 3 }),
      [
        '',
        '- expected + actual',
        '',
        '  {',
        '-   "level": "spam",',
        '+   "level": "suspicious",',
        '    "count": 3',
        '  }',
      ].join('\n'),
    );
    assert.match(diffBlock([1], undefined), /\n\+ undefined$/);
  });
});
