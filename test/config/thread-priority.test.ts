import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { ROOT } from '../helpers/run-harness';

/** In a thread of its own: lowers its priority to `nice`, then answers its id and what it reads back. */
function inThread(nice: number): Promise<{ lowered: boolean; thread: number; nice: number }> {
  const code = `
    require(${JSON.stringify(path.join(ROOT, 'support/register.cjs'))});
    const { lowerThreadPriority } = require(${JSON.stringify(path.join(ROOT, 'support/config/thread-priority.ts'))});
    const fs = require('node:fs');
    const os = require('node:os');
    const lowered = lowerThreadPriority(${nice});
    const thread = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    require('node:worker_threads').parentPort.postMessage({ lowered, thread, nice: os.getPriority(thread) });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('a thread that gives the scenarios the cores first', { skip: process.platform !== 'linux' }, () => {
  it('lowers its own priority, and only its own: the process’s other threads keep theirs', async (t) => {
    const before = os.getPriority();
    if (before >= 19) return t.skip('the process runs at the lowest priority already');
    const target = Math.min(before + 7, 19);
    const { lowered, thread, nice } = await inThread(target);
    assert.equal(lowered, true);
    assert.notEqual(thread, process.pid);
    assert.equal(nice, target);
    assert.equal(os.getPriority(), before, 'the main thread');
  });

  it('never raises a priority', async () => {
    const before = os.getPriority();
    // Asked for a higher priority than it has (which root may take), a thread keeps its own.
    const { lowered, nice } = await inThread(before - 1);
    assert.equal(lowered, true);
    assert.equal(nice, before);
  });
});
