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

/** What the run's exchanges reached, tallied once for every service. */
interface Tally {
  /** `service operationId`, `… responseKey`, `… responseKey mediaType` → the scenarios that reached it. */
  readonly hits: Map<string, Set<string>>;
  /** Each service's traffic (`undefined`: exchanges no service knows). */
  readonly traffic: Map<string | undefined, Traffic>;
  /** `METHOD path status` → the exchange no contract documents, and the scenarios that made it. */
  readonly undocumented: Map<string, { exchange: UndocumentedExchange; scenarios: Set<string> }>;
}

type Exchange = RunResults['scenarios'][number]['exchanges'][number];

function hit(tally: Tally, key: string, ref: string): void {
  const set = tally.hits.get(key) ?? new Set<string>();
  set.add(ref);
  tally.hits.set(key, set);
}

function trafficOf(tally: Tally, service: string | undefined): Traffic {
  const known = tally.traffic.get(service) ?? {
    exchanges: 0,
    validated: 0,
    violations: 0,
    undocumented: new Set(),
  };
  tally.traffic.set(service, known);
  return known;
}

/** An exchange no contract documents, once per `METHOD path status`, with every scenario that made it. */
function tallyUndocumented(tally: Tally, counts: Traffic, exchange: Exchange, ref: string): void {
  const key = `${exchange.method} ${exchange.path} ${exchange.status}`;
  counts.undocumented.add(key);
  const known = tally.undocumented.get(key) ?? {
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
  tally.undocumented.set(key, known);
}

/** Every exchange of the run: counted for its service, its operation, response and media type reached. */
function tallyExchanges(results: RunResults, first: string | undefined): Tally {
  const tally: Tally = { hits: new Map(), traffic: new Map(), undocumented: new Map() };
  for (const scenario of results.scenarios) {
    const ref = scenarioKey(scenario);
    for (const exchange of scenario.exchanges) {
      // Results from before services were named belong to the one service there was.
      const service = exchange.service ?? (exchange.operationId ? first : undefined);
      const counts = trafficOf(tally, service);
      counts.exchanges += 1;
      if (exchange.validated) counts.validated += 1;
      if (exchange.violations.length > 0) counts.violations += 1;
      if (exchange.operationId) hit(tally, `${service} ${exchange.operationId}`, ref);
      if (exchange.operationId && exchange.responseKey) {
        hit(tally, `${service} ${exchange.operationId} ${exchange.responseKey}`, ref);
        hit(
          tally,
          `${service} ${exchange.operationId} ${exchange.responseKey} ${exchange.mediaType ?? ''}`,
          ref,
        );
      }
      if (exchange.undocumented) tallyUndocumented(tally, counts, exchange, ref);
    }
  }
  return tally;
}

/** The documented responses of every service, as the coverage lists them. */
interface Documented {
  readonly entries: CoverageEntry[];
  readonly catchAll: CoverageEntry[];
  readonly uncoveredPairs: string[];
}

/**
 * One service's documented responses × media type into `documented`, and its totals: operations
 * and status pairs covered, and its traffic.
 */
function serviceCoverage(
  { name, contract }: NamedContract,
  tally: Tally,
  documented: Documented,
  several: boolean,
): ServiceCoverage {
  let pairs = 0;
  let pairsCovered = 0;
  for (const operation of contract.operations) {
    for (const [responseKey, response] of Object.entries(operation.responses)) {
      const mediaTypes = Object.keys(response.content ?? {});
      for (const mediaType of mediaTypes.length > 0 ? mediaTypes : [null]) {
        const scenarios = [
          ...(tally.hits.get(`${name} ${operation.operationId} ${responseKey} ${mediaType ?? ''}`) ?? []),
        ];
        (responseKey === 'default' ? documented.catchAll : documented.entries).push({
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
      if (tally.hits.has(`${name} ${operation.operationId} ${responseKey}`)) pairsCovered += 1;
      else
        documented.uncoveredPairs.push(
          `${operationLabel(operation.operationId, name, several)} ${responseKey}`,
        );
    }
  }
  const operationsCovered = contract.operations.filter((operation) =>
    tally.hits.has(`${name} ${operation.operationId}`),
  ).length;
  const counts = tally.traffic.get(name);
  return {
    name,
    title: contract.title,
    version: contract.version,
    totals: totalsOf(
      { operations: contract.operations.length, operationsCovered, pairs, pairsCovered },
      counts ?? { exchanges: 0, validated: 0, violations: 0 },
      counts?.undocumented.size ?? 0,
    ),
  };
}

/** The whole project's totals: the services' summed, and all the traffic, unknown services' too. */
function projectTotals(perService: readonly ServiceCoverage[], tally: Tally): CoverageTotals {
  const sum = (pick: (totals: CoverageTotals) => number): number =>
    perService.reduce((total, service) => total + pick(service.totals), 0);
  const all = [...tally.traffic.values()].reduce(
    (total, counts) => ({
      exchanges: total.exchanges + counts.exchanges,
      validated: total.validated + counts.validated,
      violations: total.violations + counts.violations,
    }),
    { exchanges: 0, validated: 0, violations: 0 },
  );
  return totalsOf(
    {
      operations: sum((totals) => totals.operations),
      operationsCovered: sum((totals) => totals.operationsCovered),
      pairs: sum((totals) => totals.statusPairs),
      pairsCovered: sum((totals) => totals.statusPairsCovered),
    },
    all,
    tally.undocumented.size,
  );
}

/** The contract's title and version, or for several services their titles and versions joined. */
function specOf(services: readonly NamedContract[]): ContractCoverage['spec'] {
  return services.length > 1
    ? {
        title: services.map(({ contract }) => `${contract.title} ${contract.version}`).join(' · '),
        version: '',
      }
    : { title: services[0]?.contract.title ?? '', version: services[0]?.contract.version ?? '' };
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
  const tally = tallyExchanges(results, services[0]?.name);
  const documented: Documented = { entries: [], catchAll: [], uncoveredPairs: [] };
  const perService = services.map((service) =>
    serviceCoverage(service, tally, documented, services.length > 1),
  );
  return {
    spec: specOf(services),
    totals: projectTotals(perService, tally),
    services: perService,
    entries: documented.entries,
    uncoveredStatusPairs: documented.uncoveredPairs,
    catchAll: documented.catchAll,
    undocumented: [...tally.undocumented.values()].map(({ exchange, scenarios }) => ({
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
