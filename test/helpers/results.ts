import type { ContractCoverage } from '../../support/results/coverage';
import type { RunResults, ScenarioResult } from '../../support/results/run-model';
import type { Traceability } from '../../support/results/traceability';

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

/** What the gate judges for a run with nothing in it: each rule test adds what its rule reads. */
export function emptyGateInputs(): {
  results: RunResults;
  coverage: ContractCoverage;
  traceability: Traceability;
} {
  return {
    results: { complete: true, runs: 1, durationMs: 1, success: true, scenarios: [], errors: [] },
    coverage: { services: [], undocumented: [] } as unknown as ContractCoverage,
    traceability: {
      requirements: [],
      operations: [],
      flags: { requirementsWithoutScenario: [], scenariosWithoutRequirement: [], missingLayers: [] },
    },
  };
}
