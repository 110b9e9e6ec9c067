import type { Contract } from './load';
import { scenarioKey, type RunResults } from '../results/run-model';

/** One documented response of one operation, for one media type (`null` = no body). */
export interface CoverageEntry {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly responseKey: string;
  readonly mediaType: string | null;
  readonly covered: boolean;
  /** The scenarios that exercised it, as `features/…feature:line`. */
  readonly scenarios: readonly string[];
}

export interface UndocumentedExchange {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly reason: string;
  readonly scenarios: readonly string[];
}

export interface CoverageTotals {
  readonly operations: number;
  readonly operationsCovered: number;
  readonly operationsPercent: number;
  /** Operation × documented status, `default` responses left out (they document the unforeseen). */
  readonly statusPairs: number;
  readonly statusPairsCovered: number;
  readonly statusPairsPercent: number;
  readonly exchanges: number;
  readonly validated: number;
  readonly validatedPercent: number;
  readonly undocumented: number;
  readonly violations: number;
}

export interface ContractCoverage {
  readonly spec: { readonly title: string; readonly version: string };
  readonly totals: CoverageTotals;
  readonly entries: readonly CoverageEntry[];
  readonly uncoveredStatusPairs: readonly string[];
  readonly undocumented: readonly UndocumentedExchange[];
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;
}

/** Which documented responses the run's exchanges covered, and which exchanges the contract does not know. */
export function computeCoverage(contract: Contract, results: RunResults): ContractCoverage {
  const hits = new Map<string, Set<string>>();
  const hit = (key: string, ref: string): void => {
    const set = hits.get(key) ?? new Set<string>();
    set.add(ref);
    hits.set(key, set);
  };
  const undocumented = new Map<string, { exchange: UndocumentedExchange; scenarios: Set<string> }>();
  let exchanges = 0;
  let validated = 0;
  let violations = 0;
  for (const scenario of results.scenarios) {
    const ref = scenarioKey(scenario);
    for (const exchange of scenario.exchanges) {
      exchanges += 1;
      if (exchange.validated) validated += 1;
      if (exchange.violations.length > 0) violations += 1;
      if (exchange.operationId) hit(exchange.operationId, ref);
      if (exchange.operationId && exchange.responseKey) {
        hit(`${exchange.operationId} ${exchange.responseKey}`, ref);
        hit(`${exchange.operationId} ${exchange.responseKey} ${exchange.mediaType ?? ''}`, ref);
      }
      if (exchange.undocumented) {
        const key = `${exchange.method} ${exchange.path} ${exchange.status}`;
        const known = undocumented.get(key) ?? {
          exchange: {
            method: exchange.method,
            path: exchange.path,
            status: exchange.status,
            reason: exchange.violations[0] ?? 'not in the contract',
            scenarios: [],
          },
          scenarios: new Set<string>(),
        };
        known.scenarios.add(ref);
        undocumented.set(key, known);
      }
    }
  }

  const entries: CoverageEntry[] = [];
  let pairs = 0;
  let pairsCovered = 0;
  const uncoveredPairs: string[] = [];
  for (const operation of contract.operations) {
    for (const [responseKey, response] of Object.entries(operation.responses)) {
      const mediaTypes = Object.keys(response.content ?? {});
      for (const mediaType of mediaTypes.length > 0 ? mediaTypes : [null]) {
        const scenarios = [...(hits.get(`${operation.operationId} ${responseKey} ${mediaType ?? ''}`) ?? [])];
        entries.push({
          operationId: operation.operationId,
          method: operation.method,
          path: operation.pathTemplate,
          responseKey,
          mediaType,
          covered: scenarios.length > 0,
          scenarios,
        });
      }
      if (responseKey === 'default') continue;
      pairs += 1;
      if (hits.has(`${operation.operationId} ${responseKey}`)) pairsCovered += 1;
      else uncoveredPairs.push(`${operation.operationId} ${responseKey}`);
    }
  }
  const operationsCovered = contract.operations.filter((operation) => hits.has(operation.operationId)).length;
  return {
    spec: { title: contract.title, version: contract.version },
    totals: {
      operations: contract.operations.length,
      operationsCovered,
      operationsPercent: percent(operationsCovered, contract.operations.length),
      statusPairs: pairs,
      statusPairsCovered: pairsCovered,
      statusPairsPercent: percent(pairsCovered, pairs),
      exchanges,
      validated,
      validatedPercent: percent(validated, exchanges),
      undocumented: [...undocumented.values()].length,
      violations,
    },
    entries,
    uncoveredStatusPairs: uncoveredPairs,
    undocumented: [...undocumented.values()].map(({ exchange, scenarios }) => ({
      ...exchange,
      scenarios: [...scenarios],
    })),
  };
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function listScenarios(scenarios: readonly string[]): string {
  if (scenarios.length === 0) return '—';
  const shown = scenarios.slice(0, 3).map((ref) => `\`${ref}\``);
  return scenarios.length > 3 ? `${shown.join(', ')} and ${scenarios.length - 3} more` : shown.join(', ');
}

/** The same coverage, for people: totals, the matrix, what is missing, what is undocumented. */
export function coverageMarkdown(coverage: ContractCoverage): string {
  const { totals } = coverage;
  const lines = [
    `# Contract coverage — ${coverage.spec.title} ${coverage.spec.version}`,
    '',
    '| measure | covered | of | % |',
    '| --- | ---: | ---: | ---: |',
    `| operations | ${totals.operationsCovered} | ${totals.operations} | ${totals.operationsPercent} |`,
    `| operation × status pairs (\`default\` excluded) | ${totals.statusPairsCovered} | ${totals.statusPairs} | ${totals.statusPairsPercent} |`,
    `| exchanges validated against the contract | ${totals.validated} | ${totals.exchanges} | ${totals.validatedPercent} |`,
    '',
    `Undocumented exchanges: **${totals.undocumented}**. Exchanges with contract violations: **${totals.violations}**.`,
    '',
    '## Operations',
    '',
    '| operation | response | media type | covered | scenarios |',
    '| --- | --- | --- | :---: | --- |',
    ...coverage.entries.map(
      (entry) =>
        `| \`${entry.operationId}\` ${entry.method} ${cell(entry.path)} | ${entry.responseKey} | ${entry.mediaType ?? '(no body)'} | ${entry.covered ? '✅' : '❌'} | ${listScenarios(entry.scenarios)} |`,
    ),
    '',
    '## Not covered',
    '',
    ...(coverage.uncoveredStatusPairs.length > 0
      ? coverage.uncoveredStatusPairs.map((pair) => `- ${pair}`)
      : ['Every documented status of every operation was exercised.']),
    '',
    '## Undocumented exchanges',
    '',
    ...(coverage.undocumented.length > 0
      ? coverage.undocumented.map(
          (item) =>
            `- ${item.method} ${item.path} → ${item.status}: ${cell(item.reason)} (${listScenarios(item.scenarios)})`,
        )
      : ['None: every exchange is described by the contract.']),
    '',
  ];
  return lines.join('\n');
}
