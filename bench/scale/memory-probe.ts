/**
 * Preloaded into every process of the measured run (`-r`; cucumber's workers too, which it forks
 * with the same node arguments): every SCALE_SAMPLE_MS it collects garbage and records the live heap and the resident
 * memory; at exit it writes them to SCALE_MEMORY_DIR/<pid>.json with its role (the coordinator or
 * a worker). Collecting first makes the heap figure what the process keeps, not what it has yet to
 * free.
 */
import fs from 'node:fs';

export interface MemorySample {
  /** Epoch ms, to line up with cucumber's message timestamps. */
  readonly at: number;
  readonly heapUsed: number;
  readonly rss: number;
}

const dir = process.env.SCALE_MEMORY_DIR;
if (dir) {
  const file = `${dir}/${process.pid}.json`;
  const role =
    process.env.CUCUMBER_WORKER_ID === undefined ? 'coordinator' : `worker ${process.env.CUCUMBER_WORKER_ID}`;
  const samples: MemorySample[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = (): void => {
    gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    samples.push({ at: Date.now(), heapUsed, rss });
  };
  const timer = setInterval(sample, Number(process.env.SCALE_SAMPLE_MS ?? 500));
  timer.unref();
  process.on('exit', () => {
    sample();
    fs.writeFileSync(file, JSON.stringify({ role, samples, peakRssKb: process.resourceUsage().maxRSS }));
  });
}
