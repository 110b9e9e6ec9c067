import os from 'node:os';

/**
 * Cores one worker keeps busy: its main thread, the coordinator's reporting thread, the embedded
 * service's thread and garbage collection (`time` shows 160–180 % CPU for a one-worker API run). A worker
 * without two cores of its own makes a run slower, not faster (docs/BENCHMARKS.md, row 4).
 */
export const CORES_PER_WORKER = 2;

/** The most workers a run has, whatever WORKERS says. */
export const MAX_WORKERS = 64;

/** How many workers a run has, and when `WORKERS=auto` chose, what it chose and why. */
export interface WorkerChoice {
  readonly workers: number;
  readonly said?: string;
}

/** `WORKERS=auto`: as many workers as the machine has cores for, at least one; says so. */
export function autoWorkers(cores = os.availableParallelism()): WorkerChoice {
  // As WORKERS=<n> allows at most. (The cores Node sees; a container's CPU limit may be lower.)
  const workers = Math.min(MAX_WORKERS, Math.max(1, Math.floor(cores / CORES_PER_WORKER)));
  return {
    workers,
    said: `WORKERS=auto: ${workers} worker${workers === 1 ? '' : 's'} on ${cores} core${cores === 1 ? '' : 's'} (a worker keeps about ${CORES_PER_WORKER} cores busy)`,
  };
}
