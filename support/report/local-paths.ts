import os from 'node:os';
import path from 'node:path';
import { HARNESS_ROOT, perWorkingFolder } from '../config/project-dir';

interface LocalRoot {
  readonly from: string;
  readonly to: string;
}

/**
 * The machine's own folders that must not reach a report: the harness, the project (the working
 * folder), home. Every text bound for a report passes here, a few dozen per HTTP exchange.
 */
const localRoots = perWorkingFolder((cwd): readonly LocalRoot[] => {
  const home = os.homedir();
  const roots = [
    { from: HARNESS_ROOT, to: '.' },
    { from: cwd, to: '.' },
    ...(home && home !== path.parse(home).root ? [{ from: home, to: '~' }] : []),
  ];
  // The longest first: the project usually lives inside home.
  return roots.sort((a, b) => b.from.length - a.from.length);
});

/** `/home/ci/work/repo/steps/x.ts:3` → `./steps/x.ts:3`: reports show paths, not the machine. */
export function withoutLocalPaths(text: string): string {
  let result = text;
  for (const { from, to } of localRoots()) {
    if (!result.includes(from)) continue;
    result = result.split(`file://${from}/`).join(`${to}/`).split(`${from}/`).join(`${to}/`);
  }
  return result;
}

let installed = false;

/**
 * Every stack trace of this process names files relative to the project: failures in reports, the
 * message stream and Allure then carry no absolute local path. Wraps whatever formats stacks
 * already (source maps), or V8's default format.
 */
export function installRelativeStackTraces(): void {
  if (installed) return;
  installed = true;
  const previous = Error.prepareStackTrace?.bind(Error);
  Error.prepareStackTrace = (error, frames) => {
    const text: unknown = previous
      ? previous(error, frames)
      : `${String(error)}${frames.map((frame) => `\n    at ${callSite(frame)}`).join('')}`;
    return typeof text === 'string' ? withoutLocalPaths(text) : text;
  };
}

/** A stack frame as V8 writes it: `name (file:line:column)`. */
function callSite(frame: NodeJS.CallSite): string {
  const where = `${frame.getFileName() ?? '<anonymous>'}:${frame.getLineNumber()}:${frame.getColumnNumber()}`;
  const name = frame.getFunctionName();
  return name ? `${name} (${where})` : where;
}
