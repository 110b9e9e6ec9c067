import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REGISTER, ROOT } from '../helpers/run-harness';

/**
 * A fresh process that keeps about 60 MB and churns through lists that live long enough to be
 * promoted (as a coordinator loading a large run does): the largest heap it committed, in MB.
 */
function peakHeapMb(parallel: number): number {
  const probe = `
    const { keepRelayHeapSmall } = require(${JSON.stringify(path.join(ROOT, 'support/results/relay-heap.ts'))});
    keepRelayHeapSmall(${parallel});
    const kept = Array.from({ length: 600000 }, (_, i) => ({ i, s: 'kept ' + i }));
    let recent = [];
    let peak = 0;
    for (let round = 0; round < 400; round++) {
      recent.push(Array.from({ length: 20000 }, (_, i) => ({ round, i })));
      if (recent.length > 8) recent.shift();
      peak = Math.max(peak, process.memoryUsage().heapTotal);
    }
    console.log(JSON.stringify({ peak: peak / 1e6, kept: kept.length }));`;
  const output = execFileSync(process.execPath, ['-r', REGISTER, '-e', probe], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(output) as { peak: number }).peak;
}

describe('the heap of a coordinator that only relays', () => {
  it('stays near what it keeps when scenarios run in workers, and is left to V8 when they run here', () => {
    const own = peakHeapMb(0);
    const relaying = peakHeapMb(2);
    assert.ok(
      relaying < own * 0.8,
      `relaying: ${relaying.toFixed(0)} MB, running its scenarios: ${own.toFixed(0)} MB`,
    );
  });
});
