import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseFaults, startSut, type RunningSut } from '../../sut';

async function call(
  sut: RunningSut,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; type?: string } = {},
): Promise<{ status: number; type: string; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined)
    headers['content-type'] = options.type ?? 'application/json';
  const response = await fetch(`${sut.apiBaseUrl}${path}`, {
    method,
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function signUp(sut: RunningSut, username: string): Promise<string> {
  await call(sut, 'POST', '/users', { body: { username, password: 'long-enough-password' } });
  const token = await call(sut, 'POST', '/auth/token', {
    body: { username, password: 'long-enough-password' },
  });
  return String(token.body.accessToken);
}

describe('the embedded service over HTTP', () => {
  let sut: RunningSut;
  let clock = new Date('2026-06-01T00:00:00Z');
  before(async () => {
    sut = await startSut({ now: () => clock });
  });
  after(() => sut.close());

  it('answers every error with a problem document', async () => {
    for (const [method, path, status] of [
      ['GET', '/numbers/12345', 400],
      ['GET', '/nowhere', 404],
      ['PUT', '/health', 405],
    ] as const) {
      const response = await call(sut, method, path);
      assert.equal(response.status, status);
      assert.match(response.type, /^application\/problem\+json/);
      assert.equal(response.body.status, status);
    }
    assert.equal((await call(sut, 'PUT', '/health')).headers.get('allow'), 'GET');
  });

  it('refuses malformed JSON, other media types and oversized bodies, never with a 500', async () => {
    assert.equal((await call(sut, 'POST', '/users', { raw: '{"username": ' })).status, 400);
    assert.equal(
      (await call(sut, 'POST', '/users', { raw: 'username=x', type: 'application/x-www-form-urlencoded' }))
        .status,
      415,
    );
    assert.equal(
      (await call(sut, 'POST', '/users', { raw: JSON.stringify({ username: 'x'.repeat(20_000) }) })).status,
      413,
    );
  });

  it('says a body that claims a Content-Encoding it does not have is not compressed that way', async () => {
    for (const encoding of ['gzip', 'br', 'deflate']) {
      const response = await fetch(`${sut.apiBaseUrl}/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{"username": "x"}',
      });
      assert.equal(response.status, 400, encoding);
      const problem = (await response.json()) as { detail: string; errors: { in: string }[] };
      assert.equal(
        problem.detail,
        `body: is not ${encoding}-compressed data, although Content-Encoding says ${encoding}`,
      );
      assert.equal(problem.errors[0]?.in, 'body');
    }
    const badPath = await call(sut, 'GET', '/numbers/%E0%A4%A');
    assert.equal(badPath.body.detail, 'path: is not valid percent-encoding');
  });

  it('names every invalid field, unknown properties included', async () => {
    const response = await call(sut, 'POST', '/users', {
      body: { username: 'A', password: 'short', shoeSize: 44 },
    });
    assert.deepEqual(
      (response.body.errors as { field: string }[]).map((error) => error.field),
      ['username', 'password', 'shoeSize'],
    );
  });

  it('checks a protected operation in order: token, then owner, then input', async () => {
    const alice = await signUp(sut, 'alice-http');
    const bob = await signUp(sut, 'bob-http');
    const path = '/users/alice-http/block-list';
    assert.equal((await call(sut, 'POST', path, { body: { number: 'bad' } })).status, 401);
    assert.equal((await call(sut, 'POST', path, { token: 'made-up', body: { number: 'bad' } })).status, 401);
    assert.equal((await call(sut, 'POST', path, { token: bob, body: { number: 'bad' } })).status, 403);
    assert.equal((await call(sut, 'POST', path, { token: alice, body: { number: 'bad' } })).status, 400);
    assert.equal(
      (await call(sut, 'POST', path, { token: alice, body: { number: '+886911000001' } })).status,
      201,
    );
  });

  it('serves a new account where its Location says, to its holder only', async () => {
    const created = await call(sut, 'POST', '/users', {
      body: { username: 'erin-http', password: 'long-enough-password', displayName: 'Erin' },
    });
    const location = created.headers.get('location') ?? '';
    assert.equal(location, '/api/v1/users/erin-http');
    const erin = await call(sut, 'POST', '/auth/token', {
      body: { username: 'erin-http', password: 'long-enough-password' },
    });
    const bob = await signUp(sut, 'bob-account-http');
    const path = location.replace('/api/v1', '');
    const own = await call(sut, 'GET', path, { token: String(erin.body.accessToken) });
    assert.equal(own.status, 200);
    assert.deepEqual(own.body, created.body);
    assert.equal((await call(sut, 'GET', path)).status, 401);
    assert.equal((await call(sut, 'GET', path, { token: bob })).status, 403);
  });

  it('refuses an expired token as expired', async () => {
    await call(sut, 'POST', '/users', { body: { username: 'carol-http', password: 'long-enough-password' } });
    const issued = await call(sut, 'POST', '/auth/token', {
      body: { username: 'carol-http', password: 'long-enough-password', expiresIn: 60 },
    });
    clock = new Date(clock.getTime() + 61_000);
    const response = await call(sut, 'GET', '/users/carol-http/block-list', {
      token: String(issued.body.accessToken),
    });
    assert.equal(response.status, 401);
    assert.match(String(response.body.detail), /expired/);
    assert.match(response.headers.get('www-authenticate') ?? '', /invalid_token/);
  });

  it('pages reports newest first and says how many there are', async () => {
    const tokens = await Promise.all(['d1', 'd2', 'd3'].map((name) => signUp(sut, `paging-${name}`)));
    for (const [index, token] of tokens.entries()) {
      clock = new Date(clock.getTime() + 1000);
      await call(sut, 'POST', `/users/paging-d${index + 1}/reports`, {
        token,
        body: { number: '+886911000777', category: 'robocall', comment: `#${index + 1}` },
      });
    }
    const page = await call(sut, 'GET', '/numbers/%2B886911000777/reports?page=1&pageSize=2');
    assert.deepEqual(
      (page.body.items as { comment: string }[]).map((item) => item.comment),
      ['#3', '#2'],
    );
    assert.equal(page.body.totalPages, 2);
    assert.equal((await call(sut, 'GET', '/numbers/%2B886911000777/reports?pageSize=51')).status, 400);
  });

  it('names every invalid path and query parameter of a listing at once', async () => {
    const response = await call(sut, 'GET', '/numbers/12345/reports?page=0&pageSize=x');
    assert.equal(response.status, 400);
    assert.deepEqual(response.body.errors, [
      { in: 'path', field: 'number', message: 'must be an E.164 phone number such as +886912345678' },
      { in: 'query', field: 'page', message: 'must be at least 1' },
      { in: 'query', field: 'pageSize', message: 'must be an integer' },
    ]);
    const repeated = await call(sut, 'GET', '/numbers/%2B886911000777/reports?page=1&page=2');
    assert.deepEqual(repeated.body.errors, [{ in: 'query', field: 'page', message: 'must be given once' }]);
  });

  it('forgets everything but the seed data on reset', async () => {
    await signUp(sut, 'temporary-user');
    sut.reset();
    assert.equal(
      (
        await call(sut, 'POST', '/auth/token', {
          body: { username: 'temporary-user', password: 'long-enough-password' },
        })
      ).status,
      401,
    );
    const fraud = await call(sut, 'GET', '/numbers/%2B886955000111');
    assert.equal(fraud.body.spamLevel, 'fraud');
    assert.equal(fraud.body.reportCount, 5);
  });
});

describe('the fault switches', () => {
  it('refuse an unknown fault with the list of known ones', () => {
    assert.throws(
      () => parseFaults('lookup-hangs, nonsense'),
      /unknown fault "nonsense" \(known: spam-threshold-off-by-one, /,
    );
  });

  it('each change exactly what they say', async () => {
    const sut = await startSut({
      faults: parseFaults('lookup-report-count-as-string,lookup-missing-kind,health-text-plain'),
    });
    try {
      const lookup = await call(sut, 'GET', '/numbers/%2B886955000111');
      assert.equal(lookup.body.reportCount, '5');
      assert.equal('kind' in lookup.body, false);
      const health = await fetch(`${sut.apiBaseUrl}/health`);
      assert.match(health.headers.get('content-type') ?? '', /^text\/plain/);
    } finally {
      await sut.close();
    }
  });

  it("let an expired token in, and another account's token delete on the path's account only", async () => {
    let clock = new Date('2026-06-01T00:00:00Z');
    const sut = await startSut({
      now: () => clock,
      faults: parseFaults('expired-tokens-accepted,deletes-skip-owner-check'),
    });
    try {
      const alice = await signUp(sut, 'alice-faults');
      const bob = await signUp(sut, 'bob-faults');
      const list = '/users/alice-faults/block-list';
      await call(sut, 'POST', list, { token: alice, body: { number: '+886911000002' } });
      assert.equal(
        (await call(sut, 'POST', list, { token: bob, body: { number: '+886911000003' } })).status,
        403,
      );
      assert.equal((await call(sut, 'DELETE', `${list}/%2B886911000002`, { token: bob })).status, 204);
      assert.deepEqual((await call(sut, 'GET', list, { token: alice })).body.items, []);
      clock = new Date(clock.getTime() + 3601_000);
      assert.equal((await call(sut, 'GET', list, { token: alice })).status, 200);
    } finally {
      await sut.close();
    }
  });
});
