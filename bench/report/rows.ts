/** Every row the benchmark reports, in the order of the table. */
export const ROW_IDS = [
  'startup-wall-hand-rolled',
  'startup-wall-bare',
  'startup-memory',
  'startup-first-scenario',
  'api-median-allure',
  'api-per-scenario-allure',
  'api-median',
  'api-per-scenario',
  'ui-median',
  'ui-per-scenario',
  'parallel-speed-up',
  'reports-small',
  'reports-medium',
  'reports-large',
  'reports-time-growth',
  'reports-memory-growth',
  'contract-p50',
  'contract-p95',
  'contract-compilations',
  'redaction-p50',
] as const;

export type RowId = (typeof ROW_IDS)[number];

/** One line of the table: what was measured, both sides, their ratio and the goal. */
export interface Row {
  readonly id: RowId;
  readonly metric: string;
  readonly harness: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
  /** `yes`/`no` against the goal; `—` for a figure without one. */
  readonly met: 'yes' | 'no' | '—';
}

/** A goal on a ratio: at most (overhead) or at least (speed-up). */
export type Goal = { readonly atMost: number } | { readonly atLeast: number };

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export function us(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value >= 100 ? 0 : 1)} µs` : 'n/a';
}

export function mb(kb: number): string {
  return Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a';
}

export function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
}

function goalText(goal: Goal): string {
  return 'atMost' in goal ? `≤ ${goal.atMost.toFixed(2)}×` : `≥ ${goal.atLeast.toFixed(2)}×`;
}

function meets(value: number, goal: Goal): boolean {
  return 'atMost' in goal ? value <= goal.atMost : value >= goal.atLeast;
}

/** A row comparing the harness with a baseline: ratio = harness / baseline unless given. */
export function compareRow(input: {
  readonly id: RowId;
  readonly metric: string;
  readonly harness: number;
  readonly baseline: number;
  readonly format: (value: number) => string;
  readonly goal?: Goal;
  readonly ratio?: number;
}): Row {
  const ratio = input.ratio ?? input.harness / input.baseline;
  return {
    id: input.id,
    metric: input.metric,
    harness: input.format(input.harness),
    baseline: input.format(input.baseline),
    ratio: times(ratio),
    goal: input.goal ? goalText(input.goal) : '—',
    met: input.goal ? (meets(ratio, input.goal) ? 'yes' : 'no') : '—',
  };
}
