import type { Plugin } from '@cucumber/cucumber/api';
import { config } from '../config/config';
import { loadServiceContracts } from '../services/contracts';
import { loadRequirements } from '../trace/requirements';
import { onInterrupt } from './interruption';
import { RunCollector } from './run-model';
import { allureWriterFor } from '../report/allure-writer';
import { reportFile } from '../report/report-files';
import { finishAllureResults, writeResultReports, type RunInputs } from './write-reports';

/**
 * The one place where scenario results are collected. Runs in cucumber's coordinator, so it sees
 * every worker's scenarios; it reads the message stream (results, and the exchange records the
 * workers attach) and writes the run's reports when the run finishes.
 */
const resultsPlugin: Plugin = {
  type: 'plugin',
  coordinator: async ({ on }) => {
    const settings = config();
    const contracts = await loadServiceContracts(settings);
    const catalog = loadRequirements(settings.requirementsFile);
    const collector = new RunCollector();
    const inputs = (): RunInputs => ({
      results: collector.results(),
      corpus: collector.corpus(),
      contracts,
      catalog,
      config: settings,
    });
    // Interrupted, the run still leaves its results so far: marked incomplete, never as a verdict.
    const forget = onInterrupt(() => writeResultReports(settings.reportsDir, inputs()));
    let finishing: Promise<void> = Promise.resolve();
    on('message', (envelope) => {
      collector.update(envelope);
      if (!envelope.testRunFinished) return;
      forget();
      const run = inputs();
      writeResultReports(settings.reportsDir, run);
      // Allure's files are written in the background: its extras go beside them once all are down.
      finishing = allureWriterFor(reportFile(settings.reportsDir, 'allureResults'))
        .flush()
        .then((failures) => {
          for (const failure of failures) console.error(`allure: could not write ${failure}`);
          finishAllureResults(settings.reportsDir, run);
        });
    });
    return () => finishing;
  },
};

export default resultsPlugin;
