import path from 'node:path';

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
