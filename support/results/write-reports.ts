import path from 'node:path';
import type { HarnessConfig } from '../config/config';
import { computeCoverage, coverageMarkdown, type ContractCoverage } from '../contract/coverage';
import type { Contract } from '../contract/load';
import type { Corpus } from '../gherkin/corpus';
import { runEnvironment, writeAllureExtras } from '../report/run-environment';
import { writeJson, writeReportFile } from '../report/write-file';
import { buildTraceability, type Traceability } from '../trace/traceability';
import type { RequirementCatalog } from '../trace/requirements';
import type { RunResults } from './run-model';

export interface RunReports {
  readonly coverage: ContractCoverage;
  readonly traceability: Traceability;
}

/**
 * The reports every run leaves, from its results: results.json, the contract coverage, the
 * traceability matrix and Allure's environment files. The live plugin and `merge` both write
 * them here, so a merged set of shards reads exactly like one run.
 */
export function writeRunReports(
  reportsDir: string,
  inputs: {
    results: RunResults;
    corpus: Corpus;
    contract: Contract;
    catalog: RequirementCatalog;
    config: HarnessConfig;
  },
): RunReports {
  const file = (name: string): string => path.join(reportsDir, name);
  const { results, corpus, contract, catalog, config } = inputs;
  writeJson(file('results.json'), results);
  const coverage = computeCoverage(contract, results);
  writeJson(file('contract-coverage.json'), coverage);
  writeReportFile(file('contract-coverage.md'), coverageMarkdown(coverage));
  const traceability = buildTraceability(catalog, corpus, results);
  writeJson(file('traceability.json'), traceability);
  writeAllureExtras(file('allure-results'), runEnvironment(config, contract, results.browser));
  return { coverage, traceability };
}
