import type { Plugin } from '@cucumber/cucumber/api';
import { config } from '../config/config';
import { loadServiceContracts } from '../services/contracts';
import { loadRequirements } from '../trace/requirements';
import { onInterrupt } from './interruption';
import { RUN_IDENTITY_OPTION } from './run-identity';
import type { RunIdentity } from './run-model';
import { AttachmentRelease } from './attachment-release';
import { headCommit } from '../config/head-commit';
import { startReportingThread } from './reporting-thread';

/** What `npm run spec` tells the plugin: which run this is, and whether attachments may be released. */
export type ResultsPluginOptions = Partial<RunIdentity> & { readonly releaseAttachments?: boolean };

/**
 * The one place where scenario results are collected. Runs in cucumber's coordinator, so it sees
 * every worker's scenarios, and hands every message to the run's reporting thread
 * (reporting-thread.ts), which writes the message stream (messages.ndjson), reads it (results, and
 * the exchange records the workers attach), writes Allure's results and writes the run's reports
 * when the run finishes — among them the run's model (results.json, contract coverage,
 * traceability: model-file.ts), computed there once, which the gate and the docs read.
 */
const resultsPlugin: Plugin<ResultsPluginOptions> = {
  type: 'plugin',
  // `npm run spec` says which run this is (shard, selection, commit): results.json records it.
  optionsKey: RUN_IDENTITY_OPTION,
  coordinator: async ({ on, options }) => {
    const settings = config();
    // A contract or catalogue that cannot be read stops the run here, before any scenario.
    await loadServiceContracts(settings);
    loadRequirements(settings.requirementsFile);
    const { releaseAttachments, ...identity } = options;
    const release = releaseAttachments ? new AttachmentRelease() : undefined;
    // `npm run spec` says the commit (it asked git at its start); a run without it asks now.
    const commit = identity.commit ?? (await headCommit());
    const thread = startReportingThread({
      reportsDir: settings.reportsDir,
      identity: commit ? { ...identity, commit } : identity,
    });
    let stopped = false;
    // Interrupted, the run still leaves its results so far: marked incomplete, never as a verdict;
    // nothing that happens after the signal gets into the stream or the results.
    const forget = onInterrupt(() => {
      stopped = true;
      thread.interrupt();
    });
    let finishing: Promise<void> = Promise.resolve();
    on('message', (envelope) => {
      if (stopped) return;
      thread.envelope(envelope);
      release?.update(envelope);
      if (!envelope.testRunFinished) return;
      // A signal while the reports are written still waits for the results (the thread writes them).
      finishing = thread.finish().then((problems) => {
        forget();
        const stopped = thread.stoppedBecause;
        // Without its reporting thread the run has no results: it failed, whatever its scenarios did.
        if (stopped) throw new Error(stopped);
        for (const problem of problems) console.error(problem);
      });
    });
    return () => finishing;
  },
};

export default resultsPlugin;
