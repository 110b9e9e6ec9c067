import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sameOrigin } from '../../support/services/services';

describe('sameOrigin: the browser calls the API under another name for this machine', () => {
  it('counts localhost, 127.0.0.1 and [::1] as one host', () => {
    assert.ok(sameOrigin(new URL('http://localhost:4000/x'), new URL('http://127.0.0.1:4000/')));
    assert.ok(sameOrigin(new URL('http://[::1]:4000/x'), new URL('http://localhost:4000/')));
  });

  it('still tells ports, schemes and other hosts apart', () => {
    assert.ok(!sameOrigin(new URL('http://localhost:4001/'), new URL('http://127.0.0.1:4000/')));
    assert.ok(!sameOrigin(new URL('https://localhost:4000/'), new URL('http://127.0.0.1:4000/')));
    assert.ok(!sameOrigin(new URL('http://evil.example:4000/'), new URL('http://127.0.0.1:4000/')));
  });
});
