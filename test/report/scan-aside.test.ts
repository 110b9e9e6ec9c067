import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scanReportsAside } from '../../support/report/scan-aside';
import { scanReports } from '../../support/report/secret-scan';
import { tempDir } from '../helpers/temp';

const TOKEN = 'cid_9d8c7b6a5f4e3d2c1b0a9f8e7d6c';

describe('the report scan on a thread of its own', () => {
  it('finds what the scan finds: the run’s secrets and credentials of known shapes, by file and kind', async () => {
    const dir = tempDir('sbe-scan-aside-');
    fs.writeFileSync(path.join(dir, 'junit.xml'), `<failure message="got ${TOKEN}"/>`);
    fs.mkdirSync(path.join(dir, 'allure-results'));
    fs.writeFileSync(
      path.join(dir, 'allure-results', '1-attachment.json'),
      '{"headers": {"authorization": "Bearer abcdefghijklmnop1234"}}',
    );
    fs.writeFileSync(path.join(dir, 'results.json'), '{"clean": true}');

    const hits = await scanReportsAside(dir, [TOKEN]).hits;
    assert.deepEqual(hits, await scanReports(dir, [TOKEN]));
    assert.deepEqual(hits.map((hit) => `${hit.file}: ${hit.kind}`).sort(), [
      'allure-results/1-attachment.json: Authorization header',
      'allure-results/1-attachment.json: bearer token',
      'junit.xml: a secret of the run (raw)',
    ]);
  });

  it('fails with what stopped the scan', async () => {
    const notAFolder = path.join(tempDir('sbe-scan-aside-'), 'reports');
    fs.writeFileSync(notAFolder, '');
    await assert.rejects(scanReportsAside(notAFolder, []).hits, /ENOTDIR/);
  });

  it('is stopped without a word when the gate no longer wants it: no rejection goes unhandled', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      // Nobody awaits its hits: the gate stopped wanting them.
      scanReportsAside(tempDir('sbe-scan-aside-'), [TOKEN]).stop();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      process.off('unhandledRejection', note);
    }
    assert.deepEqual(unhandled, []);
  });
});
