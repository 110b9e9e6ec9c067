import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadContract, type Contract } from '../../support/contract/load';
import { buildRequest, emptyCall, valueAtPath } from '../../support/contract/operation-call';
import { matchesWritten } from '../../support/contract/markers';
import { LIBRARY_SPEC } from '../helpers/exchanges';

describe('calling an operation by its operationId', () => {
  let contract: Contract;
  before(async () => {
    contract = await loadContract(LIBRARY_SPEC);
  });

  it('places each parameter where the contract says: path, query or header', () => {
    const prepared = emptyCall();
    prepared.parameters.set('limit', '5');
    prepared.parameters.set('X-Request-Id', 'abc');
    assert.deepEqual(buildRequest(contract.operation('listItems'), prepared), {
      method: 'GET',
      path: '/items',
      query: {},
      queryString: 'limit=5',
      headers: { 'X-Request-Id': 'abc' },
    });
    const item = emptyCall();
    item.parameters.set('itemId', '7');
    assert.equal(buildRequest(contract.operation('getItem'), item).path, '/items/7');
  });

  it('refuses a parameter the operation does not have, listing the ones it has', () => {
    const prepared = emptyCall();
    prepared.parameters.set('page', '2');
    assert.throws(
      () => buildRequest(contract.operation('listItems'), prepared),
      /^UsageError: listItems has no parameter "page"; its parameters are: limit \(query\), X-Request-Id \(header\)$/,
    );
  });

  it('asks for a missing path parameter', () => {
    assert.throws(
      () => buildRequest(contract.operation('getItem'), emptyCall()),
      /getItem needs the path parameter "itemId"/,
    );
  });
});

describe('reading response bodies', () => {
  const body = { tags: [{ name: 'spam' }], count: 3, nothing: null, label: 'x' };

  it('follows dot and bracket paths', () => {
    assert.equal(valueAtPath(body, 'tags[0].name'), 'spam');
    assert.equal(valueAtPath(body, '$.count'), 3);
    assert.deepEqual(valueAtPath(body, ''), body);
    assert.equal(valueAtPath(body, 'tags[5].name'), undefined);
  });

  it('compares as JSON when the written value parses as JSON, else as text', () => {
    assert.equal(matchesWritten(3, '3'), true);
    assert.equal(matchesWritten('3', '3'), false);
    assert.equal(matchesWritten('3', '"3"'), true);
    assert.equal(matchesWritten(null, 'null'), true);
    assert.equal(matchesWritten({ b: 1, a: [1] }, '{"a":[1],"b":1}'), true);
    assert.equal(matchesWritten('spam', 'spam'), true);
    assert.equal(matchesWritten(undefined, 'undefined'), false);
  });
});
