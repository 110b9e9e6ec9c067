import fs from 'node:fs';
import type { HarnessConfig } from '../config/config';
import { gateImpact } from '../impact/gate-rule';
import { ExitCode, oneLine } from '../errors';
import { readModelFile, readRunModel, type RunModel } from '../results/model-file';
import { UnusableResultsError } from '../results/read-run';
import { reportFile } from '../report/report-files';
import { environmentSecrets } from '../report/environment-secrets';
import { runSecrets } from '../report/run-secrets';
import { scanReportsAside } from '../report/scan-aside';
import { writeJson, writeWholeFile } from '../config/write-file';
import { choiceLine, type PolicyChoice } from './choose-policy';
import { evaluateGate, type GateResult } from './evaluate';
import { gateJson, gateTable, junitScenarios, junitXml, summaryMarkdown, unusableGate } from './outputs';
import { loadPolicy } from './policy';
import { VERDICT_FILES, removeDerivedReports } from './run-outputs';

export interface GateRun {
  readonly code: number;
  readonly gate: GateResult;
}

/**
 * Writes the verdict on results that cannot be used: gate.json saying why, a junit.xml whose one
 * case fails with the reason, summary.md — and removes the reports derived from those results, so
 * no earlier run's green files stay beside a fail-closed verdict. An interrupted run's own results
 * so far (results.json marked incomplete) stay: they are this run's, and readable.
 */
export function writeUnusableVerdict(reportsDir: string, policyName: string, problem: string): GateResult {
  const gate = unusableGate(policyName, problem);
  if (!holdsPartialResults(reportsDir)) removeDerivedReports(reportsDir);
  writeJson(reportFile(reportsDir, 'gate'), gateJson(gate, undefined, problem));
  writeWholeFile(reportFile(reportsDir, 'junit'), junitXml(undefined, gate));
  writeWholeFile(reportFile(reportsDir, 'summary'), summaryMarkdown(gate, undefined, undefined));
  return gate;
}

/** The verdict on results that cannot be used, written and printed: NO-GO and why, exit 2. */
export function failClosed(
  reportsDir: string,
  policyName: string,
  problem: string,
  print: (text: string) => void,
): GateResult {
  const gate = writeUnusableVerdict(reportsDir, policyName, problem);
  print(`Release gate (${policyName} policy): NO-GO — ${problem}`);
  return gate;
}

/**
 * The secrets the scanner looks for by value: those this process registered during the run (when
 * the gate ends `npm run spec`; kept in memory only), the provisioned accounts' passwords, and the
 * values of the environment variables the features take (`{{env.NAME}}`), which a gate run on its
 * own would otherwise not know.
 */
function knownSecrets(config: HarnessConfig): string[] {
  return [
    ...runSecrets(),
    ...Object.values(config.accounts).map((account) => account.password),
    ...environmentSecrets(config.featuresDirs),
  ];
}

/** Did an interrupted run leave its results so far here (`complete: false`)? */
function holdsPartialResults(reportsDir: string): boolean {
  try {
    return readModelFile(reportFile(reportsDir, 'results'), 'results')?.complete === false;
  } catch {
    return false;
  }
}

/**
 * Evaluates a policy on the run in `reportsDir` (its model: results.json, the contract coverage and
 * the traceability the run computed, never re-derived from messages.ndjson) and writes gate.json,
 * junit.xml and summary.md there. Exit code: 0 go, 1 no-go, 2 results missing, corrupt or
 * incomplete — the gate fails closed, and still says why in its files. The first line printed
 * names the policy and why it was chosen.
 */
export async function runGate(
  config: HarnessConfig,
  reportsDir: string,
  choice: PolicyChoice,
  print: (text: string) => void,
): Promise<GateRun> {
  // No earlier verdict survives this one, even when the policy file turns out to be broken.
  for (const name of VERDICT_FILES) fs.rmSync(reportFile(reportsDir, name), { force: true });
  const policy = loadPolicy(config.gatePolicyFile, choice.name);
  print(choiceLine(choice));
  // Before the verdict files are written: they hold only what the scanned reports hold, redacted.
  // The scan reads every report on a thread of its own while the model is read here.
  const scan = policy.rules['no-secrets-in-reports']
    ? scanReportsAside(reportsDir, knownSecrets(config))
    : undefined;
  let model: RunModel;
  let junit: ReturnType<typeof junitScenarios>;
  try {
    model = readRunModel(reportsDir);
    // junit.xml's suites of the scenarios do not wait for the verdict: built while the scan goes on.
    junit = junitScenarios(model.results);
  } catch (error) {
    scan?.stop();
    if (!(error instanceof UnusableResultsError)) throw error;
    return { code: ExitCode.unusable, gate: failClosed(reportsDir, policy.name, oneLine(error), print) };
  }
  const { results, coverage, traceability } = model;
  const secretHits = await scan?.hits;
  const breaking = policy.rules['no-unversioned-breaking-change'];
  const impact = breaking ? await gateImpact(breaking, config, reportsDir) : undefined;
  const gate = evaluateGate(policy, {
    results,
    coverage,
    traceability,
    secretHits,
    ...(impact ? { impact } : {}),
  });
  writeJson(reportFile(reportsDir, 'gate'), gateJson(gate, results));
  writeWholeFile(reportFile(reportsDir, 'junit'), junit.withVerdict(gate));
  writeWholeFile(reportFile(reportsDir, 'summary'), summaryMarkdown(gate, results, coverage));
  print(gateTable(gate));
  return { code: gate.verdict === 'go' ? ExitCode.ok : ExitCode.failed, gate };
}
