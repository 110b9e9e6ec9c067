import fs from 'node:fs';
import path from 'node:path';
import type { HarnessConfig, ServiceConfig } from '../config/config';
import { loadContract } from '../contract/load';
import { UsageError, displayPath } from '../errors';
import { loadCorpus } from '../gherkin/load-corpus';
import { reportFile } from '../report/report-files';
import { operationLabel } from '../services/operation-label';
import type { Traceability } from '../results/traceability';
import { loadRequirements } from '../trace/requirements';
import { CannotCompare, baseContract, isContractFile } from './base-contract';
import { diffOperations } from './contract-diff';
import { contractHash } from './impact-files';
import type { Impact, ImpactedChange, ServiceImpact } from './impact-model';
import { mapScenarios, operationKey, readLastRun, type ScenarioUse } from './scenario-map';

export interface ImpactRequest {
  /** A git ref (`main`, `v1.4.0`, a commit) or a contract file. */
  readonly base: string;
  /** Only this service (needed when the base is a file and the project has several). */
  readonly service?: string | undefined;
}

/** The major of a version string: `2` of `2.1.0` or `v2`; undefined when it has none. */
export function majorOf(version: string | null): number | undefined {
  const match = version === null ? null : /^\D*(\d+)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

function chooseServices(settings: HarnessConfig, request: ImpactRequest): readonly ServiceConfig[] {
  const names = settings.services.map((service) => service.name);
  if (request.service) {
    const found = settings.services.filter((service) => service.name === request.service);
    if (found.length === 0)
      throw new UsageError(`--service ${request.service}: no such service (services: ${names.join(', ')})`);
    return found;
  }
  if (settings.services.length > 1 && isContractFile(request.base))
    throw new CannotCompare(
      `${request.base}: a contract file is the base of one service: name it with --service (services: ${names.join(', ')})`,
    );
  return settings.services;
}

function requirementResults(reportsDir: string): Map<string, string> {
  try {
    const trace = JSON.parse(fs.readFileSync(reportFile(reportsDir, 'traceability'), 'utf8')) as Traceability;
    return new Map(trace.requirements.map((requirement) => [requirement.id, requirement.result]));
  } catch {
    return new Map();
  }
}

function affected(
  change: ImpactedChange,
  uses: readonly ScenarioUse[],
  titles: (id: string) => string,
  results: ReadonlyMap<string, string>,
): ImpactedChange {
  const key = operationKey(change.service, change.operation);
  const touching = uses.filter((use) => use.operations.has(key));
  const ids = [...new Set(touching.flatMap((use) => use.requirements))].sort();
  return {
    ...change,
    scenarios: touching.map((use) => ({
      ref: use.ref,
      name: use.name,
      status: use.status,
      evidence: [...(use.operations.get(key) ?? [])],
    })),
    requirements: ids.map((id) => ({ id, title: titles(id), status: results.get(id) ?? 'NOT_RUN' })),
  };
}

/** One service's contract at the base and now, and what changed between them. */
interface Comparison {
  readonly service: ServiceConfig;
  readonly base: Awaited<ReturnType<typeof baseContract>>;
  readonly head: Awaited<ReturnType<typeof loadContract>>;
  readonly changes: ReturnType<typeof diffOperations>;
}

/**
 * Each service's contract at the base against the working tree. A service whose base cannot be
 * read is named with why, unless it is the only one: with nothing compared there is nothing to say.
 */
async function compareServices(
  services: readonly ServiceConfig[],
  baseRef: string,
): Promise<{ compared: Comparison[]; notCompared: { service: string; reason: string }[] }> {
  const compared: Comparison[] = [];
  const notCompared: { service: string; reason: string }[] = [];
  for (const service of services) {
    let base;
    try {
      base = await baseContract(baseRef, service.contractFile);
    } catch (error) {
      // One service's contract outside the repository does not hide the others' changes; only when
      // no service can be compared is there nothing to say (exit 2).
      if (!(error instanceof CannotCompare) || services.length === 1) throw error;
      notCompared.push({ service: service.name, reason: error.message });
      continue;
    }
    const head = await loadContract(service.contractFile);
    compared.push({
      service,
      base,
      head,
      changes: diffOperations(base.contract?.operations ?? [], head.operations),
    });
  }
  if (compared.length === 0) throw new CannotCompare(notCompared.map((each) => each.reason).join('; '));
  return { compared, notCompared };
}

/** A requirement's title from the catalogue ('' when there is no catalogue to read). */
function requirementTitles(requirementsFile: string): (id: string) => string {
  let catalog: ReturnType<typeof loadRequirements> | undefined;
  try {
    catalog = loadRequirements(requirementsFile);
  } catch {
    catalog = undefined; // titles are a nicety: a project without a catalogue still gets its impact
  }
  return (id: string): string => catalog?.get(id)?.title ?? '';
}

/** What the changes are matched with: the scenarios' uses of operations, titles, last results. */
interface Touched {
  readonly uses: readonly ScenarioUse[];
  readonly titles: (id: string) => string;
  readonly results: ReadonlyMap<string, string>;
  readonly several: boolean;
}

/** One service's changes, versions and whether its major went up, each change with what it touches. */
function serviceImpact(
  settings: HarnessConfig,
  { service, base, head, changes }: Comparison,
  touched: Touched,
): ServiceImpact {
  const baseVersion = base.contract?.version ?? null;
  const before = majorOf(baseVersion);
  const after = majorOf(head.version);
  return {
    name: service.name,
    contract: path.relative(settings.projectDir, service.contractFile).split(path.sep).join('/'),
    base: base.label,
    baseVersion,
    version: head.version,
    majorBumped: baseVersion === null || (before !== undefined && after !== undefined && after > before),
    contractHash: contractHash(service.contractFile),
    changes: changes.map((change) =>
      affected(
        {
          ...change,
          service: service.name,
          label: operationLabel(change.operation, service.name, touched.several),
          scenarios: [],
          requirements: [],
        },
        touched.uses,
        touched.titles,
        touched.results,
      ),
    ),
  };
}

/**
 * Compares each service's contract at the base with the working tree, and names the scenarios and
 * requirements every change touches, with their last status.
 */
export async function computeImpact(settings: HarnessConfig, request: ImpactRequest): Promise<Impact> {
  const services = chooseServices(settings, request);
  const lastRunFile = reportFile(settings.reportsDir, 'results');
  const lastRun = readLastRun(lastRunFile);
  const { compared, notCompared } = await compareServices(services, request.base);
  const corpus = loadCorpus(
    settings.featuresDirs.filter((dir) => fs.existsSync(dir)),
    settings.projectDir,
  );
  const uses = mapScenarios(
    corpus,
    compared.map(({ service, base, head }) => ({
      name: service.name,
      operationIds: [...head.operations, ...(base.contract?.operations ?? [])].map((op) => op.operationId),
    })),
    lastRun,
  );
  const touched: Touched = {
    uses,
    titles: requirementTitles(settings.requirementsFile),
    results: requirementResults(settings.reportsDir),
    several: settings.services.length > 1,
  };
  const impacts = compared.map((comparison) => serviceImpact(settings, comparison, touched));
  return {
    ...summarize(request.base, lastRun ? displayPath(lastRunFile) : null, impacts),
    ...(notCompared.length > 0 ? { notCompared } : {}),
  };
}

function summarize(base: string, lastRun: string | null, services: ServiceImpact[]): Impact {
  const changes = services.flatMap((service) => service.changes);
  const operations = new Map<string, boolean>();
  for (const change of changes)
    operations.set(change.label, (operations.get(change.label) ?? false) || change.scenarios.length > 0);
  const refs = [...new Set(changes.flatMap((change) => change.scenarios.map((scenario) => scenario.ref)))];
  return {
    schemaVersion: 1,
    base,
    generatedAt: new Date().toISOString(),
    lastRun,
    services,
    totals: {
      changes: changes.length,
      breakingForClients: changes.filter((change) => change.breaksClients).length,
      breakingForProvider: changes.filter((change) => change.breaksProvider).length,
      operationsChanged: operations.size,
      scenariosAffected: refs.length,
    },
    unexercised: [...operations].filter(([, exercised]) => !exercised).map(([label]) => label),
    affectedScenarios: refs,
  };
}
