import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ContractInspector } from '../../support/contract/inspector';
import { loadContract } from '../../support/contract/load';
import type { ExchangeAssessment } from '../../support/http/exchange';
import { LIBRARY_SPEC, exchange } from '../helpers/exchanges';

const positive = { negative: false };
const dune = { id: 1, kind: 'book', title: 'Dune', subtitle: null };

describe('ContractInspector', () => {
  let inspector: ContractInspector;
  before(async () => {
    inspector = new ContractInspector(await loadContract(LIBRARY_SPEC), '/v2');
  });

  function only(assessment: ExchangeAssessment): string {
    assert.equal(
      assessment.violations.length,
      1,
      `expected one violation, got ${JSON.stringify(assessment.violations)}`,
    );
    return assessment.violations[0]!;
  }

  it('accepts an exchange that keeps the contract, and says which response it matched', () => {
    const result = inspector.inspect(exchange({ path: '/items/1', body: dune }), positive);
    assert.deepEqual(result, {
      operationId: 'getItem',
      responseKey: '2XX',
      mediaType: 'application/json',
      validated: true,
      undocumented: false,
      violations: [],
    });
  });

  it('catches a field of the wrong type, naming the pointer, the rule, expected and actual', () => {
    const message = only(
      inspector.inspect(exchange({ path: '/items/1', body: { ...dune, title: 42 } }), positive),
    );
    assert.equal(message, 'response body at /title: expected string, actual 42 (number) [rule: type]');
  });

  it('catches a missing required field', () => {
    const untitled: Record<string, unknown> = { ...dune };
    delete untitled.title;
    const message = only(inspector.inspect(exchange({ path: '/items/1', body: untitled }), positive));
    assert.equal(message, 'response body at /: missing required property "title" [rule: required]');
  });

  it('catches an undocumented status and counts the exchange as undocumented', () => {
    const result = inspector.inspect(
      exchange({ path: '/items/featured', status: 418, body: { title: 'teapot', status: 418 } }),
      positive,
    );
    assert.equal(only(result), 'status 418 is not documented for getFeaturedItem (documented: 200)');
    assert.equal(result.undocumented, true);
    assert.equal(result.validated, false);
  });

  it('catches an undeclared content type', () => {
    const message = only(
      inspector.inspect(
        exchange({ path: '/items/1', headers: { 'content-type': 'text/plain' }, body: 'Dune' }),
        positive,
      ),
    );
    assert.equal(message, 'Content-Type text/plain is not declared (declared: application/json)');
  });

  it('catches a missing declared response header', () => {
    const message = only(inspector.inspect(exchange({ path: '/items', body: { items: [] } }), positive));
    assert.equal(
      message,
      'missing response header X-Total-Count, declared for listItems → 200 (mark it required: false if it is optional)',
    );
  });

  it('checks an invalid request body unless the scenario is @negative', () => {
    const invalid = exchange({
      method: 'POST',
      path: '/items',
      requestBody: { kind: 'magazine', issue: 7 },
      status: 422,
      body: { title: 'title and kind are required', status: 422 },
    });
    assert.equal(
      only(inspector.inspect(invalid, positive)),
      'request body at /: missing required property "title" [rule: required]',
    );
    assert.deepEqual(inspector.inspect(invalid, { negative: true }).violations, []);
  });

  it('checks query and header parameters with their declared types', () => {
    const result = inspector.inspect(
      exchange({
        path: '/items?limit=50',
        requestHeaders: { 'x-request-id': 'Not Valid' },
        headers: { 'x-total-count': '2' },
        body: { items: [dune] },
      }),
      positive,
    );
    assert.deepEqual(result.violations, [
      'request query parameter limit: must be <= 20, actual 50 (number) [rule: maximum]',
      'request header parameter X-Request-Id: must match pattern "^[a-z0-9-]+$", actual "Not Valid" (string) [rule: pattern]',
    ]);
  });

  it('matches a static path before a templated one', () => {
    assert.equal(
      inspector.inspect(exchange({ path: '/items/featured', body: dune }), positive).operationId,
      'getFeaturedItem',
    );
  });

  it('reports undocumented paths and methods', () => {
    assert.match(
      only(inspector.inspect(exchange({ path: '/authors', body: {} }), positive)),
      /undocumented path/,
    );
    const wrongMethod = only(
      inspector.inspect(exchange({ method: 'PUT', path: '/items/1', body: dune }), positive),
    );
    assert.equal(
      wrongMethod,
      'PUT /items/1: /items/{itemId} documents GET, DELETE only (undocumented method)',
    );
  });

  it('falls back from the exact status to the range, then to default', () => {
    const problem = { title: 'nope', status: 500 };
    assert.equal(
      inspector.inspect(exchange({ path: '/items/1', status: 404, body: problem }), positive).responseKey,
      '404',
    );
    assert.equal(
      inspector.inspect(exchange({ path: '/items/1', status: 203, body: dune }), positive).responseKey,
      '2XX',
    );
    assert.equal(
      inspector.inspect(exchange({ path: '/items/1', status: 503, body: problem }), positive).responseKey,
      'default',
    );
  });

  it('follows the discriminator mapping to the one branch that applies', () => {
    const magazine = { id: 2, kind: 'magazine', title: 'Byte', issue: 'forty-two' };
    assert.deepEqual(inspector.inspect(exchange({ path: '/items/2', body: magazine }), positive).violations, [
      'response body at /issue: expected integer, actual "forty-two" (string) [rule: type]',
    ]);
    const unknownKind = only(
      inspector.inspect(exchange({ path: '/items/2', body: { ...magazine, kind: 'comic' } }), positive),
    );
    assert.equal(
      unknownKind,
      'response body at /kind: expected one of "book", "magazine", actual "comic" (string) [rule: enum]',
    );
  });

  it('applies readOnly to requests and writeOnly to responses', () => {
    const withId = exchange({
      method: 'POST',
      path: '/items',
      requestBody: { kind: 'book', title: 'Solaris', subtitle: null, id: 9 },
      status: 201,
      body: { ...dune, librarianNote: 'leaked' },
    });
    assert.deepEqual(inspector.inspect(withId, positive).violations, [
      'request body at /id: property "id" must not be sent in this direction (readOnly/writeOnly) [rule: false schema]',
      'response body at /librarianNote: property "librarianNote" must not be sent in this direction (readOnly/writeOnly) [rule: false schema]',
    ]);
  });

  it('accepts null only where the schema is nullable', () => {
    assert.deepEqual(
      inspector.inspect(exchange({ path: '/items/1', body: { ...dune, subtitle: null } }), positive)
        .violations,
      [],
    );
    assert.match(
      only(inspector.inspect(exchange({ path: '/items/1', body: { ...dune, title: null } }), positive)),
      /\/title: expected string, actual null/,
    );
  });

  it('never changes the body it checks', () => {
    const body = { id: 1, kind: 'book', title: 'Dune', subtitle: null, extra: true };
    const snapshot = structuredClone(body);
    inspector.inspect(exchange({ path: '/items/1', body }), positive);
    assert.deepEqual(body, snapshot);
  });

  it('compiles each schema once, however many exchanges use it', () => {
    const first = inspector.inspect(exchange({ path: '/items/1', body: dune }), positive);
    const compiled = inspector.validators.compilations;
    for (let index = 0; index < 50; index += 1)
      inspector.inspect(exchange({ path: '/items/1', body: dune }), positive);
    assert.deepEqual(first.violations, []);
    assert.equal(inspector.validators.compilations, compiled);
  });
});
