/**
 * `npm run docs [-- --features <dir>… --out <dir> --results <file>]` — the living documentation: a
 * static site (one page, opens from file://) with every capability, feature, rule and scenario,
 * the latest results, a page per requirement, the contract coverage and the step vocabulary.
 * Builds without a run too (everything "not run"). Exit 0 written, 2 bad input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfiguration, loadSupport } from '@cucumber/cucumber/api';
import type { SupportCodeLibrary } from '@cucumber/cucumber/lib/support_code_library_builder/types';
import { config } from '../config/config';
import type { ContractCoverage } from '../contract/coverage';
import { buildGlossary, type StepDefinitionInfo } from '../docs/glossary';
import { buildDocsModel } from '../docs/model';
import { renderSite } from '../docs/render';
import { ExitCode, UsageError, displayPath, oneLine } from '../errors';
import { reportFile } from '../report/report-files';
import { loadCorpus, requireFeatureRoots } from '../gherkin/corpus';
import type { RunResults } from '../results/run-model';
import { writeReportFile } from '../report/write-file';
import { buildTraceability } from '../trace/traceability';
import { loadRequirements } from '../trace/requirements';

function readJson<T>(file: string | undefined, what: string): T | undefined {
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new UsageError(
      `${displayPath(file)}: the ${what} is not valid JSON (${(error as Error).message}); run the features again`,
    );
  }
}

/** Every step definition of the project, from cucumber's own loader, for the glossary. */
async function stepDefinitions(): Promise<StepDefinitionInfo[]> {
  const environment = {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  const { runConfiguration } = await loadConfiguration({}, environment);
  // The public type is opaque; the object is cucumber's support code library.
  const library = (await loadSupport(runConfiguration, environment)) as unknown as SupportCodeLibrary;
  return library.stepDefinitions.map((definition) => ({
    pattern: typeof definition.pattern === 'string' ? definition.pattern : definition.pattern.source,
    uri: definition.uri,
    line: definition.line,
    matches: (text: string) => definition.matchesStepName(text),
  }));
}

async function main(): Promise<number> {
  const settings = config();
  const { values } = parseArgs({
    options: {
      features: { type: 'string', multiple: true, default: ['features'] },
      out: { type: 'string', default: path.join(settings.reportsDir, 'living-docs') },
      results: { type: 'string', default: reportFile(settings.reportsDir, 'results') },
      coverage: { type: 'string', default: reportFile(settings.reportsDir, 'coverage') },
      title: { type: 'string', default: 'Caller ID — living specification' },
    },
  });
  const roots = values.features.map((folder) => path.resolve(folder));
  requireFeatureRoots(roots);
  const corpus = loadCorpus(roots);
  const catalog = loadRequirements(settings.requirementsFile);
  const results = readJson<RunResults>(values.results, 'run results');
  const coverage = readJson<ContractCoverage>(values.coverage, 'contract coverage');
  const traceability = buildTraceability(catalog, corpus, results);
  const model = buildDocsModel({
    title: values.title,
    featuresRoots: roots,
    corpus,
    ...(results ? { results } : {}),
    traceability,
    ...(coverage ? { coverage } : {}),
    glossary: buildGlossary(await stepDefinitions(), corpus),
  });
  const out = path.resolve(values.out);
  writeReportFile(path.join(out, 'index.html'), renderSite(model));
  const scenarios = corpus.features.reduce((count, feature) => count + feature.pickles.length, 0);
  console.log(
    `Living documentation: ${displayPath(path.join(out, 'index.html'))} (${corpus.features.length} features, ${scenarios} scenarios, ${results ? 'with the latest results' : 'not run yet'})`,
  );
  for (const problem of model.problems) console.error(`docs: ${problem}`);
  return ExitCode.ok;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`docs: ${oneLine(error)}`);
    process.exitCode = ExitCode.unusable;
  },
);
