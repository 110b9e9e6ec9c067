import path from 'node:path';
import type { HarnessConfig } from '../config/config';
import { computeCoverage } from '../contract/coverage';
import { loadContract } from '../contract/load';
import { ExitCode, oneLine } from '../errors';
import { readRun, UnusableResultsError } from '../results/read-run';
import { writeJson, writeReportFile } from '../report/write-file';
import { buildTraceability } from '../trace/traceability';
import { loadRequirements } from '../trace/requirements';
import { evaluateGate, type GateResult } from './evaluate';
import { gateJson, gateTable, junitXml, summaryMarkdown, unusableGate } from './outputs';
import { loadPolicy } from './policy';

export interface GateRun {
  readonly code: number;
  readonly gate: GateResult;
}

/**
 * Evaluates a policy on the run in `reportsDir` (its messages.ndjson) and writes gate.json,
 * junit.xml and summary.md there. Exit code: 0 go, 1 no-go, 2 results missing, corrupt or
 * incomplete — the gate fails closed, and still says why in its files.
 */
export async function runGate(
  config: HarnessConfig,
  reportsDir: string,
  policyName: string,
  print: (text: string) => void,
): Promise<GateRun> {
  const file = (name: string): string => path.join(reportsDir, name);
  const policy = loadPolicy(config.gatePolicyFile, policyName);
  let collector;
  try {
    collector = await readRun([file('messages.ndjson')]);
  } catch (error) {
    if (!(error instanceof UnusableResultsError)) throw error;
    const gate = unusableGate(policy.name, oneLine(error));
    writeJson(file('gate.json'), gateJson(gate, undefined, oneLine(error)));
    writeReportFile(file('summary.md'), summaryMarkdown(gate, undefined, undefined));
    print(`Release gate (${policy.name} policy): NO-GO — ${oneLine(error)}`);
    return { code: ExitCode.unusable, gate };
  }
  const results = collector.results();
  const contract = await loadContract(config.openapiSpec);
  const coverage = computeCoverage(contract, results);
  const traceability = buildTraceability(
    loadRequirements(config.requirementsFile),
    collector.corpus(),
    results,
  );
  const gate = evaluateGate(policy, { results, coverage, traceability });
  writeJson(file('gate.json'), gateJson(gate, results));
  writeReportFile(file('junit.xml'), junitXml(results, gate));
  writeReportFile(file('summary.md'), summaryMarkdown(gate, results, coverage));
  print(gateTable(gate));
  return { code: gate.verdict === 'go' ? ExitCode.ok : ExitCode.failed, gate };
}
