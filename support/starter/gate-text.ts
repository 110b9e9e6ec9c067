import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { HARNESS_ROOT } from '../config/project-dir';
import type { Capability } from './capabilities';

/**
 * The share of operation × documented status pairs the starter's scenarios cover, in whole percent
 * rounded down, as the coverage report counts them: each documented status code or range is a
 * pair (`default` is not); each scenario covers its operation's lowest 2xx.
 */
export function coveredShare(capabilities: readonly Capability[]): number {
  const plans = capabilities.flatMap((capability) => capability.operations);
  const pairs = plans.reduce(
    (total, plan) => total + Object.keys(plan.operation.responses).filter((key) => key !== 'default').length,
    0,
  );
  const covered = plans.filter((plan) => plan.kind === 'scenario').length;
  return pairs === 0 ? 100 : Math.floor((covered * 100) / pairs);
}

/**
 * `gate.config.yaml`: the example project's policies (release, partial, smoke) with their comments
 * — one source, so a rule the harness adds reaches new projects too — with the release's contract
 * coverage at what the starter's scenarios reach, so the first run can pass.
 */
export function gateText(contractCoverageMin: number): string {
  const document = parseDocument(fs.readFileSync(path.join(HARNESS_ROOT, 'gate.config.yaml'), 'utf8'));
  const rule = document.getIn(['policies', 'release', 'rules', 'contract-coverage'], true);
  const min = isMap(rule)
    ? rule.items.find((pair) => isScalar(pair.key) && pair.key.value === 'min')
    : undefined;
  if (!min || !isScalar(min.key) || !isScalar(min.value)) {
    throw new Error('gate.config.yaml: the release policy has no contract-coverage min');
  }
  min.value.value = contractCoverageMin;
  min.key.commentBefore =
    " What the scenarios npm run init wrote cover: each operation's success status. Raise it as\n scenarios cover the error responses.";
  return document.toString({ lineWidth: 0 });
}
