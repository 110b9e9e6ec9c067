import type { HarnessConfig } from '../config/config';
import { computeCoverage, coverageMarkdown, type ContractCoverage } from './coverage';
import type { ServiceContract } from '../services/contracts';
import type { Corpus } from '../gherkin/corpus';
import { runEnvironment, writeAllureExtras } from '../report/run-environment';
import { reportFile } from '../report/report-files';
import { writeJson, writeWholeFile } from '../config/write-file';
import { buildTraceability, type Traceability } from './traceability';
import type { RequirementCatalog } from '../trace/requirements';
import { RESULTS_SCHEMA_VERSION } from './model-file';
import type { RunResults } from './run-model';

/** The first line of the Markdown coverage of a run that did not finish. */
const INCOMPLETE_NOTE =
  '> **Incomplete run**: it was interrupted before it finished; this covers only the scenarios it got to.';

export interface RunReports {
  readonly coverage: ContractCoverage;
  readonly traceability: Traceability;
}

export interface RunInputs {
  readonly results: RunResults;
  readonly corpus: Corpus;
  /** The project's services, each with its contract. */
  readonly contracts: readonly ServiceContract[];
  readonly catalog: RequirementCatalog;
  readonly config: HarnessConfig;
  /** The commit checked out where the run happened (config/head-commit.ts), if any. */
  readonly commit: string | undefined;
}

/**
 * The reports every run leaves, from its results: results.json, the contract coverage, the
 * traceability matrix, and Allure's environment files next to its results. The live plugin and
 * `merge` both write them here, so a merged set of shards reads exactly like one run.
 */
export function writeRunReports(reportsDir: string, inputs: RunInputs): RunReports {
  const reports = writeResultReports(reportsDir, inputs);
  finishAllureResults(reportsDir, inputs);
  return reports;
}

/**
 * The run's model, computed here once and versioned (model-file.ts): results.json, the contract
 * coverage and the traceability matrix — what the gate and the docs read.
 */
export function writeResultReports(reportsDir: string, inputs: RunInputs): RunReports {
  const { results, corpus, contracts, catalog } = inputs;
  writeJson(reportFile(reportsDir, 'results'), { schemaVersion: RESULTS_SCHEMA_VERSION, ...results });
  const coverage = computeCoverage(contracts, results);
  // Every file of a run says whether the run finished: an interrupted run's coverage and
  // traceability are of the scenarios it got to, and must not pass for the whole run's.
  const complete = { schemaVersion: RESULTS_SCHEMA_VERSION, complete: results.complete };
  writeJson(reportFile(reportsDir, 'coverage'), { ...complete, ...coverage });
  writeWholeFile(
    reportFile(reportsDir, 'coverageMarkdown'),
    (results.complete ? '' : `${INCOMPLETE_NOTE}\n\n`) + coverageMarkdown(coverage),
  );
  const traceability = buildTraceability(
    catalog,
    corpus,
    results,
    contracts.map((service) => service.name),
  );
  writeJson(reportFile(reportsDir, 'traceability'), { ...complete, ...traceability });
  return { coverage, traceability };
}

/** Allure's environment, executor and categories, and flaky results flagged: once its results are written. */
export function finishAllureResults(reportsDir: string, inputs: RunInputs): void {
  writeAllureExtras(
    reportFile(reportsDir, 'allureResults'),
    runEnvironment(inputs.config, inputs.contracts, { ...inputs.results, commit: inputs.commit }),
  );
}
