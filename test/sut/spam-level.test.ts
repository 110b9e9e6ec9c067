import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spamLevel } from '../../sut/domain/spam-level';
import type { ReportCategory } from '../../sut/domain/types';

const times = (category: ReportCategory, count: number): ReportCategory[] =>
  Array<ReportCategory>(count).fill(category);

describe('the spam level rule', () => {
  const cases: [ReportCategory[], boolean, string][] = [
    [[], false, 'none'],
    [times('telemarketing', 1), false, 'suspicious'],
    [times('telemarketing', 2), false, 'suspicious'],
    [times('telemarketing', 3), false, 'spam'],
    [times('scam', 2), false, 'suspicious'],
    [times('scam', 3), false, 'fraud'],
    [[...times('scam', 2), 'fraud'], false, 'fraud'],
    [[...times('scam', 2), 'robocall'], false, 'spam'],
    [[], true, 'none'],
    [times('scam', 9), true, 'suspicious'],
  ];
  for (const [categories, verified, level] of cases) {
    it(`${categories.join(', ') || 'no reports'}${verified ? ' (verified business)' : ''} → ${level}`, () => {
      assert.equal(spamLevel(categories, verified), level);
    });
  }

  it('moves by one with a threshold of four (the off-by-one fault)', () => {
    assert.equal(spamLevel(times('telemarketing', 3), false, 4), 'suspicious');
    assert.equal(spamLevel(times('scam', 3), false, 4), 'suspicious');
    assert.equal(spamLevel(times('scam', 4), false, 4), 'fraud');
  });
});
