import { scenarioKey, scenarioRef, type Corpus } from '../gherkin/corpus';
import { REQUIREMENT_TAG } from '../tags/tags';
import type { RunResults, ScenarioResult } from './run-model';
import { mostSevere, type ScenarioStatus, type Status } from './status';
import type { Layer, Requirement, RequirementCatalog } from '../trace/requirements';
import { operationLabel } from '../services/operation-label';

export interface TracedScenario {
  /** `features/…feature:line` (the Examples row for an outline). */
  readonly ref: string;
  readonly name: string;
  readonly status: ScenarioStatus;
  /** Passed only on a retry. */
  readonly flaky: boolean;
  readonly layers: readonly Layer[];
  readonly operations: readonly string[];
}

/** What the run proved at one layer: PASSED only when a scenario there passed and none did worse. */
export interface LayerResult {
  readonly layer: Layer;
  /** The catalogue says the requirement must be proven at this layer. */
  readonly required: boolean;
  readonly result: ScenarioStatus | 'NO_SCENARIO';
}

/** What the traceability repeats of each requirement in the catalogue. */
const CATALOGUE_FIELDS = [
  'id',
  'title',
  'capability',
  'priority',
  'owner',
  'status',
  'link',
  'acceptance',
] as const;

type CatalogueFields = Pick<Requirement, (typeof CATALOGUE_FIELDS)[number]>;

export interface TracedRequirement extends CatalogueFields {
  readonly layersRequired: readonly Layer[];
  /** What the run proved at each layer the requirement needs or is tested at. */
  readonly layers: readonly LayerResult[];
  /**
   * The layers of `layers` that PASSED: a scenario there passed in the run, none there doing worse
   * (tags alone prove nothing).
   */
  readonly layersProven: readonly Layer[];
  /** PASSED only when every scenario ran and passed; NO_SCENARIO when nothing proves it. */
  readonly result: ScenarioStatus | 'NO_SCENARIO';
  readonly scenarios: readonly TracedScenario[];
  readonly operations: readonly string[];
}

export interface Traceability {
  readonly requirements: readonly TracedRequirement[];
  /** Operation → requirements; `service:operationId` when the project has several services. */
  readonly operations: readonly { readonly operationId: string; readonly requirements: readonly string[] }[];
  readonly flags: {
    /** Active requirements no scenario proves. */
    readonly requirementsWithoutScenario: readonly string[];
    /** Scenarios tagged with no requirement (`file:line`). */
    readonly scenariosWithoutRequirement: readonly string[];
    /**
     * Requirements proven at fewer layers than they need: a needed layer without any scenario, or
     * one that did not pass while another layer did. (When nothing passed at all, the requirement's
     * result says so.)
     */
    readonly missingLayers: readonly { readonly id: string; readonly missing: readonly Layer[] }[];
  };
}

function layersOf(tags: readonly string[]): Layer[] {
  return (['api', 'ui'] as const).filter((layer) => tags.includes(`@${layer}`));
}

/** A scenario of the features, with its result in the run (NOT_RUN when it did not run) and the operations it exercised. */
function tracedScenario(
  ref: string,
  name: string,
  tags: readonly string[],
  result: ScenarioResult | undefined,
  several: boolean,
): TracedScenario {
  return {
    ref,
    name,
    status: result && result.attempts > 0 ? result.status : 'NOT_RUN',
    flaky: result?.flaky ?? false,
    layers: layersOf(tags),
    operations: [
      ...new Set(
        (result?.exchanges ?? []).flatMap((exchange) =>
          exchange.operationId ? [operationLabel(exchange.operationId, exchange.service, several)] : [],
        ),
      ),
    ].sort(),
  };
}

/** Every scenario of the features under each requirement it is tagged with, and those tagged with none. */
function scenariosByRequirement(
  corpus: Corpus,
  results: RunResults | undefined,
  several: boolean,
): { byRequirement: Map<string, TracedScenario[]>; withoutRequirement: string[] } {
  const ran = new Map<string, ScenarioResult>();
  for (const scenario of results?.scenarios ?? []) ran.set(scenarioKey(scenario), scenario);
  const byRequirement = new Map<string, TracedScenario[]>();
  const withoutRequirement: string[] = [];
  for (const feature of corpus.features) {
    for (const pickle of feature.pickles) {
      const tags = pickle.tags.map((tag) => tag.name);
      const ref = scenarioRef(feature, pickle);
      const traced = tracedScenario(ref, pickle.name, tags, ran.get(ref), several);
      const ids = tags.flatMap((tag) => (REQUIREMENT_TAG.test(tag) ? [tag.slice(1)] : []));
      if (ids.length === 0) withoutRequirement.push(ref);
      for (const id of ids) byRequirement.set(id, [...(byRequirement.get(id) ?? []), traced]);
    }
  }
  return { byRequirement, withoutRequirement };
}

/** A requirement of the catalogue with its scenarios, what they proved per layer, and the operations they exercised. */
function tracedRequirement(
  requirement: Requirement,
  scenarios: readonly TracedScenario[],
): TracedRequirement {
  const operations = [...new Set(scenarios.flatMap((scenario) => scenario.operations))].sort();
  const layers = layerResults(requirement.layers, scenarios);
  return {
    ...(Object.fromEntries(CATALOGUE_FIELDS.map((field) => [field, requirement[field]])) as CatalogueFields),
    layersRequired: requirement.layers,
    layers,
    layersProven: layers.filter((entry) => entry.result === 'PASSED').map((entry) => entry.layer),
    result: scenarios.length === 0 ? 'NO_SCENARIO' : resultOf(scenarios.map((scenario) => scenario.status)),
    scenarios,
    operations,
  };
}

/** Operation → the requirements whose scenarios exercised it, by operation. */
function requirementsByOperation(requirements: readonly TracedRequirement[]): Traceability['operations'] {
  const byOperation = new Map<string, Set<string>>();
  for (const requirement of requirements)
    for (const operation of requirement.operations)
      byOperation.set(operation, (byOperation.get(operation) ?? new Set()).add(requirement.id));
  return [...byOperation]
    .map(([operationId, ids]) => ({ operationId, requirements: [...ids].sort() }))
    .sort((a, b) => a.operationId.localeCompare(b.operationId));
}

/** Active requirements with scenarios whose needed layers are not all proven. */
function missingLayers(active: readonly TracedRequirement[]): Traceability['flags']['missingLayers'] {
  return (
    active
      // Requirements with no scenario at all are flagged apart.
      .filter((requirement) => requirement.scenarios.length > 0)
      .flatMap((requirement) => {
        const missing = requirement.layers.filter((entry) => entry.required && entry.result !== 'PASSED');
        const short =
          missing.length > 0 &&
          (requirement.layersProven.length > 0 || missing.some((entry) => entry.result === 'NO_SCENARIO'));
        return short ? [{ id: requirement.id, missing: missing.map((entry) => entry.layer) }] : [];
      })
  );
}

/**
 * Requirement → scenarios → last status → operations exercised, and operation → requirements.
 * Built from the catalogue, every scenario of the features (run or not) and the run's results.
 * With several services (`services`, the project's), operations are named with their service.
 */
export function buildTraceability(
  catalog: RequirementCatalog,
  corpus: Corpus,
  results: RunResults | undefined,
  services: readonly string[] = [],
): Traceability {
  const { byRequirement, withoutRequirement } = scenariosByRequirement(corpus, results, services.length > 1);
  const requirements = catalog.requirements.map((requirement) =>
    tracedRequirement(requirement, byRequirement.get(requirement.id) ?? []),
  );
  const active = requirements.filter((requirement) => requirement.status === 'active');
  return {
    requirements,
    operations: requirementsByOperation(requirements),
    flags: {
      requirementsWithoutScenario: active
        .filter((requirement) => requirement.scenarios.length === 0)
        .map((requirement) => requirement.id),
      scenariosWithoutRequirement: withoutRequirement,
      missingLayers: missingLayers(active),
    },
  };
}

/** Per layer (required or tested), what the requirement's scenarios there proved in the run. */
function layerResults(required: readonly Layer[], scenarios: readonly TracedScenario[]): LayerResult[] {
  return (['api', 'ui'] as const).flatMap((layer) => {
    const statuses = scenarios
      .filter((scenario) => scenario.layers.includes(layer))
      .map((scenario) => scenario.status);
    if (statuses.length === 0 && !required.includes(layer)) return [];
    const ran = statuses.filter((status): status is Status => status !== 'NOT_RUN');
    const proven = ran.length > 0 && mostSevere(ran) === 'PASSED';
    return [
      {
        layer,
        required: required.includes(layer),
        result: statuses.length === 0 ? 'NO_SCENARIO' : proven ? 'PASSED' : resultOf(statuses),
      },
    ];
  });
}

function resultOf(statuses: readonly ScenarioStatus[]): ScenarioStatus {
  const ran = statuses.filter((status): status is Status => status !== 'NOT_RUN');
  const worst = mostSevere(ran);
  if (worst !== 'PASSED' && worst !== 'UNKNOWN') return worst;
  return statuses.includes('NOT_RUN') ? 'NOT_RUN' : worst;
}
