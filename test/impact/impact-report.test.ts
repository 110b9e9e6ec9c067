import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImpactedChange } from '../../support/impact/impact-model';
import { collapseResponses } from '../../support/impact/impact-report';

const change = (where: string, text = 'enum gained "cookie"', label = 'issueToken'): ImpactedChange => ({
  kind: 'enum-widened',
  direction: 'response',
  operation: label,
  label,
  service: 'caller-id',
  method: 'POST',
  path: '/tokens',
  where,
  text,
  breaksClients: true,
  breaksProvider: false,
  scenarios: [],
  requirements: [],
});

describe('the impact table and comment', () => {
  it('read one change to a shared schema in several responses of an operation as one row', () => {
    const rows = collapseResponses([
      change('response 400 (application/problem+json) › errors[] › in'),
      change('response 401 (application/problem+json) › errors[] › in'),
      change('response default (application/problem+json) › errors[] › in'),
      change('response 400 (application/problem+json) › errors[] › in', 'enum gained "cookie"', 'getUser'),
      change('response 400 (application/problem+json) › title', 'type string → integer'),
      change('query parameter "page"', 'parameter removed'),
      change('query parameter "size"', 'parameter removed'),
    ]);
    assert.deepEqual(
      rows.map((row) => `${row.label} ${row.where}: ${row.text}`),
      [
        'issueToken response 400, 401, default (application/problem+json) › errors[] › in: enum gained "cookie"',
        'getUser response 400 (application/problem+json) › errors[] › in: enum gained "cookie"',
        'issueToken response 400 (application/problem+json) › title: type string → integer',
        'issueToken query parameter "page": parameter removed',
        'issueToken query parameter "size": parameter removed',
      ],
    );
  });
});
