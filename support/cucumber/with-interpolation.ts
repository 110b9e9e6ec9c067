import { DataTable } from '@cucumber/cucumber';

/** Anything that fills in `{{name}}` in one string: the scenario's World. */
interface Interpolating {
  interpolate(text: string): string;
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
