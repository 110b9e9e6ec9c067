import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Gives the calling thread a lower scheduling priority: a nice value of at least `nice`. On Linux a
 * thread has a priority of its own (its id is what /proc/thread-self names); elsewhere, or where
 * the system refuses, nothing changes and this says so. Never raises a priority.
 */
export function lowerThreadPriority(nice: number): boolean {
  try {
    const thread = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
    if (os.getPriority(thread) < nice) os.setPriority(thread, nice);
    return true;
  } catch {
    return false;
  }
}
