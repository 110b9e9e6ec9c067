import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flat, flattenRandomUuids } from '../../support/results/flat-ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the run ids cucumber makes with crypto.randomUUID, flattened as made', () => {
  it('are still version-4 UUIDs, a new one each call, once the flattening is installed', () => {
    assert.equal(Object.hasOwn(globalThis.crypto, 'randomUUID'), false, 'Node’s own, from the prototype');
    try {
      flattenRandomUuids();
      assert.equal(Object.hasOwn(globalThis.crypto, 'randomUUID'), true, 'installed on the instance');
      const ids = Array.from({ length: 1000 }, () => globalThis.crypto.randomUUID());
      assert.ok(
        ids.every((id) => UUID.test(id)),
        ids.find((id) => !UUID.test(id)),
      );
      assert.equal(new Set(ids).size, ids.length);
    } finally {
      // Node's own again.
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
  });

  it('keeps a string as it is (a rope joined from pieces reads the same once flat)', () => {
    const rope = ['ab', 'cd', '-', 'ef'].reduce((joined, piece) => joined + piece, '');
    assert.equal(flat(rope), 'abcd-ef');
    assert.equal(flat(''), '');
  });
});
