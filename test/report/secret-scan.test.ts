import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { scanReports, withoutCredentialShapes } from '../../support/report/secret-scan';
import { tempDir } from '../helpers/temp';

const PASSWORD = 'pw-Qm7"x\\<&';
const TOKEN = 'cid_9d8c7b6a5f4e3d2c1b0a9f8e7d6c';

function reportsWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('sbe-scan-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(entries)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('scanReports', () => {
  it('finds nothing in reports that hold only redacted values', async () => {
    const dir = reportsWith({
      'results.json': JSON.stringify({ error: 'expected "[REDACTED]"', authorization: 'Bearer [REDACTED]' }),
      'summary.md': 'password=[REDACTED] and "password": "{{$password}}"',
    });
    assert.deepEqual(await scanReports(dir, [PASSWORD, TOKEN]), []);
  });

  it("skips an earlier run's results being deleted, and scans every other folder", async () => {
    const dir = reportsWith({
      '.discarded/1700000000000-42/1-result.json': `{"token": "${TOKEN}"}`,
      'allure-results/2-attachment.json': `{"token": "${TOKEN}"}`,
    });
    assert.deepEqual(await scanReports(dir, [TOKEN]), [
      { file: 'allure-results/2-attachment.json', kind: 'a secret of the run (raw)' },
    ]);
  });

  it('names the file and the kind of an injected secret, never the value', async () => {
    const dir = reportsWith({ 'junit.xml': `<failure message="got ${TOKEN}"/>` });
    const hits = await scanReports(dir, [TOKEN]);
    assert.deepEqual(hits, [{ file: 'junit.xml', kind: 'a secret of the run (raw)' }]);
    assert.ok(!JSON.stringify(hits).includes(TOKEN));
  });

  it('finds one secret among thousands (a token per scenario), in any encoding', async () => {
    const tokens = Array.from(
      { length: 3000 },
      (_, index) => `cid_${String(index).padStart(6, '0')}_token_of_a_scenario`,
    );
    const dir = reportsWith({
      'results.json': `{"a": "nothing here ${'x'.repeat(10_000)}"}`,
      'summary.md': `leaked: ${encodeURIComponent(tokens[2718]!)} at the end`,
    });
    assert.deepEqual(await scanReports(dir, tokens), [
      { file: 'summary.md', kind: 'a secret of the run (raw)' },
    ]);
  });

  for (const [encoding, form] of [
    ['JSON-escaped', JSON.stringify(PASSWORD).slice(1, -1)],
    ['URL-encoded', encodeURIComponent(PASSWORD)],
    ['HTML-escaped', PASSWORD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')],
    ['base64', Buffer.from(`alice:${PASSWORD}`).toString('base64')],
  ] as const) {
    it(`finds the ${encoding} form`, async () => {
      const dir = reportsWith({ 'messages.ndjson': `{"text":"${form}"}\n` });
      const hits = await scanReports(dir, [PASSWORD]);
      assert.ok(
        hits.some((hit) => hit.file === 'messages.ndjson'),
        JSON.stringify(hits),
      );
    });
  }

  it('reads reports in any script: a secret beside text that is not ASCII, and one that is not ASCII itself', async () => {
    const accented = 'mot-de-passe-été-1234';
    const dir = reportsWith({
      'summary.md': `## Résumé — ✅ GO\nleaked: ${TOKEN}`,
      'results.json': JSON.stringify({ error: `expected "${accented}"` }),
      'junit.xml': '<failure message="nothing here — ok"/>',
    });
    assert.deepEqual((await scanReports(dir, [TOKEN, accented])).map((hit) => hit.file).sort(), [
      'results.json',
      'summary.md',
    ]);
  });

  it('opens trace zips, also inside the message stream', async () => {
    const trace = await zipOf({ 'trace.network': `{"authorization":"Bearer ${TOKEN}"}` });
    const line = JSON.stringify({
      attachment: { body: trace.toString('base64'), contentEncoding: 'BASE64' },
    });
    const dir = reportsWith({
      'allure-results/a-attachment.zip': trace,
      'messages.ndjson': `${line}\n`,
    });
    const hits = await scanReports(dir, [TOKEN]);
    const files = new Set(hits.map((hit) => hit.file));
    assert.ok(files.has('allure-results/a-attachment.zip!trace.network'), JSON.stringify(hits));
    assert.ok(files.has('messages.ndjson:1!trace.network'), JSON.stringify(hits));
  });

  it('finds credentials of well-known shapes without knowing them', async () => {
    const dir = reportsWith({
      'a.json': '{"Authorization":"Bearer abcdefghij0123456789"}',
      'b.txt': 'GET /x?password=hunter22',
      'c.json': '{"password": "hunter22"}',
      'd.txt': 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc',
    });
    const kinds = (await scanReports(dir, [])).map((hit) => `${hit.file}: ${hit.kind}`).sort();
    assert.deepEqual(kinds, [
      'a.json: Authorization header',
      'a.json: bearer token',
      'b.txt: password parameter',
      'c.json: password field',
      'd.txt: JWT',
    ]);
  });

  it('scrubs credentials of known shapes from text (what Allure history gets)', () => {
    const text = withoutCredentialShapes('{"password":"hunter22","h":"Bearer abcdefghij0123456789"}');
    assert.equal(text, '{"password":"[REDACTED]","h":"Bearer [REDACTED]"}');
  });
});
