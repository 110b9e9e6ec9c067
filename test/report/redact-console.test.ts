import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_REDACTION } from '../../support/config/config';
import { redactConsole } from '../../support/report/redact-console';
import { Redactor } from '../../support/report/redact';

/** A console that keeps what it was asked to print. */
function recordingConsole(): { console: Console; printed: string[] } {
  const printed: string[] = [];
  const record = (...args: unknown[]): void => {
    printed.push(args.map(String).join(' '));
  };
  const target = { log: record, info: record, warn: record, error: record, debug: record, trace: record };
  return { console: target as unknown as Console, printed };
}

describe("a step's own console output", () => {
  it('is redacted while a scenario runs, whatever the method and the encoding', () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    redactor.addSecret('cid_s3cretTokenValue42');
    const { console: target, printed } = recordingConsole();
    redactConsole(target, () => redactor);
    target.log('token is %s', 'cid_s3cretTokenValue42');
    target.error({ authorization: 'Bearer cid_s3cretTokenValue42' });
    target.warn(encodeURIComponent('cid_s3cretTokenValue42'));
    assert.equal(printed.length, 3);
    for (const line of printed) assert.doesNotMatch(line, /s3cretTokenValue42/, line);
    assert.match(printed[0]!, /^token is \[REDACTED\]$/);
  });

  it('passes through untouched outside a scenario', () => {
    const { console: target, printed } = recordingConsole();
    redactConsole(target, () => undefined);
    target.log('plain', 42);
    assert.deepEqual(printed, ['plain 42']);
  });
});
