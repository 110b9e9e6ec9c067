import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadContract, type Contract } from '../../support/contract/load';
import { type Operation } from '../../support/contract/operation';
import { buildRequest } from '../../support/contract/operation-call';
import { expectHandled, HOSTILE_INPUTS, type HostileCall } from '../../support/security/hostile-input';
import {
  credentialsFrom,
  expectEveryCall,
  protectedOperations,
  refusesForeignToken,
} from '../../support/security/protected-operations';
import { sampleCall } from '../../support/security/sample-request';

const ROOT = path.resolve(__dirname, '../..');

describe('the security checks derived from the contract, on answers made up for the test', () => {
  let contract: Contract;
  let reportNumber: Operation;
  before(async () => {
    contract = await loadContract(path.join(ROOT, 'specs/openapi.yaml'));
    reportNumber = contract.operation('reportNumber');
  });

  it('find every protected operation, and no public one', () => {
    const names = protectedOperations(contract).map((operation) => operation.operationId);
    assert.ok(names.includes('reportNumber') && names.includes('unblockNumber'), names.join(', '));
    assert.ok(!names.includes('lookUpNumber') && !names.includes('getHealth'), names.join(', '));
  });

  it("leave out operations protected by an app's API key: no account holder's token applies to them", () => {
    const names = protectedOperations(contract).map((operation) => operation.operationId);
    assert.ok(contract.operation('identifyForPartner').security.length > 0);
    assert.ok(!names.includes('identifyForPartner'), names.join(', '));
  });

  it('send injection strings into every parameter as it takes them: each property of a deep object', () => {
    const listing = contract.operation('listNumberReports');
    const variants = HOSTILE_INPUTS['injection strings in every parameter'](
      listing,
      sampleCall(listing, 'alice'),
    );
    const wheres = new Set(variants.map(({ what }) => what.split(' = ')[0]));
    assert.deepEqual([...wheres].sort(), [
      'categories',
      'number',
      'page',
      'pageSize',
      'reportedAt[from]',
      'reportedAt[to]',
    ]);
    for (const { call } of variants) {
      const request = buildRequest(listing, call);
      assert.doesNotMatch(request.path, /\{/, request.path);
    }
    const deep = variants.find(({ what }) => what.startsWith('reportedAt[to]'))!;
    assert.match(buildRequest(listing, deep.call).queryString ?? '', /reportedAt%5Bto%5D=|reportedAt\[to\]=/);
  });

  it("make a well-formed request of every operation, on the owner's account", () => {
    for (const operation of contract.operations) {
      const request = buildRequest(operation, sampleCall(operation, 'alice'));
      assert.doesNotMatch(request.path, /[{}]/, operation.operationId);
      if (operation.pathTemplate.includes('{username}')) assert.match(request.path, /\/users\/alice(\/|$)/);
    }
  });

  it('fail, naming the operation and its answer, when a call was not refused as expected', () => {
    assert.throws(
      () =>
        expectEveryCall([{ operation: reportNumber, status: 201 }], (call) => call.status === 401, 'refused'),
      /^AssertionError.*refused: reportNumber \(POST \/users\/\{username\}\/reports\) answered 201$/s,
    );
    assert.doesNotThrow(() =>
      expectEveryCall([{ operation: reportNumber, status: 401 }], (call) => call.status === 401, 'refused'),
    );
  });

  it("take another account's token as refused with 403, or 404 where no 403 is documented", () => {
    assert.equal(refusesForeignToken({ operation: reportNumber, status: 403 }), true);
    assert.equal(refusesForeignToken({ operation: reportNumber, status: 404 }), false);
    const without403 = { ...reportNumber, responses: { '404': reportNumber.responses['404']! } };
    assert.equal(refusesForeignToken({ operation: without403, status: 404 }), true);
  });

  it('fail on a server error, an accepted hostile body, or a refusal that is not a problem document', () => {
    const call = (status: number, mediaType: string): HostileCall => ({
      operation: reportNumber,
      what: 'comment = "x"',
      status,
      mediaType,
    });
    assert.throws(
      () => expectHandled([call(500, 'application/problem+json')], { refused: false }),
      /failed with 500/,
    );
    assert.throws(
      () => expectHandled([call(201, 'application/json')], { refused: true }),
      /accepted it \(201\)/,
    );
    assert.throws(
      () => expectHandled([call(400, 'text/html')], { refused: false }),
      /refused it \(400\) as text\/html, not a problem document/,
    );
    assert.doesNotThrow(() => expectHandled([call(400, 'application/problem+json')], { refused: true }));
    assert.doesNotThrow(() => expectHandled([call(201, 'application/json')], { refused: false }));
  });

  it('read the words of the features as credentials', () => {
    assert.deepEqual(credentialsFrom('no token'), { kind: 'none' });
    assert.deepEqual(credentialsFrom('a malformed token'), { kind: 'malformed' });
    assert.deepEqual(credentialsFrom('an expired token'), { kind: 'expired' });
    assert.deepEqual(credentialsFrom('her own token'), { kind: 'own' });
    assert.deepEqual(credentialsFrom("Bob's token"), { kind: 'persona', persona: 'Bob' });
  });
});
