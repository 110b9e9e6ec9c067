import { DataTable } from '@cucumber/cucumber';
import { UsageError } from '../errors';

/** Anything that fills in `{{name}}` in one string: the scenario's World. */
interface Interpolating {
  interpolate(text: string): string;
}

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Does the text hold a `{{name}}` to be filled in at run time? */
export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/** The names of the `{{name}}` placeholders in a text, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(new RegExp(PLACEHOLDER.source, 'g'))].map((match) => match[1]!);
}

/** The text with every `{{name}}` replaced by `stand`: how it can be checked before a run. */
export function withPlaceholdersAs(text: string, stand: string): string {
  return text.replace(PLACEHOLDER, stand);
}

/**
 * Replaces `{{name}}` with what `recall` gives for it (text as is, anything else as JSON). A name
 * `recall` does not know is an error naming the placeholder, with `recall`'s own reason (the World's
 * says which names were remembered so far).
 */
export function interpolate(text: string, recall: (name: string) => unknown): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    let value: unknown;
    try {
      value = recall(name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(
        `unknown placeholder {{${name}}}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
      );
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** A step's arguments with every string (doc strings included) and every table cell filled in. */
export function interpolateArguments(args: readonly unknown[], fill: (text: string) => string): unknown[] {
  return args.map((arg) => {
    if (typeof arg === 'string') return fill(arg);
    if (arg instanceof DataTable) return new DataTable(arg.raw().map((row) => row.map(fill)));
    return arg;
  });
}

type StepBody<W, A extends unknown[]> = (this: W, ...args: A) => unknown;

/**
 * A step body called with every string argument, doc string and table cell filled in by the World:
 * `Given('…', withInterpolation(function (this: ScenarioWorld, …) {…}))`. The wrapper keeps the
 * body's arity, which cucumber checks against the step's parameters. (Wrapping the body, not
 * `Given` itself, keeps the step's own file and line in cucumber's output.)
 */
export function withInterpolation<W extends Interpolating, A extends unknown[]>(
  body: StepBody<W, A>,
): StepBody<W, A> {
  const wrapped = function (this: W, ...args: A): unknown {
    return body.apply(this, interpolateArguments(args, (text) => this.interpolate(text)) as A);
  };
  Object.defineProperty(wrapped, 'length', { value: body.length });
  return wrapped;
}
