/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment -- the tests edit the contract as untyped YAML */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { loadContract, type Contract } from '../../support/contract/load';
import type { Change, ChangeKind } from '../../support/impact/change';
import { gitBase } from '../../support/impact/base-contract';
import { diffOperations } from '../../support/impact/contract-diff';
import { tempDir } from '../helpers/temp';
import { at, contractRepo, embeddedContract, type Document } from './contract-repo';

let base: Contract;

before(async () => {
  const repo = contractRepo();
  // The working tree moves on; the base is what v1 held.
  repo.edit((document) => delete at(document, 'paths')['/health']);
  const read = await gitBase('v1', repo.file);
  assert.ok(read.contract);
  assert.equal(read.label, 'v1:specs/openapi.yaml');
  base = read.contract;
});

/** The changes from the base to the embedded contract edited by `change` (each in its own file). */
async function changes(change: (document: Document) => void): Promise<Change[]> {
  const document = embeddedContract();
  change(document);
  const file = path.join(tempDir('sbe-impact-head-'), 'openapi.yaml');
  fs.writeFileSync(file, stringify(document));
  return diffOperations(base.operations, (await loadContract(file)).operations);
}

function only(found: Change[], kind: ChangeKind, operation: string, direction?: string): Change {
  const matching = found.filter(
    (change) =>
      change.kind === kind &&
      change.operation === operation &&
      (!direction || change.direction === direction),
  );
  assert.equal(matching.length, 1, `one ${kind} of ${operation}; got ${JSON.stringify(found, null, 1)}`);
  return matching[0]!;
}

function classified(change: Change, clients: boolean, provider: boolean): void {
  assert.deepEqual(
    { clients: change.breaksClients, provider: change.breaksProvider },
    { clients, provider },
    `${change.kind} ${change.where}: ${change.text}`,
  );
}

const schemas = (document: Document): Document => at(document, 'components', 'schemas');

describe('contract diff: operations', () => {
  it('the same contract has no change', async () => {
    assert.deepEqual(await changes(() => undefined), []);
  });

  it('an operation removed breaks clients; one added breaks only the provider', async () => {
    const found = await changes((document) => {
      delete at(document, 'paths', '/numbers/{number}').get;
      at(document, 'paths')['/stats'] = {
        get: { operationId: 'getStats', responses: { '200': { description: 'ok' } } },
      };
    });
    classified(only(found, 'operation-removed', 'lookUpNumber', 'operation'), true, false);
    classified(only(found, 'operation-added', 'getStats', 'operation'), false, true);
    assert.equal(found.length, 2);
  });
});

describe('contract diff: parameters', () => {
  const listing = (document: Document): Document[] =>
    at(document, 'paths', '/numbers/{number}/reports', 'get', 'parameters') as unknown as Document[];

  it('a required parameter added breaks clients, an optional one only the provider', async () => {
    const found = await changes((document) => {
      listing(document).push(
        { name: 'region', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'sort', in: 'query', schema: { type: 'string' } },
      );
    });
    const added = found.filter((change) => change.kind === 'parameter-added');
    assert.equal(added.length, 2);
    classified(
      added.find((change) => change.where.includes('"region"'))!,
      true,
      true,
    );
    classified(
      added.find((change) => change.where.includes('"sort"'))!,
      false,
      true,
    );
  });

  it('a parameter removed or made required breaks clients; made optional breaks the provider', async () => {
    const found = await changes((document) => {
      const parameters = listing(document);
      parameters.splice(
        parameters.findIndex((parameter) => parameter.name === 'page'),
        1,
      );
      parameters.find((parameter) => parameter.name === 'pageSize')!.required = true;
    });
    const removed = only(found, 'parameter-removed', 'listNumberReports');
    assert.equal(removed.where, 'query parameter "page"');
    classified(removed, true, false);
    classified(only(found, 'parameter-made-required', 'listNumberReports'), true, false);
  });

  it('a path parameter renamed is no change', async () => {
    const found = await changes((document) => {
      const paths = at(document, 'paths');
      const item = paths['/users/{username}/reports/{reportId}'] as Document;
      delete paths['/users/{username}/reports/{reportId}'];
      (item.parameters as Document[]).find((parameter) => parameter.name === 'reportId')!.name = 'id';
      paths['/users/{username}/reports/{id}'] = item;
    });
    assert.deepEqual(found, []);
  });
});

describe('contract diff: request and response properties', () => {
  it('a required request property added breaks clients; an optional one only the provider', async () => {
    const found = await changes((document) => {
      const newReport = at(schemas(document), 'NewReport');
      newReport.properties.source = { type: 'string' };
      newReport.properties.note = { type: 'string' };
      newReport.required.push('source');
    });
    const added = found.filter(
      (change) => change.kind === 'property-added' && change.operation === 'reportNumber',
    );
    assert.equal(added.length, 2, JSON.stringify(found));
    const required = added.find((change) => change.text.includes('"source"'))!;
    assert.equal(required.direction, 'request');
    assert.equal(required.where, 'request body (application/json)');
    classified(required, true, true);
    classified(
      added.find((change) => change.text.includes('"note"'))!,
      false,
      true,
    );
  });

  it('a request property removed, or made required, breaks clients', async () => {
    const found = await changes((document) => {
      const newReport = at(schemas(document), 'NewReport');
      delete newReport.properties.comment;
      newReport.required = ['number'];
    });
    classified(only(found, 'property-removed', 'reportNumber', 'request'), true, false);
    // "category" made optional in the request: the provider must now cope without it.
    classified(only(found, 'property-made-optional', 'reportNumber', 'request'), false, true);
  });

  it('a response property removed, or made optional, breaks clients; added optional breaks nobody', async () => {
    const found = await changes((document) => {
      const receipt = at(schemas(document), 'SmsReceipt');
      delete receipt.properties.screenshot;
      receipt.properties.reviewer = { type: 'string' };
      receipt.properties.queuedAt = { type: 'string', format: 'date-time' };
      receipt.required = ['number', 'category', 'queuedAt'];
    });
    const removed = only(found, 'property-removed', 'reportBySms', 'response');
    assert.equal(removed.where, 'response 202 (application/json)');
    classified(removed, true, false);
    classified(only(found, 'property-made-optional', 'reportBySms', 'response'), true, false);
    const added = found.filter((change) => change.kind === 'property-added');
    classified(
      added.find((change) => change.text.includes('"reviewer"'))!,
      false,
      false,
    );
    // A required response property added: the provider must now return it.
    classified(
      added.find((change) => change.text.includes('"queuedAt"'))!,
      false,
      true,
    );
  });

  it('a response property made required breaks the provider, not clients', async () => {
    const found = await changes((document) => {
      at(schemas(document), 'SmsReceipt').required.push('screenshot');
    });
    classified(only(found, 'property-made-required', 'reportBySms', 'response'), false, true);
  });

  it('a property retyped breaks both sides, and names where it is', async () => {
    const found = await changes((document) => {
      at(schemas(document), 'SmsReceipt').properties.screenshot = { type: 'string' };
    });
    const retyped = only(found, 'type-changed', 'reportBySms', 'response');
    assert.equal(retyped.where, 'response 202 (application/json) › screenshot');
    assert.equal(retyped.text, 'type boolean → string');
    classified(retyped, true, true);
  });

  it('a response property made nullable widens what clients get: it breaks them', async () => {
    const found = await changes((document) => {
      at(schemas(document), 'SmsReceipt').properties.screenshot.nullable = true;
    });
    classified(only(found, 'type-changed', 'reportBySms', 'response'), true, false);
  });
});

describe('contract diff: constraints, by the direction the data flows', () => {
  it('a request bound tightened breaks clients; loosened, the provider', async () => {
    const found = await changes((document) => {
      at(schemas(document), 'NewReport').properties.comment.maxLength = 100;
      at(schemas(document), 'NewUser').properties.password.maxLength = 256;
    });
    const tightened = only(found, 'constraint-narrowed', 'reportNumber', 'request');
    assert.equal(tightened.text, 'maxLength 500 → 100');
    assert.equal(tightened.where, 'request body (application/json) › comment');
    classified(tightened, true, false);
    classified(only(found, 'constraint-widened', 'registerUser', 'request'), false, true);
  });

  it('a response pattern changed breaks both sides; a closed response object opened breaks nobody', async () => {
    const found = await changes((document) => {
      at(schemas(document), 'Report').properties.reportId.pattern = '^r_[0-9a-f]{32}$';
      at(schemas(document), 'SmsReceipt').additionalProperties = true;
    });
    classified(only(found, 'constraint-changed', 'reportNumber', 'response'), true, true);
    classified(only(found, 'constraint-widened', 'reportBySms', 'response'), false, false);
  });

  it('a request object opened to other properties breaks only the provider', async () => {
    const found = await changes((document) => {
      delete at(schemas(document), 'NewReport').additionalProperties;
    });
    classified(only(found, 'constraint-widened', 'reportNumber', 'request'), false, true);
  });
});

describe('contract diff: enums, by the direction the data flows', () => {
  it('narrowed: breaks clients where they send it, the provider where it returns it', async () => {
    const found = await changes((document) => {
      at(schemas(document), 'ReportCategory').enum = [
        'telemarketing',
        'scam',
        'fraud',
        'harassment',
        'other',
      ];
    });
    const request = only(found, 'enum-narrowed', 'reportNumber', 'request');
    assert.equal(request.where, 'request body (application/json) › category');
    assert.match(request.text, /"robocall"/);
    classified(request, true, false);
    const response = found.find(
      (change) => change.kind === 'enum-narrowed' && change.operation === 'lookUpNumber',
    );
    assert.ok(response, JSON.stringify(found));
    assert.equal(response.direction, 'response');
    classified(response, false, true);
  });

  it('widened: breaks the provider where clients send it, clients where they receive it', async () => {
    const found = await changes((document) => {
      at(schemas(document), 'ReportCategory').enum.push('debt-collection');
    });
    classified(only(found, 'enum-widened', 'reportNumber', 'request'), false, true);
    const response = found.find(
      (change) => change.kind === 'enum-widened' && change.operation === 'lookUpNumber',
    );
    assert.ok(response);
    classified(response, true, false);
  });
});

describe('contract diff: status codes, media types, request bodies', () => {
  it('a success status removed breaks clients; an error status added breaks nobody', async () => {
    const found = await changes((document) => {
      const responses = at(document, 'paths', '/sms-reports', 'post', 'responses');
      responses['200'] = responses['202'];
      delete responses['202'];
      at(document, 'paths', '/numbers/{number}', 'get', 'responses')['404'] = { description: 'gone' };
    });
    classified(
      found.find((change) => change.kind === 'status-removed' && change.where === 'response 202')!,
      true,
      true,
    );
    classified(only(found, 'status-added', 'lookUpNumber'), false, false);
  });

  it('a required response header removed breaks clients; one made required breaks the provider', async () => {
    const found = await changes((document) => {
      delete at(document, 'paths', '/users/{username}/reports', 'post', 'responses', '201', 'headers')
        .Location;
      at(document, 'components', 'responses', 'BadRequest').headers = {
        'X-Request-Id': { required: true, schema: { type: 'string' } },
      };
    });
    const removed = only(found, 'header-removed', 'reportNumber');
    assert.equal(removed.where, 'response 201 header "Location"');
    classified(removed, true, false);
    const added = found.find(
      (change) => change.kind === 'header-added' && change.operation === 'lookUpNumber',
    );
    assert.ok(added, JSON.stringify(found));
    classified(added, false, true);
  });

  it('a request media type removed breaks clients; a response one added breaks nobody', async () => {
    const found = await changes((document) => {
      delete at(document, 'paths', '/sms-reports', 'post', 'requestBody', 'content')['application/xml'];
      at(document, 'paths', '/numbers/{number}', 'get', 'responses', '200', 'content')['application/xml'] = {
        schema: { type: 'object' },
      };
    });
    const removed = only(found, 'media-type-removed', 'reportBySms', 'request');
    assert.equal(removed.text, 'media type application/xml removed');
    classified(removed, true, false);
    classified(only(found, 'media-type-added', 'lookUpNumber', 'response'), false, false);
  });

  it('a request body made optional breaks the provider; removed breaks clients', async () => {
    const found = await changes((document) => {
      at(document, 'paths', '/users/{username}/reports', 'post', 'requestBody').required = false;
      delete at(document, 'paths', '/sms-reports', 'post').requestBody;
    });
    classified(only(found, 'request-body-made-optional', 'reportNumber'), false, true);
    classified(only(found, 'request-body-removed', 'reportBySms'), true, false);
  });
});

describe('contract diff: security requirements', () => {
  it('security added to an open operation breaks clients; removed breaks the provider', async () => {
    const found = await changes((document) => {
      at(document, 'paths', '/numbers/{number}', 'get').security = [{ bearerAuth: [] }];
      delete at(document, 'paths', '/users/{username}/reports', 'post').security;
    });
    const added = only(found, 'security-added', 'lookUpNumber');
    assert.equal(added.text, 'now requires bearerAuth');
    classified(added, true, false);
    classified(only(found, 'security-removed', 'reportNumber'), false, true);
  });

  it('one of several alternatives dropped breaks clients; one more accepted breaks only the provider', async () => {
    const found = await changes((document) => {
      at(document, 'paths', '/partner/numbers/{number}', 'get').security = [
        { partnerKey: [] },
        { bearerAuth: [] },
      ];
    });
    const dropped = only(found, 'security-removed', 'identifyForPartner');
    assert.equal(dropped.text, 'partnerSession no longer accepted');
    classified(dropped, true, false);
    classified(only(found, 'security-added', 'identifyForPartner'), false, true);
  });
});
