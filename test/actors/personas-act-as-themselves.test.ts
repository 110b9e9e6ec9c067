import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runHarness } from '../helpers/run-harness';
import { tempFile } from '../helpers/temp';

/**
 * A step that names a person acts as that person and reads what that person was told — not as
 * whoever signed in or called last. Each scenario below passes only when `{persona}` is an actor
 * with its own credentials, browser page and last response.
 */

const FEATURE = `Feature: Each person acts as themselves

  @api
  Scenario: Bob is told about his own refusal, not about Alice's success
    Given a number nobody has reported
    And Alice has blocked the number
    When Bob unblocks the number
    And Alice unblocks the number
    Then Bob is told the number is not on the block list
    And the number is unblocked

  @ui
  Scenario: Alice blocks on her own block list although Bob signed in after her
    Given a number nobody has reported
    And Alice is signed in to the web app
    And Bob is signed in to the web app
    When Alice blocks the number in the web app with the label "Pushy sales"
    Then Alice's block list shows the number labelled "Pushy sales"
    And Bob's block list is empty
`;

const FAILING_WITH_TWO_PAGES = `Feature: A failure with two people in the web app

  @ui
  Scenario: Alice and Bob sign in, and the check after fails on purpose
    Given Alice is signed in to the web app
    And Bob is signed in to the web app
    Then the web app says the username or password is wrong
`;

describe('personas are actors', () => {
  it('each step acts as, and checks what happened to, the person it names', async () => {
    const feature = tempFile('personas.feature', FEATURE);
    const run = await runHarness('spec', ['--no-gate', '--format', 'summary', feature]);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /2 scenarios \(2 passed\)/, run.output);
  });

  it('leave a screenshot and a trace of each one’s page when a scenario fails', async () => {
    const feature = tempFile('two-pages.feature', FAILING_WITH_TWO_PAGES);
    const run = await runHarness('spec', ['--no-gate', '--format', 'summary', feature]);
    assert.equal(run.code, 1, run.output);
    for (const attachment of [
      'Screenshot at failure (Alice).png',
      'Screenshot at failure (Bob).png',
      'Playwright trace (Alice) (npx playwright show-trace).zip',
      'Playwright trace (Bob) (npx playwright show-trace).zip',
    ]) {
      assert.ok(run.output.includes(attachment), `${attachment} in:\n${run.output}`);
    }
  });
});
