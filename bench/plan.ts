/** How much the benchmark does: the full sizes of the issue, or tiny ones to check it works. */
export interface Plan {
  readonly mode: 'full' | 'quick';
  readonly startupRuns: number;
  readonly apiScenarios: number;
  readonly apiRuns: number;
  readonly uiScenarios: number;
  readonly uiRuns: number;
  readonly parallelRuns: number;
  /** Three sizes, smallest first: growth is judged between them. */
  readonly reportSizes: readonly [number, number, number];
  readonly reportRuns: number;
  /** Rounds of calls whose exchanges the contract inspector is timed on. */
  readonly contractRounds: number;
  /** Goal of the largest report size, in ms. */
  readonly reportsBudgetMs: number;
}

export const FULL: Plan = {
  mode: 'full',
  startupRuns: 5,
  apiScenarios: 1000,
  apiRuns: 5,
  uiScenarios: 50,
  uiRuns: 3,
  parallelRuns: 3,
  reportSizes: [1000, 2000, 5000],
  reportRuns: 5,
  contractRounds: 50,
  reportsBudgetMs: 3000,
};

export const QUICK: Plan = {
  mode: 'quick',
  startupRuns: 1,
  apiScenarios: 8,
  apiRuns: 1,
  uiScenarios: 2,
  uiRuns: 1,
  parallelRuns: 1,
  reportSizes: [10, 20, 50],
  reportRuns: 1,
  contractRounds: 2,
  reportsBudgetMs: 3000,
};
