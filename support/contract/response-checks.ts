import { matchesWritten, mismatch, subsetMismatches } from './markers';
import { valueAtPath } from './operation-call';

/**
 * The comparisons of the generic `Then` steps, each returning its mismatches one line apiece
 * (`$.total: expected #> 0, actual 0`), so a step only has to fail with them.
 */

/** `$.tags` → `$.tags`, `tags` → `$.tags`, `[0]` → `$[0]`: paths shown the way the body is read. */
export function shownPath(path: string): string {
  const trimmed = path.trim();
  if (trimmed === '' || trimmed === '$') return '$';
  if (trimmed.startsWith('$')) return trimmed;
  return trimmed.startsWith('[') ? `$${trimmed}` : `$.${trimmed}`;
}

/** Each `| path | value |` row checked against the value at its path in `body`. */
export function rowMismatches(
  body: unknown,
  rows: readonly (readonly [string, string])[],
  prefix = '$',
): string[] {
  return rows.flatMap(([path, written]) => {
    const actual = valueAtPath(body, path);
    const where = prefix === '$' ? shownPath(path) : `${prefix}${shownPath(path).slice(1)}`;
    return matchesWritten(actual, written) ? [] : [mismatch(where, written, actual)];
  });
}

/** The body read as containing the JSON written (a subset; array items in any order). */
export function containsMismatches(body: unknown, json: string): string[] {
  return subsetMismatches(body, JSON.parse(json) as unknown, '$');
}

/** Every item of the array at `path` checked against the rows; not an array is one mismatch. */
export function everyItemMismatches(
  body: unknown,
  path: string,
  rows: readonly (readonly [string, string])[],
): string[] {
  const items = valueAtPath(body, path);
  const where = shownPath(path);
  if (!Array.isArray(items)) return [mismatch(where, 'an array', items)];
  return items.flatMap((item, index) => rowMismatches(item, rows, `${where}[${index}]`));
}

/**
 * A response header (name in any case) against what a feature wrote: a marker tests it
 * (`#notpresent` when it is absent), anything else is compared as text — header values are text.
 */
export function headerMismatch(
  headers: Readonly<Record<string, string>>,
  name: string,
  written: string,
): string | undefined {
  const actual = headers[name.toLowerCase()];
  const where = `response header ${name}`;
  if (written.startsWith('#') && !written.startsWith('##')) {
    return matchesWritten(actual, written) ? undefined : mismatch(where, written, actual);
  }
  const text = written.startsWith('##') ? written.slice(1) : written;
  return actual === text ? undefined : mismatch(where, JSON.stringify(text), actual);
}
