import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_REDACTION } from '../../support/config/config';
import { REDACTED, Redactor } from '../../support/report/redact';
import { redactError } from '../../support/report/redact-error';

const SPECIAL = 'Dm0"Pa\\ss<&+%Xq9';
const TOKEN = 'cid_3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';

function redactorWith(...secrets: string[]): Redactor {
  const redactor = new Redactor(DEFAULT_REDACTION);
  for (const secret of secrets) redactor.addSecret(secret);
  return redactor;
}

describe('Redactor: a secret in every encoding a report holds', () => {
  const redactor = redactorWith(SPECIAL, TOKEN);
  const forms: Record<string, string> = {
    raw: SPECIAL,
    'JSON-escaped': JSON.stringify(SPECIAL).slice(1, -1),
    'JSON-escaped twice': JSON.stringify(JSON.stringify(SPECIAL).slice(1, -1)).slice(1, -1),
    'URL-encoded': encodeURIComponent(SPECIAL),
    'HTML-escaped': SPECIAL.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'),
  };
  for (const [encoding, form] of Object.entries(forms)) {
    it(`redacts the ${encoding} form`, () => {
      const text = redactor.text(`before ${form} after`);
      assert.equal(text, `before ${REDACTED} after`);
    });
  }

  it('redacts Basic credentials (base64 of user:password) and bearer tokens in text', () => {
    const basic = Buffer.from(`alice:${SPECIAL}`).toString('base64');
    const text = redactor.text(`Authorization: Basic ${basic}\nAuthorization: Bearer eyJhbGciOi.x1`);
    assert.ok(!text.includes(basic), text);
    assert.match(text, /Basic \[REDACTED\]/);
    assert.match(text, /Bearer \[REDACTED\]/);
  });

  it('leaves words after an auth scheme alone', () => {
    assert.equal(redactor.text('Bearer authentication is required'), 'Bearer authentication is required');
  });
});

describe('Redactor: secrets of any length', () => {
  it('registers a 4-character password and redacts it by value', () => {
    const redactor = redactorWith('k9!Q');
    assert.equal(redactor.text('typed k9!Q into the field'), `typed ${REDACTED} into the field`);
  });

  it('redacts a shorter one where it stands as a credential, and not everywhere', () => {
    const redactor = redactorWith('ab');
    assert.deepEqual(redactor.value({ password: 'ab', note: 'abc' }), { password: REDACTED, note: 'abc' });
  });

  it('still learns no placeholder from an exchange', () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    redactor.learnFrom({
      assessment: { validated: true, undocumented: false, violations: [] },
      exchange: {
        source: 'api',
        startedAt: '2026-01-01T00:00:00.000Z',
        durationMs: 1,
        request: { method: 'POST', url: 'http://x.test/auth', headers: {}, body: undefined },
        response: { status: 200, headers: {}, body: { accessToken: 'string' } },
      },
    });
    assert.equal(redactor.text('a string'), 'a string');
  });
});

describe('redactError: what a failed step leaves', () => {
  const redactor = redactorWith(TOKEN, 'pw-Zx81');

  it('redacts a comparison quoting a remembered token, and keeps the message', () => {
    const error = new Error(`the response body at "tokenType" is "Bearer", expected "${TOKEN}"`);
    const redacted = redactError(error, redactor) as Error;
    assert.equal(redacted.message, `the response body at "tokenType" is "Bearer", expected "${REDACTED}"`);
    assert.ok(!redacted.stack?.includes(TOKEN));
  });

  it('redacts an assertion whose actual value is a password (cucumber prints actual and expected)', () => {
    const error = Object.assign(new Error(`expected "x" to be "pw-Zx81"`), {
      actual: { password: 'pw-Zx81', other: `seen pw-Zx81` },
      expected: 'pw-Zx81',
      showDiff: true,
    });
    const redacted = redactError(error, redactor) as typeof error;
    assert.ok(
      !JSON.stringify([redacted.message, redacted.stack, redacted.actual, redacted.expected]).includes(
        'pw-Zx81',
      ),
    );
  });

  it('redacts a thrown string', () => {
    assert.equal(redactError(`token ${TOKEN}`, redactor), `token ${REDACTED}`);
  });
});
