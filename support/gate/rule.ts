import type { ContractCoverage } from '../results/coverage';
import type { GateImpact } from '../impact/gate-rule';
import type { SecretHit } from '../report/secret-scan';
import type { RunResults, ScenarioResult } from '../results/run-model';
import { scenarioKey } from '../gherkin/corpus';
import type { Traceability } from '../results/traceability';

/** What a rule found: its threshold, what the run showed, and whether that passes. */
export interface Judgement {
  readonly threshold: string;
  readonly actual: string;
  readonly passed: boolean;
  /** What made it fail: scenarios, exchanges, requirements — one per line. */
  readonly details: readonly string[];
  /** The rule could not be judged and says why in `actual` (it does not fail the gate). */
  readonly skipped?: boolean;
}

export interface GateInputs {
  readonly results: RunResults;
  readonly coverage: ContractCoverage;
  readonly traceability: Traceability;
  /** What the report scanner found (file and kind, never a value); none when it did not run. */
  readonly secretHits?: readonly SecretHit[];
  /** The contract's changes since the base; read or computed by the rule itself when absent. */
  readonly impact?: GateImpact;
}

/** What every rule may look at: the gate's inputs and what is derived from them once. */
export interface RuleContext extends GateInputs {
  /** The scenarios the run chose. */
  readonly selected: readonly ScenarioResult[];
  /** The project has several services: operations are named with theirs. */
  readonly several: boolean;
}

/**
 * A rule a policy can switch on: the JSON schema of its options in gate.config.yaml, the line that
 * explains it, and its evaluation. Pure: the same options and context give the same judgement.
 */
export interface GateRule<Options> {
  /** The options' schema (the policy file is validated against it). */
  readonly schema: Readonly<Record<string, unknown>>;
  /** What the rule proves, in one line (the verdict's description). */
  explain(options: Options, context: RuleContext): string;
  judge(options: Options, context: RuleContext): Judgement;
}

/** The options a rule takes. */
export type OptionsOf<Rule> = Rule extends GateRule<infer Options> ? Options : never;

/**
 * The type of what a schema accepts, for the few shapes rule options take (objects of strings,
 * numbers, enums, arrays and maps): the schema is the options' one declaration.
 */
export type SchemaType<S> = S extends { readonly enum: readonly (infer Value)[] }
  ? Value
  : S extends { readonly type: 'string' }
    ? string
    : S extends { readonly type: 'number' | 'integer' }
      ? number
      : S extends { readonly type: 'array'; readonly items: infer Item }
        ? readonly SchemaType<Item>[]
        : S extends { readonly type: 'object'; readonly properties: infer Properties }
          ? ObjectType<Properties, S extends { readonly required: readonly (infer Key)[] } ? Key : never>
          : S extends { readonly type: 'object'; readonly additionalProperties: infer Value }
            ? Readonly<Record<string, SchemaType<Value>>>
            : never;

type ObjectType<Properties, Required> = {
  readonly [Key in keyof Properties as Key extends Required ? Key : never]: SchemaType<Properties[Key]>;
} & {
  readonly [Key in keyof Properties as Key extends Required ? never : Key]?: SchemaType<Properties[Key]>;
};

/** A rule whose options are what its schema accepts. */
export function defineRule<const Schema extends Readonly<Record<string, unknown>>>(
  schema: Schema,
  rule: Omit<GateRule<SchemaType<Schema>>, 'schema'>,
): GateRule<SchemaType<Schema>> {
  return { schema, ...rule };
}

/** A rule that takes no option: `{}` in the policy. */
export const NO_OPTIONS = { type: 'object', additionalProperties: false, properties: {} } as const;

/** A percentage in the policy file. */
export const PERCENT = { type: 'number', minimum: 0, maximum: 100 } as const;

/** A scenario in a detail line: `file:line name — first line of its error`. */
export function describeScenario(scenario: ScenarioResult): string {
  const reason = scenario.error?.split('\n')[0];
  return `${scenarioKey(scenario)} ${scenario.name}${reason ? ` — ${reason}` : ''}`;
}

/** A count that must stay at or below its maximum. */
export function atMost(actual: number, max: number, details: readonly string[]): Judgement {
  return { threshold: `≤ ${max}`, actual: String(actual), passed: actual <= max, details };
}

/** A percentage that must reach its minimum. */
export function atLeast(actual: number, min: number, details: readonly string[]): Judgement {
  return { threshold: `≥ ${min}%`, actual: `${actual}%`, passed: actual >= min, details };
}
