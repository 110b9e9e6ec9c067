import fs from 'node:fs';
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

/** A container's CPU limit as Linux's cgroup v2 says it (`<quota> <period>`, or `max`), if readable. */
function cgroupCpuMax(): string | undefined {
  try {
    return fs.readFileSync('/sys/fs/cgroup/cpu.max', 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The cores this process may keep busy: those Node sees, or fewer where a container's CPU limit
 * (`cpu.max`: a quota of CPU time per period) allows fewer; at least one.
 */
export function usableCores(seen = os.availableParallelism(), cpuMax = cgroupCpuMax()): number {
  const [quota, period] = (cpuMax ?? '').trim().split(/\s+/).map(Number);
  const limit = quota !== undefined && period !== undefined && period > 0 ? Math.floor(quota / period) : NaN;
  return Math.max(1, Number.isFinite(limit) ? Math.min(seen, limit) : seen);
}

/** `WORKERS=auto`: as many workers as the machine has cores for, at least one; says so. */
export function autoWorkers(cores = usableCores()): WorkerChoice {
  // As WORKERS=<n> allows at most.
  const workers = Math.min(MAX_WORKERS, Math.max(1, Math.floor(cores / CORES_PER_WORKER)));
  return {
    workers,
    said: `WORKERS=auto: ${workers} worker${workers === 1 ? '' : 's'} on ${cores} core${cores === 1 ? '' : 's'} (a worker keeps about ${CORES_PER_WORKER} cores busy)`,
  };
}
