import path from 'node:path';
import { displayPath } from '../errors';

/** The policy that judges a run, and why that one: printed before the gate's table. */
export interface PolicyChoice {
  readonly name: string;
  readonly reason: string;
}

/** What a run selected: cucumber's paths, tag expression, name patterns and shard. */
export interface RunSelection {
  readonly paths: readonly string[];
  readonly tagExpression: string;
  readonly names: readonly string[];
  readonly shard?: string | undefined;
}

/** The full, unfiltered suite is judged as a release. */
export const FULL_RUN_POLICY = 'release';
/** A run narrowed by paths, tags, names or a shard is judged on what it ran, not on coverage. */
const PARTIAL_RUN_POLICY = 'partial';

/**
 * The policy of `npm run gate` and `npm run merge`, which judge results they did not select: the
 * one `--policy` names, else a release (`why` says why that is the default here).
 */
export function namedPolicy(flag: string | undefined, why: string): PolicyChoice {
  return flag ? { name: flag, reason: 'named by --policy' } : { name: FULL_RUN_POLICY, reason: why };
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

/**
 * The one rule for which policy judges `npm run spec`: `--gate-policy` if given; else a profile
 * named like a policy (`--profile smoke`); else `partial` for a run narrowed by paths, tags, names
 * or a shard; else `release` for the full suite.
 */
export function choosePolicy(inputs: {
  readonly explicit: string | undefined;
  readonly profiles: readonly string[];
  readonly policies: readonly string[];
  readonly selection: RunSelection;
  /** The project's feature folders: naming all of them (or none) is the full suite. */
  readonly featuresDirs: string | readonly string[];
  readonly cwd?: string;
}): PolicyChoice {
  if (inputs.explicit) return { name: inputs.explicit, reason: 'named by --gate-policy' };
  const profile = inputs.profiles.find((name) => inputs.policies.includes(name));
  if (profile) return { name: profile, reason: `the profile "${profile}" is named like a policy` };
  const narrowed = narrowing(inputs.selection, inputs.featuresDirs, inputs.cwd);
  if (narrowed.length > 0) {
    return {
      name: PARTIAL_RUN_POLICY,
      reason: `the run is narrowed by ${narrowed.join(', ')} (coverage and @critical are the full run's to prove)`,
    };
  }
  return { name: FULL_RUN_POLICY, reason: 'the full suite ran (no paths, tags, names or shard)' };
}

/** The line printed before the gate's table. */
export function choiceLine(choice: PolicyChoice): string {
  return `Gate policy: ${choice.name} — ${choice.reason}`;
}
