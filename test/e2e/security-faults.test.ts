import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runHarness } from '../helpers/run-harness';

/** The security features, run against the embedded service with one deliberate defect. */
function runSecurity(fault: string | undefined, feature: string): ReturnType<typeof runHarness> {
  return runHarness('spec', [`features/security/${feature}.feature`, '--format', 'summary', '--no-gate'], {
    ...(fault ? { SUT_FAULTS: fault } : {}),
  });
}

describe('the security checks derived from the contract', () => {
  it('pass on the embedded service as it is', async () => {
    const run = await runSecurity(undefined, 'protected-operations');
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /5 scenarios \(5 passed\)/);
  });

  it('catch a service that forgets that tokens expire, naming every operation that let it in', async () => {
    const run = await runSecurity('expired-tokens-accepted', 'protected-operations');
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /Scenario: Every protected operation refuses an expired token/);
    assert.match(
      run.output,
      /every protected operation refused with 401: getUser \(GET \/users\/\{username\}\) answered 200; reportNumber \(POST \/users\/\{username\}\/reports\) answered 201/,
    );
    assert.match(run.output, /5 scenarios \(1 failed, 4 passed\)/);
  });

  it("catch a service that lets another account's token delete", async () => {
    const run = await runSecurity('deletes-skip-owner-check', 'protected-operations');
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /Scenario: Every protected operation refuses another account's token/);
    assert.match(
      run.output,
      /withdrawReport \(DELETE \/users\/\{username\}\/reports\/\{reportId\}\) answered 404/,
    );
    assert.match(
      run.output,
      /unblockNumber \(DELETE \/users\/\{username\}\/block-list\/\{number\}\) answered 404/,
    );
  });

  it('catch a server error on hostile input, naming the operation, the field and the value', async () => {
    const run = await runSecurity('report-comment-crashes', 'hostile-input');
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /Scenario: Every operation handles injection strings in every text field/);
    assert.match(
      run.output,
      /reportNumber \(POST \/users\/\{username\}\/reports\) with comment = "' OR '1'='1' --" failed with 500/,
    );
    assert.match(run.output, /5 scenarios \(1 failed, 4 passed\)/);
  });
});
