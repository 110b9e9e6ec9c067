/**
 * `npm run docs [-- --features <dir>… --out <dir> --results <file> --since <ref>]` — the living
 * documentation: a static site (one file, opens from file://, complete without JavaScript) with
 * every capability, feature, rule and scenario, the latest results and the last runs (Allure's
 * history, when `npm run report` kept one), a page per requirement, the contract coverage and the
 * step vocabulary; with --since, a "What changed" page (contract changes, requirements they touch,
 * scenarios added, removed or reworded since the ref).
 * The run's results, coverage and traceability come from its model (results.json and the files
 * beside it, checked: model-file.ts), never from the message stream.
 * Builds without a run too (everything "not run"). Exit 0 written, 2 bad input or an unreadable model.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfiguration, loadSupport } from '@cucumber/cucumber/api';
import { config } from '../config/config';
import { HARNESS_ROOT, enterProject } from '../config/project-dir';
import { buildGlossary, type StepDefinitionInfo } from '../docs/glossary';
import { readAllureHistory } from '../docs/history';
import { buildDocsModel } from '../docs/model';
import { buildWhatChanged } from '../docs/what-changed';
import { renderSite } from '../docs/render';
import { ExitCode, displayPath, runCommand } from '../errors';
import { reportFile } from '../report/report-files';
import { scenarioKey, scenarioRef, type Corpus } from '../gherkin/corpus';
import { loadCorpus, requireFeatureRoots } from '../gherkin/load-corpus';
import { isContractFile } from '../impact/base-contract';
import { readModelFile } from '../results/model-file';
import type { RunResults } from '../results/run-model';
import { writeWholeFile } from '../config/write-file';
import { buildTraceability, type Traceability } from '../results/traceability';
import { loadRequirements } from '../trace/requirements';

/** The run's scenarios are exactly the features' (the docs show what the run read)? */
function sameScenarios(corpus: Corpus, results: RunResults): boolean {
  const refs = new Set(
    corpus.features.flatMap((feature) => feature.pickles.map((pickle) => scenarioRef(feature, pickle))),
  );
  const keys = new Set(results.scenarios.map(scenarioKey));
  return refs.size === keys.size && [...refs].every((ref) => keys.has(ref));
}

/**
 * The traceability the run computed (traceability.json beside its results), when the docs show the
 * features the run read; of other features (or without a run) they are traced here, against the
 * run's results.
 */
function traceabilityOf(
  resultsFile: string,
  results: RunResults | undefined,
  corpus: Corpus,
  build: () => Traceability,
): Traceability {
  if (!results || !sameScenarios(corpus, results)) return build();
  return readModelFile(reportFile(path.dirname(resultsFile), 'traceability'), 'traceability') ?? build();
}

/** A step file as the docs name it: the project's relative to it, the harness's own from the harness. */
function shownUri(uri: string): string {
  const file = path.resolve(uri);
  const inHarness = path.relative(HARNESS_ROOT, file);
  if (!path.relative(process.cwd(), file).startsWith('..') || inHarness.startsWith('..')) return uri;
  return inHarness.split(path.sep).join('/');
}

/** What the living docs read of cucumber's support code library, whose public type is opaque. */
interface LoadedSteps {
  readonly stepDefinitions: readonly {
    readonly pattern: string | RegExp;
    readonly uri: string;
    readonly line: number;
    matchesStepName(text: string): boolean;
  }[];
}

/** Every step definition of the project, from cucumber's own loader, for the glossary. */
async function stepDefinitions(): Promise<StepDefinitionInfo[]> {
  const environment = {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  const { runConfiguration } = await loadConfiguration(
    { file: path.relative(process.cwd(), path.join(HARNESS_ROOT, 'cucumber.cjs')) },
    environment,
  );
  // The public type is opaque; the object is cucumber's support code library.
  const library = (await loadSupport(runConfiguration, environment)) as unknown as LoadedSteps;
  return library.stepDefinitions.map((definition) => ({
    pattern: typeof definition.pattern === 'string' ? definition.pattern : definition.pattern.source,
    uri: shownUri(definition.uri),
    line: definition.line,
    matches: (text: string) => definition.matchesStepName(text),
  }));
}

async function main(): Promise<number> {
  const settings = config();
  const { values } = parseArgs({
    options: {
      features: { type: 'string', multiple: true },
      out: { type: 'string', default: reportFile(settings.reportsDir, 'livingDocs') },
      results: { type: 'string', default: reportFile(settings.reportsDir, 'results') },
      coverage: { type: 'string', default: reportFile(settings.reportsDir, 'coverage') },
      title: { type: 'string', default: settings.title },
      since: { type: 'string' },
    },
  });
  // A contract file as the base is named from where the command started.
  const since = values.since && isContractFile(values.since) ? path.resolve(values.since) : values.since;
  // Paths on the command line are where the command started; then the project's folder names
  // feature files as the run's results do.
  const roots = (values.features ?? settings.featuresDirs).map((folder) => path.resolve(folder));
  const out = path.resolve(values.out);
  const resultsFile = path.resolve(values.results);
  const coverageFile = path.resolve(values.coverage);
  // The last runs per scenario and requirement: the history `npm run report` keeps for Allure.
  const allureHistory = readAllureHistory(path.resolve(settings.reportsDir));
  enterProject(settings);
  requireFeatureRoots(roots);
  const corpus = loadCorpus(roots);
  const catalog = loadRequirements(settings.requirementsFile);
  const results = readModelFile(resultsFile, 'results');
  const coverage = readModelFile(coverageFile, 'coverage');
  const traceability = traceabilityOf(resultsFile, results, corpus, () =>
    buildTraceability(
      catalog,
      corpus,
      results,
      settings.services.map((service) => service.name),
    ),
  );
  const model = buildDocsModel({
    title: values.title,
    featuresRoots: roots,
    corpus,
    ...(results ? { results } : {}),
    traceability,
    ...(coverage ? { coverage } : {}),
    glossary: buildGlossary(await stepDefinitions(), corpus),
    ...(since ? { whatChanged: await buildWhatChanged(settings, since, traceability) } : {}),
    ...(allureHistory ? { allureHistory } : {}),
  });
  writeWholeFile(path.join(out, 'index.html'), renderSite(model));
  const scenarios = corpus.features.reduce((count, feature) => count + feature.pickles.length, 0);
  console.log(
    `Living documentation: ${displayPath(path.join(out, 'index.html'))} (${corpus.features.length} features, ${scenarios} scenarios, ${results ? 'with the latest results' : 'not run yet'}${allureHistory ? ", the last runs from Allure's history" : ''})`,
  );
  for (const problem of model.problems) console.error(`docs: ${problem}`);
  return ExitCode.ok;
}

runCommand('docs', () => main());
