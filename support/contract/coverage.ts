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
  /**
   * Operation × documented status code or range (`404`, `4XX`). `default` responses are not
   * counted: they document the unforeseen, and are listed apart in `catchAll`.
   */
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
  /** Documented status codes and ranges × media type: what `statusPairs` counts. */
  readonly entries: readonly CoverageEntry[];
  /** `operationId status` of every operation-status pair no exchange reached. */
  readonly uncoveredStatusPairs: readonly string[];
  /** The `default` (catch-all) responses × media type, covered or not: not counted as status pairs. */
  readonly catchAll: readonly CoverageEntry[];
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
  const catchAll: CoverageEntry[] = [];
  let pairs = 0;
  let pairsCovered = 0;
  const uncoveredPairs: string[] = [];
  for (const operation of contract.operations) {
    for (const [responseKey, response] of Object.entries(operation.responses)) {
      const mediaTypes = Object.keys(response.content ?? {});
      for (const mediaType of mediaTypes.length > 0 ? mediaTypes : [null]) {
        const scenarios = [...(hits.get(`${operation.operationId} ${responseKey} ${mediaType ?? ''}`) ?? [])];
        (responseKey === 'default' ? catchAll : entries).push({
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
    catchAll,
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
    `| operation × status pairs (codes and ranges; \`default\` listed apart) | ${totals.statusPairsCovered} | ${totals.statusPairs} | ${totals.statusPairsPercent} |`,
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
        `| \`${entry.operationId}\` ${entry.method} ${cell(entry.path)} | ${entry.responseKey} | ${mediaTypeName(entry)} | ${entry.covered ? '✅' : '❌'} | ${listScenarios(entry.scenarios)} |`,
    ),
    '',
    '## Not covered',
    '',
    ...notCovered(coverage),
    '',
    '## Catch-all responses (`default`), not counted as status pairs',
    '',
    ...catchAllLines(coverage.catchAll),
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

function mediaTypeName(entry: CoverageEntry): string {
  return entry.mediaType ?? '(no body)';
}

/** The uncovered pairs, then the media types not seen for pairs that were: each ❌ row is named. */
function notCovered(coverage: ContractCoverage): string[] {
  const pairs = new Set(coverage.uncoveredStatusPairs);
  const mediaTypes = coverage.entries.filter(
    (entry) => !entry.covered && !pairs.has(`${entry.operationId} ${entry.responseKey}`),
  );
  if (pairs.size === 0 && mediaTypes.length === 0) {
    return ['Every documented status of every operation was exercised, with every declared media type.'];
  }
  return [
    ...coverage.uncoveredStatusPairs.map((pair) => `- ${pair}`),
    ...mediaTypes.map(
      (entry) =>
        `- ${entry.operationId} ${entry.responseKey} as ${mediaTypeName(entry)} (the status was exercised with another media type)`,
    ),
  ];
}

function catchAllLines(catchAll: readonly CoverageEntry[]): string[] {
  if (catchAll.length === 0) return ['The contract declares none.'];
  const covered = catchAll.filter((entry) => entry.covered).length;
  return [
    `${covered} of ${catchAll.length} exercised.`,
    '',
    ...catchAll.map(
      (entry) =>
        `- \`${entry.operationId}\` ${entry.method} ${cell(entry.path)} default (${mediaTypeName(entry)}): ${
          entry.covered ? `covered by ${listScenarios(entry.scenarios)}` : 'not covered'
        }`,
    ),
  ];
}
