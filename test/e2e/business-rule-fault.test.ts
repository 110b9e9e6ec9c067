import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runHarness } from '../helpers/run-harness';

describe('a business rule broken in the service', () => {
  it('fails the suite, naming the scenario and the expected and actual spam level', async () => {
    // The fault makes spam need four reports instead of three: the REQ-110 examples must catch it.
    const run = await runHarness(
      'spec',
      ['--tags', '@REQ-110 and @api', '--format', 'summary', '--no-gate'],
      {
        SUT_FAULTS: 'spam-threshold-off-by-one',
      },
    );
    assert.equal(run.code, 1, run.output);
    assert.match(
      run.output,
      /Scenario: 3 telemarketing report\(s\) make a number spam # features\/number-lookup\/spam-level\.feature:\d+/,
    );
    assert.match(run.output, /spam level of \+886\d+: expected "spam", actual "suspicious"/);
    assert.match(run.output, /風險等級為「垃圾」/, 'the Traditional Chinese examples catch it too');
    assert.match(run.output, /8 scenarios \(2 failed, 6 passed\)/);
    assert.doesNotMatch(run.output, /isn't supported/, 'Allure accepts every piece of metadata');
  });

  it('passes the same scenarios when the service keeps the rule', async () => {
    const run = await runHarness('spec', ['--tags', '@REQ-110 and @api', '--format', 'summary', '--no-gate']);
    assert.equal(run.code, 0, run.output);
  });
});
