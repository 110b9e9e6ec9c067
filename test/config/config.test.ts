import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../support/config/config';
import { apiBaseUrlFor } from '../../support/target';

describe('configuration', () => {
  it('has defaults for everything', () => {
    const settings = loadConfig({}, '/project');
    assert.equal(settings.baseUrl, undefined);
    assert.equal(settings.openapiSpec, '/project/specs/openapi.yaml');
    assert.equal(settings.browser, 'chromium');
    assert.equal(settings.headed, false);
    assert.equal(settings.reportsDir, '/project/reports');
  });

  const refusals: [Record<string, string>, RegExp][] = [
    [
      { BASE_URL: 'localhost:8080' },
      /^UsageError: BASE_URL: "localhost:8080" must be an http\(s\) or ws\(s\) URL$/,
    ],
    [{ BASE_URL: 'not a url' }, /^UsageError: BASE_URL: "not a url" is not a URL/],
    [{ HEADED: 'maybe' }, /^UsageError: HEADED: "maybe" is not a yes\/no value/],
    [{ BROWSER: 'edge' }, /^UsageError: BROWSER: "edge" is not one of chromium, firefox, webkit$/],
    [{ STEP_TIMEOUT: 'soon' }, /^UsageError: STEP_TIMEOUT: "soon" is not a whole number$/],
    [{ UI_TIMEOUT: '10' }, /^UsageError: UI_TIMEOUT: 10 is too small \(at least 100\)$/],
  ];
  for (const [env, message] of refusals) {
    it(`refuses ${JSON.stringify(env)} with a line naming the variable`, () => {
      assert.throws(() => loadConfig(env, '/project'), message);
    });
  }

  it('ignores SUT_FAULTS against an external deployment', () => {
    assert.equal(loadConfig({ BASE_URL: 'http://x.test', SUT_FAULTS: 'lookup-hangs' }).sutFaults, undefined);
  });

  it('adds the spec base path to a BASE_URL that is only an origin', () => {
    assert.equal(
      apiBaseUrlFor(new URL('http://127.0.0.1:8080'), '/api/v1').toString(),
      'http://127.0.0.1:8080/api/v1',
    );
    assert.equal(apiBaseUrlFor(new URL('http://host/custom/'), '/api/v1').toString(), 'http://host/custom');
    assert.equal(apiBaseUrlFor(new URL('http://host'), '').toString(), 'http://host/');
  });
});
