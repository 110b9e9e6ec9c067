/**
 * The reporting thread's work (reporting-thread.ts): the message stream, the results model and
 * its reports, and Allure when the run has its formatter, from the coordinator's lines, in order.
 */
import type { Envelope } from '@cucumber/messages';
import { parentPort } from 'node:worker_threads';
import { config } from '../config/config';
import { threadData } from '../config/harness-thread';
import { lowerThreadPriority } from '../config/thread-priority';
import { oneLine } from '../errors';
import { AllureOnThread } from '../report/allure-on-thread';
import { reportFile } from '../report/report-files';
import { loadServiceContracts } from '../services/contracts';
import { operationLabel } from '../services/operation-label';
import { loadRequirements } from '../trace/requirements';
import { MessageFile } from './message-file';
import type {
  ReportingFinished,
  ReportingRun,
  ReportingThreadData,
  ToReportingThread,
} from './reporting-thread';
import { RunCollector, type RunIdentity } from './run-model';
import { finishAllureResults, writeResultReports, type RunInputs } from './write-reports';

/** The reporting thread's nice value beside the scenarios (0 is theirs). */
const BESIDE_SCENARIOS_NICE = 10;

const { interrupted, yieldToScenarios } = threadData<ReportingThreadData>();
// The scenarios and the service under test come first: this thread's work (a few milliseconds of
// CPU a scenario, most of it writing Allure's files) waits for a free core rather than delaying
// theirs. With a core to spare it keeps up (a scenario mostly waits on the service), and at the end
// of the run nothing else is running. Not when the scenarios run in worker processes, nor on one
// core: it would fall behind their messages, which wait in its memory (reporting-thread.ts).
if (yieldToScenarios) lowerThreadPriority(BESIDE_SCENARIOS_NICE);
const settings = config();
const contracts = loadServiceContracts(settings);
const catalog = loadRequirements(settings.requirementsFile);
// The results model reads each exchange record once; Allure's operation labels come from it, named
// as every other report names them (`accounts:listItems` when the project has several services).
const several = settings.services.length > 1;
const collector = new RunCollector((attempt, { operationId, service }) =>
  allure?.exercised(attempt, operationId && operationLabel(operationId, service, several)),
);

/** The run reported on, once the coordinator has said which (`begin`), and its message stream. */
let reporting: { readonly run: ReportingRun; readonly messages: MessageFile } | undefined;

function begun(): NonNullable<typeof reporting> {
  if (!reporting) throw new Error("the coordinator sent the run's messages before it began");
  return reporting;
}

let allure: AllureOnThread | undefined;
const allureProblems: string[] = [];
/** Set by a signal: nothing after it gets into the stream or the results. */
let stopped = false;

async function inputs(): Promise<RunInputs> {
  const { identity } = begun().run;
  return {
    results: { ...collector.results(), ...(identity.selection ? { run: identity as RunIdentity } : {}) },
    corpus: collector.corpus(),
    contracts: await contracts,
    catalog,
    config: settings,
    commit: identity.commit,
  };
}

function take(text: string): void {
  begun().messages.write(text);
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const envelope = JSON.parse(line) as Envelope;
    collector.update(envelope);
    allure?.envelope(envelope);
  }
}

async function finish(): Promise<ReportingFinished> {
  const { run, messages } = begun();
  messages.close();
  const finished = await inputs();
  writeResultReports(run.reportsDir, finished);
  const problems = [
    ...allureProblems,
    ...(allure?.failures ?? []).map((failure) => `allure: could not write ${failure}`),
  ];
  try {
    // Allure's files are all written by now: its extras go beside them.
    finishAllureResults(run.reportsDir, finished);
  } catch (error) {
    problems.push(`allure: could not write its extras: ${oneLine(error)}`);
  }
  return { kind: 'finished', problems };
}

/** Interrupted, the run still leaves its results so far: marked incomplete, never as a verdict. */
async function interrupt(): Promise<void> {
  stopped = true;
  const done = new Int32Array(interrupted);
  try {
    const { run, messages } = begun();
    messages.close();
    writeResultReports(run.reportsDir, await inputs());
  } finally {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
}

parentPort?.on('message', (message: ToReportingThread) => {
  if (stopped) return;
  switch (message.kind) {
    case 'begin':
      reporting = {
        run: message.run,
        messages: new MessageFile(reportFile(message.run.reportsDir, 'messages')),
      };
      break;
    case 'lines':
      take(message.text);
      break;
    case 'allure':
      try {
        allure = new AllureOnThread(message.init, catalog);
      } catch (error) {
        // Allure cannot start: the run's other reports go on, and the run's end says why.
        allureProblems.push(`allure: could not start: ${oneLine(error)}`);
      }
      break;
    case 'run-hook-error':
      allure?.runHookError(message.hook, message.message, message.stack);
      break;
    case 'finish':
      void finish().then(
        (finished) => parentPort?.postMessage(finished),
        (error: unknown) => {
          const problem = `could not write the run's reports: ${oneLine(error)}`;
          parentPort?.postMessage({ kind: 'finished', problems: [problem] } satisfies ReportingFinished);
        },
      );
      break;
    case 'interrupt':
      void interrupt();
      break;
  }
});
