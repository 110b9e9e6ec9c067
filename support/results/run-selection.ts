import path from 'node:path';
import { displayPath } from '../errors';

/** What a run selected: cucumber's paths, tag expression, name patterns and shard. */
export interface RunSelection {
  readonly paths: readonly string[];
  readonly tagExpression: string;
  readonly names: readonly string[];
  readonly shard?: string | undefined;
}

const LINE_SUFFIX = /(:\d+)+$/;

/** Cucumber wraps each tag expression it combines in parentheses: `(@smoke)` reads as `@smoke`. */
function unwrap(expression: string): string {
  let text = expression.trim();
  for (;;) {
    if (!text.startsWith('(') || !text.endsWith(')')) return text;
    let depth = 0;
    for (let index = 0; index < text.length; index += 1) {
      if (text[index] === '(') depth += 1;
      if (text[index] === ')') depth -= 1;
      // The first parenthesis closes before the end: `(@a) and (@b)` stays as it is.
      if (depth === 0 && index < text.length - 1) return text;
    }
    text = text.slice(1, -1).trim();
  }
}

/**
 * How a run narrowed the suite, one phrase per kind; empty for the full run. Naming the project's
 * feature folders themselves (`features/`) is the full run; any other path, a line in a file, or
 * only some of the folders narrows it.
 */
export function narrowing(
  selection: RunSelection,
  featuresDirs: string | readonly string[],
  cwd = process.cwd(),
): string[] {
  const full = new Set(
    (typeof featuresDirs === 'string' ? [featuresDirs] : featuresDirs).map((dir) => path.resolve(cwd, dir)),
  );
  const given = selection.paths.map((entry) => (LINE_SUFFIX.test(entry) ? entry : path.resolve(cwd, entry)));
  const whole =
    given.length === 0 ||
    (given.every((entry) => full.has(entry)) && [...full].every((dir) => given.includes(dir)));
  const paths = whole
    ? []
    : selection.paths.filter((entry) => LINE_SUFFIX.test(entry) || !full.has(path.resolve(cwd, entry)));
  const shown = paths.length > 0 ? paths : selection.paths;
  return [
    ...(!whole
      ? [`paths ${shown.map((entry) => displayPath(path.resolve(cwd, entry), cwd)).join(' ')}`]
      : []),
    ...(selection.tagExpression.trim() ? [`tags "${unwrap(selection.tagExpression)}"`] : []),
    ...(selection.names.length > 0 ? [`names ${selection.names.map((name) => `"${name}"`).join(' ')}`] : []),
    ...(selection.shard ? [`shard ${selection.shard}`] : []),
  ];
}
