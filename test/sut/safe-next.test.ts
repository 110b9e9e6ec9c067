import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { ROOT } from '../helpers/run-harness';

/** The sign-in page's redirect check, taken from the browser script as it is served. */
function loadSafeNext(): (raw: string | null, origin: string) => string {
  const source = fs.readFileSync(path.join(ROOT, 'sut/ui/app.js'), 'utf8');
  const code = /^function safeNext\([\s\S]*?^}/m.exec(source)?.[0];
  assert.ok(code, 'sut/ui/app.js has no safeNext function');
  return vm.runInNewContext(`${code}; safeNext`, { URL, location: { origin: 'http://x' } }) as never;
}

const ORIGIN = 'http://127.0.0.1:4000';

describe('safeNext: where signing in may send the person', () => {
  const safeNext = loadSafeNext();
  // What URLSearchParams.get gives for each `?next=` the issue tried, and other ways off-site.
  const offSite: Record<string, string | null> = {
    'a backslash (/%5Cevil.example/x)': new URLSearchParams('next=/%5Cevil.example/x').get('next'),
    'a tab (/%09/evil.example/x)': new URLSearchParams('next=/%09/evil.example/x').get('next'),
    'a scheme-relative URL': '//evil.example/x',
    'a backslash pair': '/\\evil.example',
    'an absolute URL': 'https://evil.example/x',
    'a javascript: URL': 'javascript:alert(1)',
    'a data: URL': 'data:text/html,x',
    'a newline': '/\n/evil.example',
    nothing: null,
  };
  for (const [name, raw] of Object.entries(offSite)) {
    it(`refuses ${name}`, () => assert.equal(safeNext(raw, ORIGIN), '/'));
  }

  it('keeps a path of the site, with its query', () => {
    assert.equal(safeNext('/block-list?page=2', ORIGIN), '/block-list?page=2');
  });

  it('keeps an encoded slash as part of a path on this site', () => {
    assert.equal(safeNext('/%2F%2Fevil.example', ORIGIN), '/%2F%2Fevil.example');
  });
});
