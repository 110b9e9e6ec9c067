import path from 'node:path';
import { HARNESS_ROOT } from '../config/project-dir';

/** A word as a shell reads it back: quoted only when it has to be. */
export function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A file as the commands printed for it name it: npm runs every script in the harness's folder, so
 * relative to that when it is inside, else absolute.
 */
export function fromHarnessRoot(file: string): string {
  const relative = path.relative(HARNESS_ROOT, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative.split(path.sep).join('/');
}

/** `HARNESS_CONFIG=projects/shop/harness.config.yaml ` for a project other than the harness's own, else ''. */
export function harnessConfigPrefix(projectFile: string): string {
  return path.resolve(projectFile) === path.join(HARNESS_ROOT, 'harness.config.yaml')
    ? ''
    : `HARNESS_CONFIG=${shellWord(fromHarnessRoot(projectFile))} `;
}
