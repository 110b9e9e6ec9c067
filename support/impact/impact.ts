import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HarnessConfig, ServiceConfig } from '../config/config';
import { loadContract } from '../contract/load';
import { UsageError, displayPath } from '../errors';
import { loadCorpus } from '../gherkin/corpus';
import { reportFile } from '../report/report-files';
import { operationLabel } from '../services/operation-label';
import type { Traceability } from '../results/traceability';
import { loadRequirements } from '../trace/requirements';
import { CannotCompare, baseContract, isContractFile } from './base-contract';
import { diffOperations } from './contract-diff';
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

/**
 * Compares each service's contract at the base with the working tree, and names the scenarios and
 * requirements every change touches, with their last status.
 */
export async function computeImpact(settings: HarnessConfig, request: ImpactRequest): Promise<Impact> {
  const services = chooseServices(settings, request);
  const several = settings.services.length > 1;
  const lastRunFile = reportFile(settings.reportsDir, 'results');
  const lastRun = readLastRun(lastRunFile);
  const compared = [];
  const notCompared: { service: string; reason: string }[] = [];
  for (const service of services) {
    let base;
    try {
      base = await baseContract(request.base, service.contractFile);
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
  let catalog: ReturnType<typeof loadRequirements> | undefined;
  try {
    catalog = loadRequirements(settings.requirementsFile);
  } catch {
    catalog = undefined; // titles are a nicety: a project without a catalogue still gets its impact
  }
  const titles = (id: string): string => catalog?.get(id)?.title ?? '';
  const results = requirementResults(settings.reportsDir);
  const impacts: ServiceImpact[] = compared.map(({ service, base, head, changes }) => {
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
            label: operationLabel(change.operation, service.name, several),
            scenarios: [],
            requirements: [],
          },
          uses,
          titles,
          results,
        ),
      ),
    };
  });
  return {
    ...summarize(request.base, lastRun ? displayPath(lastRunFile) : null, impacts),
    ...(notCompared.length > 0 ? { notCompared } : {}),
  };
}

/** sha256 of a contract file: impact.json is stale once it changes. */
export function contractHash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
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
