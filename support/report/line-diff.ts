/**
 * The one diff convention of the harness, Node's and Jest's: `- expected`, `+ actual`, lines both
 * share indented by two spaces. Used where a diff helps: a value with structure or several lines,
 * never two scalars (the headline `expected "spam", actual "suspicious"` says everything there).
 */
export const DIFF_LEGEND = '- expected + actual';

/** Past this many line pairs the diff is the two values one after the other, not the shortest diff. */
const MAX_CELLS = 250_000;

/** A value as a diff compares it: strings as they are, anything else as indented JSON. */
export function diffText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  return JSON.stringify(value, null, 2) ?? `<${typeof value}>`; // a function, a symbol
}

/** Whether a diff of the two says more than the headline: either has structure or several lines. */
export function diffHelps(expected: unknown, actual: unknown): boolean {
  const structured = (value: unknown): boolean =>
    (typeof value === 'object' && value !== null) || (typeof value === 'string' && value.includes('\n'));
  return structured(expected) || structured(actual);
}

/** The lines of `expected` and `actual` as one diff: `- ` expected only, `+ ` actual only, `  ` both. */
export function lineDiff(expected: string, actual: string): string[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a.length * b.length > MAX_CELLS)
    return [...a.map((line) => `- ${line}`), ...b.map((line) => `+ ${line}`)];
  // Longest common subsequence of lines, from the end, so the walk below goes forwards.
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      common[i * width + j] =
        a[i] === b[j]
          ? (common[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push(`  ${a[i]}`);
      i += 1;
      j += 1;
    } else if (
      i < a.length &&
      (j === b.length || (common[(i + 1) * width + j] ?? 0) >= (common[i * width + j + 1] ?? 0))
    ) {
      // What was expected goes first, what came after it.
      lines.push(`- ${a[i]}`);
      i += 1;
    } else {
      lines.push(`+ ${b[j]}`);
      j += 1;
    }
  }
  return lines;
}

/**
 * The diff block an assertion's message ends with, or '' where a diff does not help:
 * `\n- expected + actual\n\n  {\n-   "level": "spam"\n+   "level": "suspicious"\n  }`.
 */
export function diffBlock(expected: unknown, actual: unknown): string {
  if (!diffHelps(expected, actual)) return '';
  return `\n${DIFF_LEGEND}\n\n${lineDiff(diffText(expected), diffText(actual)).join('\n')}`;
}
