import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runHarness } from '../helpers/run-harness';

// The progress formatter of logs (stdout not a terminal) writes its dots in batches: nothing of
// what cucumber's own would have printed may be lost or come out of order.
describe('the batched progress formatter', () => {
  it('prints a dot per step and hook, then the summary, and each failure as people read it', async () => {
    const passing = await runHarness('spec', ['--tags', '@REQ-501', '--no-gate']);
    assert.equal(passing.code, 0, passing.output);
    assert.match(passing.output, /^\.{5,}\n\n1 scenario \(1 passed\)\n3 steps \(3 passed\)\n/m);

    const failing = await runHarness('spec', ['--tags', '@REQ-110 and @api', '--no-gate'], {
      SUT_FAULTS: 'spam-threshold-off-by-one',
    });
    assert.equal(failing.code, 1, failing.output);
    assert.match(failing.output, /^[.F-]*F[.F-]*\n\nFailures:\n/m);
    assert.match(failing.output, /\n8 scenarios \(2 failed, 6 passed\)\n/);
    // A failure reads in seconds: the headline, then the project's own frames; no diff of two
    // words, no frame of cucumber or node, no attachment line under a step.
    assert.match(
      failing.output,
      /\n {7}spam level of \+886\d+: expected "spam", actual "suspicious"\n {11}at .*\(\.\/steps\/api\/lookup\.steps\.ts:\d+:\d+\)\n {3}- /,
    );
    assert.doesNotMatch(failing.output, /Attachment \(|node_modules|node:internal|[+-] (expected|actual)/);
  });
});
