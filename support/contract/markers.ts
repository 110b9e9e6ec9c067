import { isDeepStrictEqual } from 'node:util';

/**
 * Karate-style match markers: a written value starting with `#` says what kind of value is
 * expected instead of the value itself. Each marker is one row of `MARKERS` (a registry, so a new
 * one is a row, not a branch); `##` starts a literal `#`.
 */
interface Marker {
  /** `#regex`: the marker's name, what a feature writes before any argument. */
  readonly name: string;
  /** `#regex <pattern>`: shown in the list of markers and the docs. */
  readonly usage: string;
  readonly argument: 'none' | 'required';
  /** Why the argument cannot be used (a pattern that does not compile), checked before a run. */
  readonly argumentProblem?: (argument: string) => string | undefined;
  test(actual: unknown, argument: string): boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function numberArgument(argument: string): string | undefined {
  return Number.isFinite(Number(argument)) && argument.trim() !== '' ? undefined : 'needs a number';
}

function compare(test: (actual: number, bound: number) => boolean) {
  return (actual: unknown, argument: string): boolean =>
    typeof actual === 'number' && test(actual, Number(argument));
}

function regexProblem(argument: string): string | undefined {
  try {
    new RegExp(argument);
    return undefined;
  } catch (error) {
    return `is not a regular expression: ${(error as Error).message}`;
  }
}

const typeMarker = (name: string, test: (actual: unknown) => boolean): Marker => ({
  name,
  usage: name,
  argument: 'none',
  test,
});

export const MARKERS: readonly Marker[] = [
  // Karate's `#ignore`: a field of a `contains:` document or table row that may be anything.
  typeMarker('#ignore', () => true),
  typeMarker('#present', (actual) => actual !== undefined),
  typeMarker('#notpresent', (actual) => actual === undefined),
  typeMarker('#null', (actual) => actual === null),
  typeMarker('#notnull', (actual) => actual !== null && actual !== undefined),
  typeMarker('#string', (actual) => typeof actual === 'string'),
  typeMarker('#number', (actual) => typeof actual === 'number'),
  typeMarker('#integer', (actual) => Number.isInteger(actual)),
  typeMarker('#boolean', (actual) => typeof actual === 'boolean'),
  typeMarker('#array', (actual) => Array.isArray(actual)),
  typeMarker('#object', isObject),
  typeMarker('#uuid', (actual) => typeof actual === 'string' && UUID.test(actual)),
  typeMarker('#date-time', (actual) => typeof actual === 'string' && DATE_TIME.test(actual)),
  typeMarker('#email', (actual) => typeof actual === 'string' && EMAIL.test(actual)),
  typeMarker('#uri', (actual) => typeof actual === 'string' && URL.canParse(actual)),
  {
    name: '#regex',
    usage: '#regex <pattern>',
    argument: 'required',
    argumentProblem: regexProblem,
    // The whole value must match, as in Karate: `#regex r_[0-9a-f]+` does not pass `xr_1`.
    test: (actual, argument) => typeof actual === 'string' && new RegExp(`^(?:${argument})$`).test(actual),
  },
  {
    name: '#>=',
    usage: '#>= N',
    argument: 'required',
    argumentProblem: numberArgument,
    test: compare((a, b) => a >= b),
  },
  {
    name: '#<=',
    usage: '#<= N',
    argument: 'required',
    argumentProblem: numberArgument,
    test: compare((a, b) => a <= b),
  },
  {
    name: '#>',
    usage: '#> N',
    argument: 'required',
    argumentProblem: numberArgument,
    test: compare((a, b) => a > b),
  },
  {
    name: '#<',
    usage: '#< N',
    argument: 'required',
    argumentProblem: numberArgument,
    test: compare((a, b) => a < b),
  },
  {
    name: '#contains',
    usage: '#contains <value or JSON>',
    argument: 'required',
    test: (actual, argument) => containsValue(actual, argument),
  },
];

/** `#[N]`: an array of N items (`#[]` any array); written apart because N is part of the name. */
const SIZED = /^#\[(\d*)\]$/;

/** How markers are listed in messages and docs. */
export const MARKER_USAGES: readonly string[] = [...MARKERS.map((marker) => marker.usage), '#[N]', '##…'];

type Parsed =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'marker'; readonly marker: Marker; readonly argument: string }
  | { readonly kind: 'sized'; readonly size: number | undefined }
  | { readonly kind: 'unknown'; readonly problem: string };

/** What a written value means: a literal (`##x` is the text `#x`), a marker, or a mistake. */
function parse(written: string): Parsed {
  if (!written.startsWith('#')) return { kind: 'literal', text: written };
  if (written.startsWith('##')) return { kind: 'literal', text: written.slice(1) };
  const sized = SIZED.exec(written.trim());
  if (sized) return { kind: 'sized', size: sized[1] === '' ? undefined : Number(sized[1]) };
  // Longest name first: `#>=` before `#>`.
  const marker = [...MARKERS]
    .sort((a, b) => b.name.length - a.name.length)
    .find((candidate) => written === candidate.name || written.startsWith(`${candidate.name} `));
  if (!marker) {
    const name = written.split(/\s/)[0];
    return { kind: 'unknown', problem: `unknown marker "${name}" (markers: ${MARKER_USAGES.join(', ')})` };
  }
  const argument = written.slice(marker.name.length).trim();
  if (marker.argument === 'none' && argument !== '') {
    return {
      kind: 'unknown',
      problem: `marker ${marker.name} takes no argument, but "${argument}" follows it`,
    };
  }
  if (marker.argument === 'required') {
    const problem = argument === '' ? 'needs an argument' : marker.argumentProblem?.(argument);
    if (problem) return { kind: 'unknown', problem: `marker ${marker.usage}: "${written}" ${problem}` };
  }
  return { kind: 'marker', marker, argument };
}

/** Why a written value is not a usable marker, or undefined (literals are always usable). */
export function markerProblem(written: string): string | undefined {
  const parsed = parse(written);
  return parsed.kind === 'unknown' ? parsed.problem : undefined;
}

/** Is the written value a marker (as opposed to a literal)? */
export function isMarker(written: string): boolean {
  return parse(written).kind !== 'literal';
}

/**
 * Does `actual` match what a feature wrote? A marker tests the kind of value; anything else is
 * compared as JSON when it parses as JSON, else as text. An unknown marker throws: it must never
 * quietly become a literal comparison.
 */
export function matchesWritten(actual: unknown, written: string): boolean {
  const parsed = parse(written);
  switch (parsed.kind) {
    case 'unknown':
      throw new Error(parsed.problem);
    case 'sized':
      return Array.isArray(actual) && (parsed.size === undefined || actual.length === parsed.size);
    case 'marker':
      return parsed.marker.test(actual, parsed.argument);
    case 'literal':
      return matchesLiteral(actual, parsed.text);
  }
}

function matchesLiteral(actual: unknown, written: string): boolean {
  let expected: unknown;
  try {
    expected = JSON.parse(written);
  } catch {
    return typeof actual === 'string' ? actual === written : false;
  }
  return isDeepStrictEqual(actual, expected);
}

/** `#contains`: an array with a matching item, an object with the fields, a string with the text. */
function containsValue(actual: unknown, argument: string): boolean {
  let expected: unknown = argument;
  try {
    expected = JSON.parse(argument);
  } catch {
    // Not JSON: the argument is text.
  }
  if (Array.isArray(actual)) {
    const wanted = Array.isArray(expected) ? expected : [expected];
    return wanted.every((item) =>
      actual.some((candidate) => subsetMismatches(candidate, item, '$').length === 0),
    );
  }
  if (typeof actual === 'string') return actual.includes(typeof expected === 'string' ? expected : argument);
  return isObject(actual) && subsetMismatches(actual, expected, '$').length === 0;
}

/** `$.tags[0]` */
function childPath(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;
}

/**
 * Where `actual` falls short of `expected` read as a subset, one line each naming the path, the
 * expectation and the actual value: an expected object's keys must be there (others may be too),
 * each expected array item must match some actual item in any order, a string starting with `#`
 * is a marker, anything else must be equal.
 */
export function subsetMismatches(actual: unknown, expected: unknown, path: string): string[] {
  if (typeof expected === 'string' && expected.startsWith('#')) {
    return matchesWritten(actual, expected) ? [] : [mismatch(path, expected, actual)];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return [mismatch(path, `an array containing ${JSON.stringify(expected)}`, actual)];
    return expected.flatMap((item) =>
      actual.some((candidate) => subsetMismatches(candidate, item, path).length === 0)
        ? []
        : [mismatch(`${path}[*]`, `an item matching ${JSON.stringify(item)}`, actual)],
    );
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return [mismatch(path, `an object with ${JSON.stringify(expected)}`, actual)];
    return Object.entries(expected).flatMap(([key, value]) =>
      subsetMismatches(actual[key], value, childPath(path, key)),
    );
  }
  return isDeepStrictEqual(actual, expected) ? [] : [mismatch(path, JSON.stringify(expected), actual)];
}

/** `$.total: expected #> 0, actual 0` — the one-line shape of every comparison failure. */
export function mismatch(path: string, expected: string, actual: unknown): string {
  return `${path}: expected ${expected}, actual ${actual === undefined ? '(not present)' : JSON.stringify(actual)}`;
}

/** Every marker in a JSON document's strings (`#string` inside `{"id": "#string"}`). */
export function markersInJson(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('#') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(markersInJson);
  if (isObject(value)) return Object.values(value).flatMap(markersInJson);
  return [];
}
