import type { Plugin } from '@cucumber/cucumber/api';
import { config } from '../config/config';
import { loadServiceContracts } from '../services/contracts';
import { loadRequirements } from '../trace/requirements';
import { onInterrupt } from './interruption';
import { MessageFile } from './message-file';
import { RUN_IDENTITY_OPTION } from './run-identity';
import type { RunIdentity } from './run-model';
import { RunCollector } from './run-model';
import { AttachmentRelease } from './attachment-release';
import { allureWriterFor } from '../report/allure-writer';
import { reportFile } from '../report/report-files';
import { finishAllureResults, writeResultReports, type RunInputs } from './write-reports';

/**
 * The one place where scenario results are collected. Runs in cucumber's coordinator, so it sees
 * every worker's scenarios; it writes the message stream (messages.ndjson), reads it (results, and
 * the exchange records the workers attach) and writes the run's reports when the run finishes —
 * among them the run's model (results.json, contract coverage, traceability: model-file.ts), computed
 * here once, which the gate and the docs read.
 */
/** What `npm run spec` tells the plugin: which run this is, and whether attachments may be released. */
export type ResultsPluginOptions = Partial<RunIdentity> & { readonly releaseAttachments?: boolean };

const resultsPlugin: Plugin<ResultsPluginOptions> = {
  type: 'plugin',
  // `npm run spec` says which run this is (shard, selection, commit): results.json records it.
  optionsKey: RUN_IDENTITY_OPTION,
  coordinator: async ({ on, options }) => {
    const settings = config();
    const contracts = await loadServiceContracts(settings);
    const catalog = loadRequirements(settings.requirementsFile);
    const collector = new RunCollector();
    const { releaseAttachments, ...identity } = options;
    const run = identity.selection ? { run: identity as RunIdentity } : {};
    const release = releaseAttachments ? new AttachmentRelease() : undefined;
    const inputs = (): RunInputs => ({
      results: { ...collector.results(), ...run },
      corpus: collector.corpus(),
      contracts,
      catalog,
      config: settings,
    });
    // The message stream is written here, from the same envelopes as the results: they agree.
    const messages = new MessageFile(reportFile(settings.reportsDir, 'messages'));
    let stopped = false;
    // Interrupted, the run still leaves its results so far: marked incomplete, never as a verdict;
    // nothing that happens after the signal gets into the stream or the results.
    const forget = onInterrupt(() => {
      stopped = true;
      messages.close();
      writeResultReports(settings.reportsDir, inputs());
    });
    let finishing: Promise<void> = Promise.resolve();
    on('message', (envelope) => {
      if (stopped) return;
      messages.write(envelope);
      collector.update(envelope);
      release?.update(envelope);
      if (!envelope.testRunFinished) return;
      forget();
      messages.close();
      const finished = inputs();
      writeResultReports(settings.reportsDir, finished);
      // Allure's files are written in the background: its extras go beside them once all are down.
      finishing = allureWriterFor(reportFile(settings.reportsDir, 'allureResults'))
        .flush()
        .then((failures) => {
          for (const failure of failures) console.error(`allure: could not write ${failure}`);
          finishAllureResults(settings.reportsDir, finished);
        });
    });
    return () => finishing;
  },
};

export default resultsPlugin;
