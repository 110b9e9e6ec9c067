import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_REDACTION } from '../../support/config/config';
import type { ExchangeRecord } from '../../support/http/exchange';
import { REDACTED, Redactor } from '../../support/report/redact';

const record: ExchangeRecord = {
  assessment: { validated: true, undocumented: false, violations: ['echoed s3cr3t-token-value in detail'] },
  exchange: {
    source: 'api',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 3,
    request: {
      method: 'POST',
      url: 'http://api.test/auth/token?api_key=k-123456&page=2',
      headers: {
        authorization: 'Bearer s3cr3t-token-value',
        cookie: 'session=abcdef',
        accept: 'application/json',
      },
      body: { username: 'alice', password: 'hunter2-long', nested: [{ clientSecret: 'xyz' }] },
    },
    response: {
      status: 200,
      headers: { 'set-cookie': 'session=abcdef', 'content-type': 'application/json' },
      body: { accessToken: 's3cr3t-token-value', note: 'your token is s3cr3t-token-value' },
    },
  },
};

describe('the text of an exchange record, redacted once', () => {
  // A secret with what JSON escapes in it: the text holds it escaped, never as it was made.
  const quoted = 'pw-Qm7"x\\<&-long';
  const withQuoted: ExchangeRecord = {
    ...record,
    exchange: {
      ...record.exchange,
      response: { ...record.exchange.response, body: { echo: `you sent ${quoted}`, path: '/x?q=1' } },
    },
  };

  it('finds a secret JSON escapes (quote, backslash) in the text, and names none anywhere', () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    redactor.addSecret('s3cr3t-token-value');
    redactor.addSecret(quoted);
    const once = redactor.recordText(withQuoted, (redacted) => redacted);
    const read = JSON.parse(once) as ExchangeRecord;
    assert.deepEqual(read.exchange.response.body, { echo: `you sent ${REDACTED}`, path: '/x?q=1' });
    for (const secret of [
      's3cr3t-token-value',
      'hunter2-long',
      'abcdef',
      'k-123456',
      'xyz',
      JSON.stringify(quoted).slice(1, -1),
    ]) {
      assert.ok(!once.includes(secret), `${secret} leaked: ${once}`);
    }
  });

  it('redacts what the shape adds from the record (the curl line) by value too', () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    redactor.addSecret('hunter2-long');
    const text = redactor.recordText(record, (redacted) => ({
      ...redacted,
      curl: `curl -d password=hunter2-long`,
    }));
    assert.match(text, /"curl": "curl -d password=\[REDACTED\]"/);
  });
});

describe('Redactor', () => {
  const redactor = new Redactor(DEFAULT_REDACTION);
  redactor.addSecret('s3cr3t-token-value');
  const text = redactor.recordText(record, (shaped) => shaped);
  const redacted = JSON.parse(text) as ExchangeRecord;

  it('leaves no secret anywhere in an exchange record', () => {
    for (const secret of ['s3cr3t-token-value', 'hunter2-long', 'abcdef', 'k-123456', 'xyz']) {
      assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    }
  });

  it('keeps what is not secret, and the auth scheme', () => {
    assert.equal(redacted.exchange.request.headers.authorization, `Bearer ${REDACTED}`);
    assert.equal(redacted.exchange.request.headers.accept, 'application/json');
    assert.deepEqual((redacted.exchange.request.body as Record<string, unknown>).username, 'alice');
    assert.match(redacted.exchange.request.url, /page=2/);
    assert.equal(redacted.assessment.violations[0], `echoed ${REDACTED} in detail`);
  });

  it('does not change the record it redacts', () => {
    assert.equal((record.exchange.request.body as Record<string, unknown>).password, 'hunter2-long');
  });

  it('takes extra names from configuration', () => {
    const custom = new Redactor({ ...DEFAULT_REDACTION, fields: [...DEFAULT_REDACTION.fields, 'pin'] });
    assert.deepEqual(custom.value({ pin: '1234', name: 'x' }), { pin: REDACTED, name: 'x' });
  });
});

describe('Redactor learning secrets from exchanges', () => {
  it('scrubs, by value, tokens it only saw in an exchange', () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    redactor.learnFrom(record);
    const trace = 'fill password hunter2-long; network {"accessToken":"s3cr3t-token-value"}; cookie abcdef';
    assert.equal(
      redactor.text(trace),
      `fill password ${REDACTED}; network {"accessToken":"${REDACTED}"}; cookie ${REDACTED}`,
    );
  });
});

describe('Redactor learning only what can be a secret', () => {
  const exchange = (
    requestBody: unknown,
    responseHeaders: Record<string, string>,
    responseBody: unknown,
  ): ExchangeRecord => ({
    assessment: { validated: true, undocumented: false, violations: [] },
    exchange: {
      source: 'api',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1,
      request: { method: 'POST', url: 'http://api.test/sessions', headers: {}, body: requestBody },
      response: { status: 201, headers: responseHeaders, body: responseBody },
    },
  });

  it("does not learn a mock's placeholder values, so ordinary text keeps its words", () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    // What a mock serving a contract without examples answers: placeholder values in secret-named fields.
    redactor.learnFrom(exchange({ password: 'string' }, {}, { token: 'string', accessToken: 'xxxxxxxx' }));
    assert.equal(
      redactor.text('response body at /name: expected string, actual 42; xxxxxxxx'),
      'response body at /name: expected string, actual 42; xxxxxxxx',
    );
  });

  it("learns a cookie's value but none of its attributes", () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    redactor.learnFrom(
      exchange(
        undefined,
        {
          'set-cookie':
            'sid=k9Qz7-session-value; Domain=shop.example.com; Path=/; SameSite=Strict; Expires=Wed, 21 Oct 2026 07:28:00 GMT, theme=darkmode-long; Max-Age=3600',
        },
        undefined,
      ),
    );
    assert.equal(
      redactor.text(
        'GET https://shop.example.com/cart (SameSite=Strict) sid k9Qz7-session-value theme darkmode-long',
      ),
      `GET https://shop.example.com/cart (SameSite=Strict) sid ${REDACTED} theme ${REDACTED}`,
    );
  });
});

describe('a failure that quotes a secret', () => {
  it('names the secret as the feature knows it, and redacts the ones it does not name', () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    redactor.addSecret('cid_token-value-1234');
    redactor.label('cid_token-value-1234', 'the remembered "tok"');
    redactor.addSecret('pw-unnamed-secret');
    assert.equal(
      redactor.errorText('$.tokenType: expected "cid_token-value-1234", actual "Bearer" (pw-unnamed-secret)'),
      `$.tokenType: expected the remembered "tok" [secret], actual "Bearer" (${REDACTED})`,
    );
    // Reports other than failures never say which secret stood there.
    assert.equal(redactor.text('cid_token-value-1234'), REDACTED);
  });
});

describe('Redactor: a credential after an auth scheme that holds a known secret', () => {
  it('is redacted whole, not around the secret', () => {
    const redactor = new Redactor(DEFAULT_REDACTION);
    redactor.addSecret('S3cr3tValue');
    redactor.addSecret('p4ss');
    assert.equal(
      redactor.text('Authorization: Bearer abc.S3cr3tValue.xyz'),
      `Authorization: Bearer ${REDACTED}`,
    );
    assert.equal(redactor.text('Bearer p4ss0000000000 then p4ss'), `Bearer ${REDACTED} then ${REDACTED}`);
    assert.equal(redactor.text('S3cr3tValue and S3cr3tValue'), `${REDACTED} and ${REDACTED}`);
  });
});
