import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { scrubZip } from '../../support/report/scrub-zip';

const TOKEN = 'cid_bVvb9XTipykm0OqsXrRLYHNcC8LFPmAhA0d6ze';

describe('scrubZip', () => {
  it('scrubs a body the trace keeps as base64 (Route.fulfill), and leaves binary alone', async () => {
    const body = Buffer.from(JSON.stringify({ accessToken: TOKEN })).toString('base64');
    const binary = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]).toString('base64');
    const zip = new JSZip();
    zip.file('trace.trace', `{"method":"fulfill","params":{"body":"${body}","image":"${binary}"}}`);
    const scrubbed = await scrubZip(await zip.generateAsync({ type: 'nodebuffer' }), (text) =>
      text.split(TOKEN).join('[REDACTED]'),
    );
    const trace = await (await JSZip.loadAsync(scrubbed)).file('trace.trace')!.async('string');
    const { params } = JSON.parse(trace) as { params: { body: string; image: string } };
    assert.equal(Buffer.from(params.body, 'base64').toString('utf8'), '{"accessToken":"[REDACTED]"}');
    assert.equal(params.image, binary);
  });
});
