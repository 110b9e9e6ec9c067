import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PartnerUsage } from '../../sut/domain/partner-usage';

describe('a partner account’s usage', () => {
  it('counts the lookups of the current UTC day and month, each partner apart', () => {
    let now = new Date('2026-11-30T23:59:00Z');
    const usage = new PartnerUsage(() => now);
    usage.record('acme');
    now = new Date('2026-12-01T00:00:00Z');
    usage.record('acme');
    usage.record('acme');
    usage.record('globex');
    now = new Date('2026-12-02T08:00:00Z');
    usage.record('acme');
    assert.equal(usage.count('acme', 'day'), 1, 'only today’s');
    assert.equal(usage.count('acme', 'month'), 3, 'December’s, not November’s');
    assert.equal(usage.count('globex', 'month'), 1);
    assert.equal(usage.count('initech', 'day'), 0);
    now = new Date('2027-01-01T00:00:00Z');
    assert.equal(usage.count('acme', 'month'), 0, 'a new month starts from nothing');
    usage.reset();
    now = new Date('2026-12-02T09:00:00Z');
    assert.equal(usage.count('acme', 'day'), 0);
  });
});
