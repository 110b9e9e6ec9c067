import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as messages from '@cucumber/messages';
import { AttachmentRelease, mayReleaseAttachments } from '../../support/results/attachment-release';

function attachment(testCaseStartedId: string, mediaType: string, body: string): messages.Attachment {
  return {
    testCaseStartedId,
    testStepId: 'step',
    mediaType,
    body,
    contentEncoding: 'IDENTITY' as messages.AttachmentContentEncoding,
  };
}

function finished(testCaseStartedId: string): messages.Envelope {
  return {
    testCaseFinished: { testCaseStartedId, willBeRetried: false, timestamp: { seconds: 0, nanos: 0 } },
  };
}

describe("attachments released in the coordinator once their scenario's attempt has finished", () => {
  it("empties the bodies of that attempt's attachments only, at its end, and keeps what the console shows", () => {
    const release = new AttachmentRelease();
    const exchange = attachment('a', 'application/json', '{"exchange":{}}');
    const log = attachment('a', 'text/plain', 'a line the step wrote');
    const other = attachment('b', 'image/png', 'iVBORw0KGgo=');
    for (const each of [exchange, log, other]) release.update({ attachment: each });
    assert.equal(exchange.body, '{"exchange":{}}', 'kept while the attempt runs: listeners still take it');
    release.update(finished('a'));
    assert.equal(exchange.body, '');
    assert.equal(log.body, 'a line the step wrote', 'the console prints it in the summary');
    assert.equal(other.body, 'iVBORw0KGgo=', 'another attempt, still running');
    release.update(finished('b'));
    assert.equal(other.body, '');
  });

  it('is only for runs whose formatters never read an attachment after its scenario', () => {
    const harness = ['/h/support/report/progress-formatter.cjs', '/h/support/results/allure-formatter.cjs'];
    const ours = { stdout: harness[0]!, files: { 'reports/allure.log': harness[1]! } };
    assert.equal(mayReleaseAttachments(ours, harness), true);
    assert.equal(
      mayReleaseAttachments({ ...ours, files: { ...ours.files, 'r.xml': 'junit' } }, harness),
      true,
    );
    // Cucumber's html formatter queues messages while it reads its template: it keeps the bodies.
    assert.equal(
      mayReleaseAttachments({ ...ours, files: { ...ours.files, 'x.html': 'html' } }, harness),
      false,
    );
    assert.equal(
      mayReleaseAttachments({ ...ours, files: { ...ours.files, 'c.json': 'json' } }, harness),
      false,
    );
    assert.equal(mayReleaseAttachments({ stdout: './my-formatter.js' }, harness), false);
  });
});
