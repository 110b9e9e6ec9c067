import type { Corpus } from '../gherkin/corpus';
import { scenarioKey, scenarioRef } from '../gherkin/corpus';
import { REQUIREMENT_TAG } from '../tags/tags';
import { readModelFile } from '../results/model-file';
import type { RunResults } from '../results/run-model';
import type { ScenarioStatus } from '../results/status';

/** How a scenario was found to exercise an operation. */
export type Evidence = 'last run' | 'feature text';

/** One scenario of the features, with the operations it exercises and its last status. */
export interface ScenarioUse {
  /** `features/…feature:line` (the Examples row for an outline). */
  readonly ref: string;
  readonly name: string;
  readonly tags: readonly string[];
  /** The requirements its tags name (`REQ-101`). */
  readonly requirements: readonly string[];
  readonly status: ScenarioStatus;
  /** `service operationId` → how we know. */
  readonly operations: ReadonlyMap<string, ReadonlySet<Evidence>>;
}

/** The key of an operation of a service in `ScenarioUse.operations`. */
export const operationKey = (service: string, operationId: string): string => `${service} ${operationId}`;

/** The last run's results.json, when there is one that reads; else undefined (a static scan only). */
export function readLastRun(file: string): RunResults | undefined {
  try {
    return readModelFile(file, 'results');
  } catch {
    return undefined;
  }
}

/** The quoted words of a step and of its table's cells: where contract steps name operations. */
function quotedWords(text: string): string[] {
  return [...text.matchAll(/"([^"\n]+)"/g)].map((match) => match[1]!);
}

/**
 * Every scenario of the features with the operations it exercises: those its exchanges went to in
 * the last run, and those its steps name (`When I call "reportBySms"`) — a scenario the last run
 * did not reach, or one written since, is found by its text.
 */
export function mapScenarios(
  corpus: Corpus,
  services: readonly { readonly name: string; readonly operationIds: readonly string[] }[],
  lastRun: RunResults | undefined,
): ScenarioUse[] {
  const ran = new Map((lastRun?.scenarios ?? []).map((scenario) => [scenarioKey(scenario), scenario]));
  const owners = new Map<string, string[]>();
  for (const service of services)
    for (const id of service.operationIds) owners.set(id, [...(owners.get(id) ?? []), service.name]);
  const only = services.length === 1 ? services[0]!.name : undefined;
  const uses: ScenarioUse[] = [];
  for (const feature of corpus.features) {
    for (const pickle of feature.pickles) {
      const ref = scenarioRef(feature, pickle);
      const operations = new Map<string, Set<Evidence>>();
      const note = (key: string, evidence: Evidence): void => {
        operations.set(key, (operations.get(key) ?? new Set()).add(evidence));
      };
      const result = ran.get(ref);
      for (const exchange of result?.exchanges ?? []) {
        const service = exchange.service ?? only;
        if (exchange.operationId && service) note(operationKey(service, exchange.operationId), 'last run');
      }
      for (const step of pickle.steps) {
        const cells =
          step.argument?.dataTable?.rows.flatMap((row) => row.cells.map((cell) => cell.value)) ?? [];
        for (const word of [...quotedWords(step.text), ...cells])
          for (const service of owners.get(word.trim()) ?? [])
            note(operationKey(service, word.trim()), 'feature text');
      }
      const tags = pickle.tags.map((tag) => tag.name);
      uses.push({
        ref,
        name: pickle.name,
        tags,
        requirements: tags.filter((tag) => REQUIREMENT_TAG.test(tag)).map((tag) => tag.slice(1)),
        status: result && result.selected && result.attempts > 0 ? result.status : 'NOT_RUN',
        operations,
      });
    }
  }
  return uses;
}
