import type { HarnessConfig } from '../config/config';
import { isContractFile } from '../impact/base-contract';
import { diffScenarios, scenariosAt, scenariosNow, type ScenarioChange } from '../impact/gherkin-diff';
import { computeImpact } from '../impact/impact';
import { headline } from '../impact/impact-report';
import type { Traceability } from '../results/traceability';

/** One changed operation on the "What changed" page. */
export interface ChangedOperationDoc {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly breaksClients: boolean;
  readonly changes: readonly {
    readonly text: string;
    readonly where: string;
    readonly breaksClients: boolean;
    readonly breaksProvider: boolean;
  }[];
  /** `file:line` of the scenarios exercising it. */
  readonly scenarios: readonly string[];
}

/** The living documentation's "What changed" page (`npm run docs -- --since <ref>`). */
export interface WhatChangedDoc {
  readonly since: string;
  readonly headline: string;
  readonly operations: readonly ChangedOperationDoc[];
  /** The requirements the changed operations touch, with their latest result. */
  readonly requirements: readonly { readonly id: string; readonly title: string; readonly result: string }[];
  readonly unexercised: readonly string[];
  readonly scenarios: readonly ScenarioChange[];
  /** Why a part is missing (a contract file as the base has no features to compare). */
  readonly notes: readonly string[];
}

/**
 * What changed since a ref: the contract's changes by operation (as `npm run impact` finds them),
 * the requirements they touch with the latest result the docs show, and the scenarios added,
 * removed or reworded in the features.
 */
export async function buildWhatChanged(
  settings: HarnessConfig,
  since: string,
  traceability: Traceability,
): Promise<WhatChangedDoc> {
  const impact = await computeImpact(settings, { base: since });
  const operations = new Map<
    string,
    ChangedOperationDoc & { changes: ChangedOperationDoc['changes'][number][] }
  >();
  for (const change of impact.services.flatMap((service) => service.changes)) {
    const entry = operations.get(change.label) ?? {
      label: change.label,
      method: change.method,
      path: change.path,
      breaksClients: false,
      changes: [],
      scenarios: change.scenarios.map((scenario) => scenario.ref),
    };
    entry.changes.push({
      text: change.text,
      where: change.where,
      breaksClients: change.breaksClients,
      breaksProvider: change.breaksProvider,
    });
    operations.set(change.label, { ...entry, breaksClients: entry.breaksClients || change.breaksClients });
  }
  const results = new Map(traceability.requirements.map((requirement) => [requirement.id, requirement]));
  const requirements = new Map<string, WhatChangedDoc['requirements'][number]>();
  for (const requirement of impact.services
    .flatMap((service) => service.changes)
    .flatMap((c) => c.requirements)) {
    const traced = results.get(requirement.id);
    requirements.set(requirement.id, {
      id: requirement.id,
      title: traced?.title ?? requirement.title,
      result: traced?.result ?? requirement.status,
    });
  }
  const file = isContractFile(since);
  return {
    since,
    headline: headline(impact),
    operations: [...operations.values()],
    requirements: [...requirements.values()].sort((a, b) => a.id.localeCompare(b.id)),
    unexercised: impact.unexercised,
    scenarios: file
      ? []
      : diffScenarios(
          scenariosAt(since, settings.featuresDirs, settings.projectDir),
          scenariosNow(settings.featuresDirs, settings.projectDir),
        ),
    notes: file ? [`${since} is a contract file: the features are compared with a git ref only`] : [],
  };
}
