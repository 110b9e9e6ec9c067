import v8 from 'node:v8';

/**
 * How much bigger than what it keeps the heap of a process that only relays may grow before V8
 * collects it again: 15 %. V8's own factor, for a heap that allocates as fast as a coordinator
 * loading 10,000 scenarios does, is up to 4×: its heap reached 180 MB around 85 MB it kept, the
 * run's peak (`npm run bench:scale`, docs/SCALE.md).
 */
export const RELAY_HEAP_GROWING_PERCENT = 15;

/**
 * When scenarios run in worker processes, the coordinator only relays their messages (and loads
 * the run's scenarios once): it collects its heap more often, for a smaller one. Not when the
 * scenarios run in this process, where more collections would slow them (about 10 % per API
 * scenario, alternating runs of 1,000).
 */
export function keepRelayHeapSmall(parallel: number | undefined): void {
  // A V8 setting that it reads at every collection, for every thread of the process.
  if (parallel) v8.setFlagsFromString(`--heap-growing-percent=${RELAY_HEAP_GROWING_PERCENT}`);
}
