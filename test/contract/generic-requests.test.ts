import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { OpenAPIV3 } from 'openapi-types';
import { formFields } from '../../support/contract/form-fields';
import { ContractInspector } from '../../support/contract/inspector';
import { loadContract, type Contract } from '../../support/contract/load';
import { type Operation } from '../../support/contract/operation';
import { addParameter, buildRequest, emptyCall, tableRows } from '../../support/contract/operation-call';
import { decodeForm, encodeMultipart, encodeUrlEncoded } from '../../support/http/form-body';
import { recordedBody, type HttpExchange } from '../../support/http/exchange';
import { curlOf } from '../../support/report/exchange-attachment';

const PROJECT_SPEC = path.join(__dirname, '../../specs/openapi.yaml');

/** An operation made up for the test: only what `buildRequest` reads. */
function operation(parameters: OpenAPIV3.ParameterObject[], content?: Record<string, object>): Operation {
  return {
    operationId: 'listPets',
    method: 'GET',
    pathTemplate: '/pets/{petId}',
    definition: content ? { responses: {}, requestBody: { content } } : { responses: {} },
    parameters: [{ name: 'petId', in: 'path', required: true }, ...parameters],
    security: [],
    responses: {},
  };
}

describe('two-column tables of the generic steps', () => {
  it('takes the headed form and the headless one (cucumber rows-hash)', () => {
    assert.deepEqual(
      tableRows(
        [
          ['name', 'value'],
          ['petId', '1'],
        ],
        'name',
        'value',
      ),
      [['petId', '1']],
    );
    assert.deepEqual(
      tableRows(
        [
          ['petId', '1'],
          ['tags', 'cat'],
        ],
        'name',
        'value',
      ),
      [
        ['petId', '1'],
        ['tags', 'cat'],
      ],
    );
  });

  it('refuses any other number of columns, naming the heading it takes', () => {
    assert.throws(
      () => tableRows([['petId', '1', 'x']], 'name', 'value'),
      /^UsageError: the table needs exactly two columns: \| name \| value \|, with or without that heading$/,
    );
  });
});

describe('parameters serialized by the contract', () => {
  const tags: OpenAPIV3.ParameterObject = {
    name: 'tags',
    in: 'query',
    schema: { type: 'array', items: { type: 'string' } },
  };

  it('makes an array of several rows for one name: ?tags=dog&tags=cat, not only the last', () => {
    const prepared = emptyCall();
    addParameter(prepared, 'petId', '1');
    addParameter(prepared, 'tags', 'dog');
    addParameter(prepared, 'tags', 'cat');
    assert.equal(buildRequest(operation([tags]), prepared).queryString, 'tags=dog&tags=cat');
  });

  it('reads a JSON array or object written as the value, by the style of the parameter', () => {
    const prepared = emptyCall();
    addParameter(prepared, 'petId', '1');
    addParameter(prepared, 'tags', '["dog","cat"]');
    addParameter(prepared, 'filter', '{"age": 3, "kind": "cat"}');
    const filter: OpenAPIV3.ParameterObject = {
      name: 'filter',
      in: 'query',
      style: 'deepObject',
      explode: true,
      schema: { type: 'object' },
    };
    const request = buildRequest(operation([{ ...tags, explode: false }, filter]), prepared);
    assert.equal(request.queryString, 'tags=dog,cat&filter[age]=3&filter[kind]=cat');
  });

  it('keeps a JSON-looking value as text when the schema says string', () => {
    const prepared = emptyCall();
    addParameter(prepared, 'petId', '[1]');
    const byString = {
      ...operation([]),
      parameters: [{ name: 'petId', in: 'path', schema: { type: 'string' } } as const],
    };
    assert.equal(buildRequest(byString, prepared).path, '/pets/%5B1%5D');
    assert.equal(
      buildRequest(operation([]), prepared).path,
      '/pets/1',
      'a schema that says nothing takes the array',
    );
  });

  it('puts path styles, header and cookie parameters where they go', () => {
    const prepared = emptyCall();
    addParameter(prepared, 'petId', '1');
    addParameter(prepared, 'petId', '2');
    addParameter(prepared, 'X-Trace', 'a');
    addParameter(prepared, 'session', 'abc');
    const request = buildRequest(
      {
        ...operation([]),
        parameters: [
          { name: 'petId', in: 'path', style: 'matrix', schema: { type: 'array', items: {} } },
          { name: 'X-Trace', in: 'header' },
          { name: 'session', in: 'cookie' },
        ],
      },
      prepared,
    );
    assert.equal(request.path, '/pets/;petId=1,2');
    assert.equal(request.headers?.['X-Trace'], 'a');
    assert.equal(request.headers?.cookie, 'session=abc');
  });
});

describe('form bodies', () => {
  const urlencoded = { 'application/x-www-form-urlencoded': {} };
  const both = { ...urlencoded, 'multipart/form-data': {} };

  it('sends `Given the request form:` urlencoded, or multipart when that is all the operation takes', () => {
    const prepared = emptyCall();
    addParameter(prepared, 'petId', '1');
    prepared.body = {
      kind: 'form',
      fields: [
        { name: 'name', value: 'Rex & co' },
        { name: 'age', value: '3' },
      ],
    };
    const form = buildRequest(operation([], both), prepared);
    assert.equal(form.headers?.['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(form.rawBody, 'name=Rex+%26+co&age=3');
    const multipart = buildRequest(operation([], { 'multipart/form-data': {} }), prepared);
    assert.match(
      multipart.headers?.['content-type'] ?? '',
      /^multipart\/form-data; boundary=----sbe[0-9a-f]{24}$/,
    );
  });

  it('reads @file: parts relative to the feature file, and sends them multipart', () => {
    const fields = formFields(
      [
        ['name', 'Rex'],
        ['photo', '@file:files/screenshot.png'],
      ],
      path.join(__dirname, '../../features/contract'),
    );
    assert.equal('file' in fields[1]! && fields[1].file.filename, 'screenshot.png');
    assert.equal('file' in fields[1]! && fields[1].file.contentType, 'image/png');
    const prepared = emptyCall();
    addParameter(prepared, 'petId', '1');
    prepared.body = { kind: 'form', fields };
    assert.match(
      String(buildRequest(operation([], both), prepared).headers?.['content-type']),
      /^multipart\/form-data/,
    );
    assert.throws(
      () => formFields([['photo', '@file:nowhere.png']], '/tmp'),
      /^UsageError: form field "photo": cannot read \/tmp\/nowhere\.png: ENOENT$/,
    );
  });

  it('decodes a form to the object it encodes: repeated fields as arrays, file parts as text', () => {
    assert.deepEqual(
      decodeForm(
        'application/x-www-form-urlencoded',
        encodeUrlEncoded([
          { name: 'a', value: '1' },
          { name: 'a', value: '2' },
        ]),
      ),
      { a: ['1', '2'] },
    );
    const multipart = encodeMultipart([
      { name: 'keyword', value: 'SPAM' },
      {
        name: 'shot',
        file: { filename: 's.txt', content: Buffer.from('pixels'), contentType: 'text/plain' },
      },
    ]);
    assert.deepEqual(decodeForm(multipart.contentType, multipart.body.toString('utf8')), {
      keyword: 'SPAM',
      shot: 'pixels',
    });
    assert.deepEqual(
      recordedBody({ 'content-type': multipart.contentType }, multipart.body.toString('utf8')).body,
      {
        keyword: 'SPAM',
        shot: 'pixels',
      },
    );
  });
});

describe('the contract check of a form body', () => {
  let contract: Contract;
  let inspector: ContractInspector;
  before(async () => {
    contract = await loadContract(PROJECT_SPEC);
    inspector = new ContractInspector(contract, '/api/v1');
  });

  function smsExchange(contentType: string, text: string): HttpExchange {
    const headers = { 'content-type': contentType };
    return {
      source: 'api',
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      request: {
        method: 'POST',
        url: 'http://sut.test/api/v1/sms-reports',
        headers,
        ...recordedBody(headers, text),
      },
      response: {
        status: 202,
        headers: { 'content-type': 'application/json' },
        body: { number: '+886955000111', category: 'scam', status: 'queued' },
      },
    };
  }

  it('validates the form as the object it encodes, reading numbers as the schema types them', () => {
    const form = 'from=%2B886912000001&keyword=SCAM&number=%2B886955000111&attempts=3';
    assert.deepEqual(
      inspector.inspect(smsExchange('application/x-www-form-urlencoded', form), { negative: false })
        .violations,
      [],
    );
  });

  it('catches a violation in a form field, naming the field and the rule', () => {
    const form = 'from=%2B886912000001&keyword=HELLO&number=%2B886955000111&attempts=zero';
    assert.deepEqual(
      inspector.inspect(smsExchange('application/x-www-form-urlencoded', form), { negative: false })
        .violations,
      [
        'request body at /keyword: expected one of "SPAM", "SCAM", "FRAUD", "ROBOCALL", actual "HELLO" (string) [rule: enum]',
        'request body at /attempts: expected integer, actual "zero" (string) [rule: type]',
      ],
    );
  });

  it('validates a multipart form, its file part as text', () => {
    const multipart = encodeMultipart([
      { name: 'from', value: '+886912000001' },
      { name: 'keyword', value: 'SPAM' },
      { name: 'number', value: '+886955000111' },
      {
        name: 'screenshot',
        file: { filename: 's.png', content: Buffer.from('png'), contentType: 'image/png' },
      },
    ]);
    const sent = smsExchange(multipart.contentType, multipart.body.toString('utf8'));
    assert.deepEqual(inspector.inspect(sent, { negative: false }).violations, []);
    const missing = encodeMultipart([{ name: 'keyword', value: 'SPAM' }]);
    assert.deepEqual(
      inspector.inspect(smsExchange(missing.contentType, missing.body.toString('utf8')), { negative: false })
        .violations,
      [
        'request body at /: missing required property "from" [rule: required]',
        'request body at /: missing required property "number" [rule: required]',
      ],
    );
  });

  it('validates an XML body as the object it encodes, and says where a malformed one breaks', () => {
    const xml = (attempts: string): string =>
      `<?xml version="1.0"?><sms><from>+886912000001</from><keyword>SCAM</keyword><number>+886955000111</number><attempts>${attempts}</attempts></sms>`;
    const check = (text: string): readonly string[] =>
      inspector.inspect(smsExchange('application/xml', text), { negative: false }).violations;
    assert.deepEqual(check(xml('3')), []);
    assert.deepEqual(check(xml('zero')), [
      'request body at /attempts: expected integer, actual "zero" (string) [rule: type]',
    ]);
    assert.deepEqual(check('<sms><from>+886912000001</sms>'), [
      "request body is not well-formed XML although it is declared as application/xml: Expected closing tag 'from' (opened in line 1, col 6) instead of closing tag 'sms'. (line 1)",
    ]);
  });

  it('takes the raw bytes of an octet-stream body as the binary string the contract declares', () => {
    assert.deepEqual(
      inspector.inspect(smsExchange('application/octet-stream', 'SPAM +886955000111'), { negative: false })
        .violations,
      [],
    );
  });

  /** The violations of a listing of a number's reports with this query string. */
  function listingViolations(query: string): readonly string[] {
    const listed: HttpExchange = {
      ...smsExchange('application/json', ''),
      request: {
        method: 'GET',
        url: `http://sut.test/api/v1/numbers/%2B886955000111/reports?${query}`,
        headers: {},
        body: undefined,
      },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: { items: [], page: 1, pageSize: 10, totalItems: 0, totalPages: 0 },
      },
    };
    return inspector.inspect(listed, { negative: false }).violations;
  }

  it('reads an exploded array query parameter by its style', () => {
    assert.deepEqual(listingViolations('categories=scam&categories=spoofing'), [
      'request query parameter categories at /1: expected one of "telemarketing", "scam", "fraud", "harassment", "robocall", "other", actual "spoofing" (string) [rule: enum]',
    ]);
  });

  it('reads a deepObject query parameter back into the object, and checks each bound', () => {
    assert.deepEqual(
      listingViolations(
        'reportedAt%5Bfrom%5D=2026-03-01T00%3A00%3A00Z&reportedAt%5Bto%5D=2026-03-02T00%3A00%3A00Z',
      ),
      [],
    );
    assert.deepEqual(listingViolations('reportedAt%5Bfrom%5D=last%20Monday&reportedAt%5Buntil%5D=x'), [
      'request query parameter reportedAt at /until: unexpected property "until" (additionalProperties: false) [rule: additionalProperties]',
      'request query parameter reportedAt at /from: must match format "date-time", actual "last Monday" (string) [rule: format]',
    ]);
  });
});

describe('the curl line of a form request in the report', () => {
  const request = (contentType: string, text: string) => {
    const headers = { 'content-type': contentType };
    return { method: 'POST', url: 'http://sut.test/forms', headers, ...recordedBody(headers, text) };
  };

  it('sends a urlencoded form as it was sent, and a multipart one as -F fields', () => {
    assert.equal(
      curlOf(request('application/x-www-form-urlencoded', 'a=1&b=x+y')),
      "curl -X POST 'http://sut.test/forms' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'a=1&b=x+y'",
    );
    const multipart = encodeMultipart([
      { name: 'a', value: '1' },
      { name: 'a', value: '2' },
    ]);
    assert.equal(
      curlOf(request(multipart.contentType, multipart.body.toString('utf8'))),
      "curl -X POST 'http://sut.test/forms' -F 'a=1' -F 'a=2'",
    );
  });
});
