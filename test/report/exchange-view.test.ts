import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { exchangeAttachment } from '../../support/report/exchange-attachment';
import { updateAllureResults } from '../../support/report/allure-results';
import { exchangeView, withExchangeViews } from '../../support/report/exchange-view';
import type { ExchangeRecord } from '../../support/http/exchange';
import { tempDir } from '../helpers/temp';

const RECORD: ExchangeRecord = {
  exchange: {
    source: 'api',
    startedAt: '2026-12-04T10:00:00.000Z',
    durationMs: 12,
    request: {
      method: 'POST',
      url: 'http://sut.test/api/v1/users/alice/reports',
      headers: { 'content-type': 'application/json', authorization: 'Bearer [REDACTED]' },
      body: { number: '+886955000111', comment: '<script>alert(1)</script>' },
    },
    response: {
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
      body: { title: 'Your request is not valid', status: 400 },
    },
  },
  assessment: {
    operationId: 'reportNumber',
    validated: true,
    undocumented: false,
    violations: ['response body at /detail: missing required property'],
  },
};

describe('the readable view of an HTTP exchange in the Allure report', () => {
  it('shows the request line, the status, headers, pretty bodies, the verdict and the curl line, escaped', () => {
    const html = exchangeView(exchangeAttachment(RECORD));
    assert.match(
      html,
      /<h3>reportNumber: POST http:\/\/sut\.test\/api\/v1\/users\/alice\/reports → 400<\/h3>/,
    );
    assert.match(html, /<th align="left">authorization<\/th><td>Bearer \[REDACTED\]<\/td>/);
    assert.match(html, /&quot;comment&quot;: &quot;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;/);
    assert.match(html, /<li>response body at \/detail: missing required property<\/li>/);
    assert.match(html, /<pre>curl -X POST/);
    assert.doesNotMatch(html, /<script>|style=/);
  });

  it('puts a view beside each exchange attachment of the results, once, leaving other JSON alone', () => {
    const dir = tempDir('sbe-views-');
    fs.writeFileSync(path.join(dir, 'a-attachment.json'), JSON.stringify(exchangeAttachment(RECORD)));
    fs.writeFileSync(path.join(dir, 'b-attachment.json'), JSON.stringify({ other: true }));
    const result = {
      name: 'A scenario',
      steps: [
        {
          name: 'When I call "reportNumber"',
          attachments: [
            { name: 'HTTP reportNumber → 400.json', source: 'a-attachment.json', type: 'application/json' },
            { name: 'data.json', source: 'b-attachment.json', type: 'application/json' },
          ],
        },
      ],
    };
    fs.writeFileSync(path.join(dir, 'r-result.json'), JSON.stringify(result));
    const addViews = (): number => updateAllureResults(dir, (files) => withExchangeViews(files, dir));
    assert.equal(addViews(), 1);
    assert.equal(addViews(), 0, 'a second pass adds nothing');
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'r-result.json'), 'utf8')) as typeof result;
    assert.deepEqual(written.steps[0]!.attachments, [
      { name: 'HTTP reportNumber → 400', source: 'a-attachment.html', type: 'text/html' },
      ...result.steps[0]!.attachments,
    ]);
    assert.match(fs.readFileSync(path.join(dir, 'a-attachment.html'), 'utf8'), /→ 400<\/h3>/);
  });
});
