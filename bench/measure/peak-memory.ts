/**
 * Preloaded into a measured child after its TypeScript loader (`node -r <loader> -r bench/measure/peak-memory.ts …`):
 * when the process exits it writes its peak resident memory (kB) to BENCH_PEAK_RSS_FILE.
 */
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_PEAK_RSS_FILE;
// The process's own exit, not a thread's that took the same preloads.
if (file && isMainThread) {
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
