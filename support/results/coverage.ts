import type { Contract } from '../contract/load';
import { scenarioKey } from '../gherkin/corpus';
import type { RunResults } from './run-model';
import type { NamedContract } from '../services/find-operation';
import { operationLabel } from '../services/operation-label';

/** One documented response of one operation, for one media type (`null` = no body). */
export interface CoverageEntry {
  /** The service whose contract documents it. */
  readonly service: string;
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

/** One service's contract and how much of it the run covered. */
export interface ServiceCoverage {
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly totals: CoverageTotals;
}

export interface ContractCoverage {
  /** The contract (or, for several services, their titles joined). */
  readonly spec: { readonly title: string; readonly version: string };
  /** The whole project: every service together. */
  readonly totals: CoverageTotals;
  /** Each service on its own, in the project file's order. */
  readonly services: readonly ServiceCoverage[];
  /** Documented status codes and ranges × media type: what `statusPairs` counts. */
  readonly entries: readonly CoverageEntry[];
  /** `operationId status` of every operation-status pair no exchange reached (`service:operationId` for several services). */
  readonly uncoveredStatusPairs: readonly string[];
  /** The `default` (catch-all) responses × media type, covered or not: not counted as status pairs. */
  readonly catchAll: readonly CoverageEntry[];
  readonly undocumented: readonly UndocumentedExchange[];
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;
}

/**
 * Which documented responses the run's exchanges covered — per service and in total — and which
 * exchanges no contract knows. A lone contract is a one-service project.
 */
export function computeCoverage(
  contracts: Contract | readonly NamedContract[],
  results: RunResults,
): ContractCoverage {
  const services: readonly NamedContract[] =
    'operations' in contracts ? [{ name: contracts.title, contract: contracts }] : contracts;
  const several = services.length > 1;
  const first = services[0]?.name;
  const hits = new Map<string, Set<string>>();
  const hit = (key: string, ref: string): void => {
    const set = hits.get(key) ?? new Set<string>();
    set.add(ref);
    hits.set(key, set);
  };
  const undocumented = new Map<string, { exchange: UndocumentedExchange; scenarios: Set<string> }>();
  const traffic = new Map<string | undefined, Traffic>();
  const count = (service: string | undefined): Traffic => {
    const known = traffic.get(service) ?? {
      exchanges: 0,
      validated: 0,
      violations: 0,
      undocumented: new Set(),
    };
    traffic.set(service, known);
    return known;
  };
  for (const scenario of results.scenarios) {
    const ref = scenarioKey(scenario);
    for (const exchange of scenario.exchanges) {
      // Results from before services were named belong to the one service there was.
      const service = exchange.service ?? (exchange.operationId ? first : undefined);
      const counts = count(service);
      counts.exchanges += 1;
      if (exchange.validated) counts.validated += 1;
      if (exchange.violations.length > 0) counts.violations += 1;
      if (exchange.operationId) hit(`${service} ${exchange.operationId}`, ref);
      if (exchange.operationId && exchange.responseKey) {
        hit(`${service} ${exchange.operationId} ${exchange.responseKey}`, ref);
        hit(`${service} ${exchange.operationId} ${exchange.responseKey} ${exchange.mediaType ?? ''}`, ref);
      }
      if (exchange.undocumented) {
        const key = `${exchange.method} ${exchange.path} ${exchange.status}`;
        counts.undocumented.add(key);
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
  const uncoveredPairs: string[] = [];
  const perService: ServiceCoverage[] = [];
  for (const { name, contract } of services) {
    let pairs = 0;
    let pairsCovered = 0;
    for (const operation of contract.operations) {
      for (const [responseKey, response] of Object.entries(operation.responses)) {
        const mediaTypes = Object.keys(response.content ?? {});
        for (const mediaType of mediaTypes.length > 0 ? mediaTypes : [null]) {
          const scenarios = [
            ...(hits.get(`${name} ${operation.operationId} ${responseKey} ${mediaType ?? ''}`) ?? []),
          ];
          (responseKey === 'default' ? catchAll : entries).push({
            service: name,
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
        if (hits.has(`${name} ${operation.operationId} ${responseKey}`)) pairsCovered += 1;
        else uncoveredPairs.push(`${operationLabel(operation.operationId, name, several)} ${responseKey}`);
      }
    }
    const operationsCovered = contract.operations.filter((operation) =>
      hits.has(`${name} ${operation.operationId}`),
    ).length;
    const counts = traffic.get(name);
    perService.push({
      name,
      title: contract.title,
      version: contract.version,
      totals: totalsOf(
        { operations: contract.operations.length, operationsCovered, pairs, pairsCovered },
        counts ?? { exchanges: 0, validated: 0, violations: 0 },
        counts?.undocumented.size ?? 0,
      ),
    });
  }
  const sum = (pick: (totals: CoverageTotals) => number): number =>
    perService.reduce((total, service) => total + pick(service.totals), 0);
  const all = [...traffic.values()].reduce(
    (total, counts) => ({
      exchanges: total.exchanges + counts.exchanges,
      validated: total.validated + counts.validated,
      violations: total.violations + counts.violations,
    }),
    { exchanges: 0, validated: 0, violations: 0 },
  );
  return {
    spec: several
      ? {
          title: services.map(({ contract }) => `${contract.title} ${contract.version}`).join(' · '),
          version: '',
        }
      : { title: services[0]?.contract.title ?? '', version: services[0]?.contract.version ?? '' },
    totals: totalsOf(
      {
        operations: sum((totals) => totals.operations),
        operationsCovered: sum((totals) => totals.operationsCovered),
        pairs: sum((totals) => totals.statusPairs),
        pairsCovered: sum((totals) => totals.statusPairsCovered),
      },
      all,
      undocumented.size,
    ),
    services: perService,
    entries,
    uncoveredStatusPairs: uncoveredPairs,
    catchAll,
    undocumented: [...undocumented.values()].map(({ exchange, scenarios }) => ({
      ...exchange,
      scenarios: [...scenarios],
    })),
  };
}

/** What one service's exchanges (or those no service knows) amounted to. */
interface Traffic {
  exchanges: number;
  validated: number;
  violations: number;
  /** `METHOD path status` of each distinct undocumented exchange. */
  readonly undocumented: Set<string>;
}

function totalsOf(
  operations: { operations: number; operationsCovered: number; pairs: number; pairsCovered: number },
  traffic: { exchanges: number; validated: number; violations: number },
  undocumented: number,
): CoverageTotals {
  return {
    operations: operations.operations,
    operationsCovered: operations.operationsCovered,
    operationsPercent: percent(operations.operationsCovered, operations.operations),
    statusPairs: operations.pairs,
    statusPairsCovered: operations.pairsCovered,
    statusPairsPercent: percent(operations.pairsCovered, operations.pairs),
    exchanges: traffic.exchanges,
    validated: traffic.validated,
    validatedPercent: percent(traffic.validated, traffic.exchanges),
    undocumented,
    violations: traffic.violations,
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
  const several = (coverage.services?.length ?? 1) > 1;
  const label = (entry: CoverageEntry): string => operationLabel(entry.operationId, entry.service, several);
  const lines = [
    `# Contract coverage — ${coverage.spec.title} ${coverage.spec.version}`.trimEnd(),
    '',
    '| measure | covered | of | % |',
    '| --- | ---: | ---: | ---: |',
    `| operations | ${totals.operationsCovered} | ${totals.operations} | ${totals.operationsPercent} |`,
    `| operation × status pairs (codes and ranges; \`default\` listed apart) | ${totals.statusPairsCovered} | ${totals.statusPairs} | ${totals.statusPairsPercent} |`,
    `| exchanges validated against the contract | ${totals.validated} | ${totals.exchanges} | ${totals.validatedPercent} |`,
    '',
    `Undocumented exchanges: **${totals.undocumented}**. Exchanges with contract violations: **${totals.violations}**.`,
    '',
    ...(several ? serviceLines(coverage.services) : []),
    '## Operations',
    '',
    '| operation | response | media type | covered | scenarios |',
    '| --- | --- | --- | :---: | --- |',
    ...coverage.entries.map(
      (entry) =>
        `| \`${label(entry)}\` ${entry.method} ${cell(entry.path)} | ${entry.responseKey} | ${mediaTypeName(entry)} | ${entry.covered ? '✅' : '❌'} | ${listScenarios(entry.scenarios)} |`,
    ),
    '',
    '## Not covered',
    '',
    ...notCovered(coverage, label),
    '',
    '## Catch-all responses (`default`), not counted as status pairs',
    '',
    ...catchAllLines(coverage.catchAll, label),
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
function notCovered(coverage: ContractCoverage, label: (entry: CoverageEntry) => string): string[] {
  const pairs = new Set(coverage.uncoveredStatusPairs);
  const mediaTypes = coverage.entries.filter(
    (entry) => !entry.covered && !pairs.has(`${label(entry)} ${entry.responseKey}`),
  );
  if (pairs.size === 0 && mediaTypes.length === 0) {
    return ['Every documented status of every operation was exercised, with every declared media type.'];
  }
  return [
    ...coverage.uncoveredStatusPairs.map((pair) => `- ${pair}`),
    ...mediaTypes.map(
      (entry) =>
        `- ${label(entry)} ${entry.responseKey} as ${mediaTypeName(entry)} (the status was exercised with another media type)`,
    ),
  ];
}

function serviceLines(services: readonly ServiceCoverage[]): string[] {
  return [
    '## Services',
    '',
    '| service | contract | operations | operation × status pairs | exchanges validated | undocumented | violations |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...services.map(
      ({ name, title, version, totals }) =>
        `| ${cell(name)} | ${cell(title)} ${cell(version)} | ${totals.operationsCovered}/${totals.operations} (${totals.operationsPercent} %) | ${totals.statusPairsCovered}/${totals.statusPairs} (${totals.statusPairsPercent} %) | ${totals.validated}/${totals.exchanges} | ${totals.undocumented} | ${totals.violations} |`,
    ),
    '',
  ];
}

function catchAllLines(
  catchAll: readonly CoverageEntry[],
  label: (entry: CoverageEntry) => string,
): string[] {
  if (catchAll.length === 0) return ['The contract declares none.'];
  const covered = catchAll.filter((entry) => entry.covered).length;
  return [
    `${covered} of ${catchAll.length} exercised.`,
    '',
    ...catchAll.map(
      (entry) =>
        `- \`${label(entry)}\` ${entry.method} ${cell(entry.path)} default (${mediaTypeName(entry)}): ${
          entry.covered ? `covered by ${listScenarios(entry.scenarios)}` : 'not covered'
        }`,
    ),
  ];
}
