import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/run-harness';
import { committedCredentials } from '../helpers/secrets';

/**
 * Credentials come from the environment only: nothing the harness ships (features, steps, support,
 * specs, pipelines, configuration, docs) holds one. The harness's own tests are left out: they
 * drive an in-memory service with made-up passwords on purpose.
 */
describe('credentials in the repository', () => {
  it('are never committed', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && !file.startsWith('test/') && file !== 'package-lock.json')
      .filter((file) => fs.existsSync(path.join(ROOT, file)));
    const files = tracked.map((file) => ({
      path: file,
      text: fs.readFileSync(path.join(ROOT, file), 'utf8'),
    }));
    assert.ok(files.length > 50, `only ${files.length} tracked files found`);
    assert.deepEqual(committedCredentials(files), []);
  });

  it('are found when somebody commits one', () => {
    const planted = [
      { path: 'features/x.feature', text: 'Given the password: "Sup3rSecret!"' },
      { path: '.github/workflows/ci.yml', text: 'env:\n  API_KEY: "abcd1234efgh"' },
      { path: 'support/x.ts', text: "const header = 'Bearer cid_0123456789abcdefghijABCDEFGHIJ';" },
      { path: 'README.md', text: 'set ACCOUNT_ALICE=alice:$ALICE_PASSWORD in the pipeline' },
    ];
    assert.deepEqual(
      committedCredentials(planted).map((leak) => leak.where),
      ['features/x.feature', '.github/workflows/ci.yml', 'support/x.ts'],
    );
  });
});
