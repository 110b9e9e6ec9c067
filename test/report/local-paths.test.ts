import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { installRelativeStackTraces, withoutLocalPaths } from '../../support/report/local-paths';

const ROOT = path.resolve(__dirname, '../..');

describe('local paths in report text', () => {
  it('become relative to the project, file URLs and home included', () => {
    const text = [
      `at expectEqual (${ROOT}/support/expect.ts:14:11)`,
      `see file://${ROOT}/reports/x.png`,
      `cache in ${os.homedir()}/.cache/ms-playwright`,
      'node:internal/process/task_queues:95:5 stays as it is',
    ].join('\n');
    assert.equal(
      withoutLocalPaths(text),
      [
        'at expectEqual (./support/expect.ts:14:11)',
        'see ./reports/x.png',
        'cache in ~/.cache/ms-playwright',
        'node:internal/process/task_queues:95:5 stays as it is',
      ].join('\n'),
    );
  });

  it('are gone from every stack trace once installed', () => {
    installRelativeStackTraces();
    const stack = new Error('where am I').stack ?? '';
    assert.match(stack, /^Error: where am I\n/);
    assert.match(stack, /\.\/test\/report\/local-paths\.test\.ts:\d+:\d+/);
    assert.ok(!stack.includes(`${ROOT}/`), stack);
  });
});
