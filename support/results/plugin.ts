import type { Plugin } from '@cucumber/cucumber/api';
import { config } from '../config/config';
import { loadContract } from '../contract/load';
import { loadRequirements } from '../trace/requirements';
import { RunCollector } from './run-model';
import { writeRunReports } from './write-reports';

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
    on('message', (envelope) => {
      collector.update(envelope);
      if (envelope.testRunFinished) {
        writeRunReports(settings.reportsDir, {
          results: collector.results(),
          corpus: collector.corpus(),
          contract,
          catalog,
          config: settings,
        });
      }
    });
  },
};

export default resultsPlugin;
