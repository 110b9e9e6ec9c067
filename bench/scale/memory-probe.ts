/**
 * Preloaded into every process of the measured run (`-r`; cucumber's workers too, which it forks
 * with the same node arguments, and the threads that inherit them, as the coordinator's reporting
 * thread does): every SCALE_SAMPLE_MS it collects garbage and records the live heap of its thread
 * and the resident memory of its process; at exit it writes them to
 * SCALE_MEMORY_DIR/<pid>-<thread>.json with its role (the coordinator or a worker, and the thread).
 * Collecting first makes the heap figure what the thread keeps, not what it has yet to free.
 */
import fs from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

export interface MemorySample {
  /** Epoch ms, to line up with cucumber's message timestamps. */
  readonly at: number;
  readonly heapUsed: number;
  readonly rss: number;
}

const dir = process.env.SCALE_MEMORY_DIR;
if (dir) {
  const file = `${dir}/${process.pid}-${threadId}.json`;
  const processRole =
    process.env.CUCUMBER_WORKER_ID === undefined ? 'coordinator' : `worker ${process.env.CUCUMBER_WORKER_ID}`;
  const role = isMainThread ? processRole : `${processRole}, thread ${threadId}`;
  const samples: MemorySample[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const write = (): void =>
    fs.writeFileSync(file, JSON.stringify({ role, samples, peakRssKb: process.resourceUsage().maxRSS }));
  const sample = (): void => {
    gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    samples.push({ at: Date.now(), heapUsed, rss });
    // A thread ends with its process, without an exit of its own: it keeps its file written.
    if (!isMainThread) write();
  };
  const timer = setInterval(sample, Number(process.env.SCALE_SAMPLE_MS ?? 500));
  timer.unref();
  process.on('exit', () => {
    sample();
    write();
  });
}
