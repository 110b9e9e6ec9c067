import path from 'node:path';
import type { Plugin } from '@cucumber/cucumber/api';
import { config } from '../config/config';
import { computeCoverage, coverageMarkdown } from '../contract/coverage';
import { loadContract } from '../contract/load';
import { loadCorpus } from '../gherkin/corpus';
import { runEnvironment, writeAllureExtras } from '../report/run-environment';
import { writeJson, writeReportFile } from '../report/write-file';
import { buildTraceability } from '../trace/traceability';
import { loadRequirements } from '../trace/requirements';
import { RunCollector } from './run-model';

/**
 * The one place where scenario results are collected. Runs in cucumber's coordinator, so it sees
 * every worker's scenarios; it reads the message stream (results, and the exchange records the
 * workers attach) and writes the run's reports when the run finishes.
 */
const resultsPlugin: Plugin = {
  type: 'plugin',
  coordinator: async ({ on }) => {
    const settings = config();
    const contract = await loadContract(settings.openapiSpec);
    const catalog = loadRequirements(settings.requirementsFile);
    const collector = new RunCollector();
    const file = (name: string): string => path.join(settings.reportsDir, name);
    let featureFiles: readonly string[] = [];
    on('paths:resolve', (paths) => {
      featureFiles = paths.sourcePaths;
    });
    on('message', (envelope) => {
      collector.update(envelope);
      if (!envelope.testRunFinished) return;
      const results = collector.results();
      writeJson(file('results.json'), results);
      const coverage = computeCoverage(contract, results);
      writeJson(file('contract-coverage.json'), coverage);
      writeReportFile(file('contract-coverage.md'), coverageMarkdown(coverage));
      // Every scenario of the features, run or not, against the requirement catalogue.
      writeJson(file('traceability.json'), buildTraceability(catalog, loadCorpus(featureFiles), results));
      writeAllureExtras(file('allure-results'), runEnvironment(settings, contract, results.browser));
    });
  },
};

export default resultsPlugin;
