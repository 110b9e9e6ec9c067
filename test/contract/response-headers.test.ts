import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ContractInspector } from '../../support/contract/inspector';
import { loadContract } from '../../support/contract/load';
import { exchange } from '../helpers/exchanges';

const HEADERS_SPEC = path.join(__dirname, '../fixtures/contract/headers.yaml');
const positive = { negative: false };

describe('declared response headers', () => {
  let inspector: ContractInspector;
  before(async () => {
    inspector = new ContractInspector(await loadContract(HEADERS_SPEC), '/v2');
  });

  it('a declared header without `required` is mandatory: its absence names operation, status and header', () => {
    const result = inspector.inspect(exchange({ path: '/shelves', body: {} }), positive);
    assert.deepEqual(result.violations, [
      'missing response header X-Rate-Limit, declared for listShelves → 200 (mark it required: false if it is optional)',
    ]);
  });

  it('a header the contract marks `required: false` may be left out', () => {
    const result = inspector.inspect(
      exchange({ path: '/shelves', headers: { 'x-rate-limit': '10' }, body: {} }),
      positive,
    );
    assert.deepEqual(result.violations, []);
  });

  it('a header that is sent is checked against its schema, optional or not', () => {
    const result = inspector.inspect(
      exchange({ path: '/shelves', headers: { 'x-rate-limit': 'lots', 'x-debug-id': 'a1' }, body: {} }),
      positive,
    );
    assert.deepEqual(result.violations, [
      'response header X-Rate-Limit: expected integer, actual "lots" (string) [rule: type]',
    ]);
  });

  it('names the response key that declared the header: a `default` response too', () => {
    const result = inspector.inspect(exchange({ path: '/shelves', status: 503 }), positive);
    assert.equal(result.responseKey, 'default');
    assert.deepEqual(result.violations, [
      'missing response header Retry-After, declared for listShelves → default (mark it required: false if it is optional)',
    ]);
  });
});
