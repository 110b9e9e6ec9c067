import path from 'node:path';
import { Worker, workerData, type ResourceLimits } from 'node:worker_threads';

/**
 * The process's preloads (`-r <file>`) that name their file absolutely (the TypeScript loader names
 * itself so): a thread the harness starts takes those (a memory probe, say) and none of the
 * process's other options, which a thread refuses. A relative one may name nothing from the project's folder, where the run
 * now is.
 */
export function absolutePreloads(execArgv: readonly string[]): string[] {
  const preloads: string[] = [];
  for (let index = 0; index < execArgv.length; index += 1) {
    const arg = execArgv[index]!;
    const file = arg === '-r' || arg === '--require' ? execArgv[++index] : /^--require=(.+)$/.exec(arg)?.[1];
    if (file && path.isAbsolute(file)) preloads.push('--require', file);
  }
  return preloads;
}

/** What every harness thread is started with: its module, and what the module is given. */
interface HarnessThreadData {
  readonly module: string;
  readonly data: unknown;
}

/**
 * A thread of the harness running its TypeScript module `module` (an absolute path), given `data`
 * (which the module reads with `threadData()`), with the process's preloads (`absolutePreloads`).
 */
export function startHarnessThread(
  module: string,
  data: unknown,
  resourceLimits: ResourceLimits = {},
): Worker {
  const start: HarnessThreadData = { module, data };
  return new Worker(path.join(__dirname, 'thread-entry.cjs'), {
    execArgv: absolutePreloads(process.execArgv),
    workerData: start,
    resourceLimits,
  });
}

/** On a harness thread: what it was started with. */
export function threadData<T>(): T {
  return (workerData as HarnessThreadData).data as T;
}
