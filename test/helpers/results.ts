import type { ScenarioResult } from '../../support/results/run-model';

/** A scenario's result as the run model holds it: one that passed, unless `overrides` say otherwise. */
export function scenarioResult(
  overrides: Partial<ScenarioResult> & Pick<ScenarioResult, 'uri' | 'line'>,
): ScenarioResult {
  return {
    name: `${overrides.uri}:${overrides.line}`,
    feature: 'A feature',
    tags: [],
    language: 'en',
    selected: true,
    status: 'PASSED',
    attempts: 1,
    flaky: false,
    durationMs: 1,
    steps: [],
    exchanges: [],
    ...overrides,
  };
}
