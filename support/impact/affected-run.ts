import fs from 'node:fs';
import path from 'node:path';
import type { HarnessConfig } from '../config/config';
import { scenarioRef } from '../gherkin/corpus';
import { loadCorpus } from '../gherkin/load-corpus';
import { isContractFile } from './base-contract';
import { diffScenarios, scenariosAt, scenariosNow } from './gherkin-diff';
import { computeImpact } from './impact';
import { writeImpact } from './impact-files';

/** Scenarios with this tag run whatever changed. */
export const ALWAYS_RUN_TAG = '@critical';

/** `features/a.feature:12` → `[features/a.feature, 12]`. */
function split(ref: string): [string, number] {
  const at = ref.lastIndexOf(':');
  return [ref.slice(0, at), Number(ref.slice(at + 1))];
}

/** Scenario refs as cucumber paths: one entry per file with its lines (`/abs/a.feature:12:30`). */
export function cucumberPaths(refs: Iterable<string>, projectDir: string): string[] {
  const lines = new Map<string, Set<number>>();
  for (const ref of refs) {
    const [uri, line] = split(ref);
    lines.set(uri, (lines.get(uri) ?? new Set()).add(line));
  }
  return [...lines]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([uri, each]) => `${path.resolve(projectDir, uri)}:${[...each].sort((a, b) => a - b).join(':')}`);
}

/**
 * Scenarios added or reworded in the features since a git ref (`file:line` of the scenario or
 * outline): the change touches them too. None for a contract file as the base.
 */
function rewritten(settings: HarnessConfig, base: string): string[] {
  if (isContractFile(base)) return [];
  return diffScenarios(
    scenariosAt(base, settings.featuresDirs, settings.projectDir),
    scenariosNow(settings.featuresDirs, settings.projectDir),
  )
    .filter((change) => change.kind !== 'removed')
    .map((change) => `${change.uri}:${change.line}`);
}

/**
 * What `npm run spec -- --affected-by <base>` runs: the scenarios that exercise an operation the
 * contract changed since the base (by the last run's exchanges and the features' text), those
 * added or reworded since a git ref, and every @critical scenario. Writes reports/impact.json and impact.md on the way. Empty: nothing to run.
 */
export async function affectedPaths(
  settings: HarnessConfig,
  base: string,
  print: (line: string) => void,
): Promise<string[]> {
  const impact = await computeImpact(settings, { base });
  writeImpact(settings.reportsDir, impact);
  const corpus = loadCorpus(
    settings.featuresDirs.filter((dir) => fs.existsSync(dir)),
    settings.projectDir,
  );
  const critical = corpus.features.flatMap((feature) =>
    feature.pickles
      .filter((pickle) => pickle.tags.some((tag) => tag.name === ALWAYS_RUN_TAG))
      .map((pickle) => scenarioRef(feature, pickle)),
  );
  const touched = new Set(impact.affectedScenarios);
  const written = rewritten(settings, base).filter((ref) => !touched.has(ref));
  const extra = critical.filter((ref) => !touched.has(ref) && !written.includes(ref));
  print(
    `Affected by ${base}: ${touched.size} scenario(s) exercise the ${impact.totals.operationsChanged} changed operation(s)` +
      (written.length ? `, + ${written.length} scenario(s) added or reworded since` : '') +
      `, + ${extra.length} other ${ALWAYS_RUN_TAG} scenario(s)` +
      (impact.unexercised.length ? `; no scenario exercises ${impact.unexercised.join(', ')}` : ''),
  );
  const all = [...touched, ...written, ...extra];
  if (all.length === 0)
    print(`Nothing to run: no scenario exercises a changed operation, and none is ${ALWAYS_RUN_TAG}`);
  return cucumberPaths(all, settings.projectDir);
}
