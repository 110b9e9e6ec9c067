import type { Contract } from '../contract/load';
import { hasPlaceholder, withPlaceholdersAs } from '../contract/interpolation';
import { CONTRACT_STEPS, notJson, unknownParameter } from '../contract/operation-call';
import type { PlannedRun, PlannedScenario, PlannedStep } from './planned-run';

/**
 * What would go wrong in the steps of a planned run, one line each, before any scenario runs:
 * undefined and ambiguous steps, and contract steps naming an operation or a parameter the
 * contract does not have, or carrying a body that is not JSON. The same problem in several rows
 * of an Outline is reported once.
 */
export function stepProblems(plan: PlannedRun, contract: Contract): string[] {
  const problems = new Set<string>();
  for (const scenario of plan.scenarios) {
    scenario.steps.forEach((step, index) => {
      for (const problem of problemsOf(step, scenario, index, contract)) problems.add(problem);
    });
  }
  return [...problems];
}

function problemsOf(
  step: PlannedStep,
  scenario: PlannedScenario,
  index: number,
  contract: Contract,
): string[] {
  if (step.matches.length === 0) {
    return [
      `${step.where}: undefined step "${step.text}": no step definition matches it ` +
        `(npm run spec -- --dry-run --format snippets ${step.where.replace(/:\d+$/, '')} suggests one)`,
    ];
  }
  if (step.matches.length > 1) {
    return [
      `${step.where}: ambiguous step "${step.text}": it matches ${step.matches.map((m) => `"${m}"`).join(' and ')}`,
    ];
  }
  const expression = step.matches[0];
  if (expression === CONTRACT_STEPS.call) {
    const operationId = step.args[0] ?? '';
    const problem = operationProblem(contract, operationId);
    return problem ? [`${step.where}: ${problem}`] : [];
  }
  if (expression === CONTRACT_STEPS.parameters) return parameterProblems(step, scenario, index, contract);
  if (expression === CONTRACT_STEPS.body) {
    // `{{name}}` is filled in at run time: a placeholder stands for a JSON value, so `0` stands in.
    const problem = notJson(withPlaceholdersAs(step.docString ?? '', '0'));
    return problem ? [`${step.where}: ${problem}`] : [];
  }
  return [];
}

function operationProblem(contract: Contract, operationId: string): string | undefined {
  if (hasPlaceholder(operationId)) return undefined;
  try {
    contract.operation(operationId);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Parameter names are checked against the operation the scenario calls next. */
function parameterProblems(
  step: PlannedStep,
  scenario: PlannedScenario,
  index: number,
  contract: Contract,
): string[] {
  const call = scenario.steps.slice(index + 1).find((next) => next.matches[0] === CONTRACT_STEPS.call);
  const operationId = call?.args[0];
  if (operationId === undefined || operationProblem(contract, operationId) !== undefined) return [];
  if (hasPlaceholder(operationId)) return [];
  const operation = contract.operation(operationId);
  const [, ...rows] = step.dataTable ?? [];
  return rows.flatMap(([name]) => {
    const problem =
      name === undefined || hasPlaceholder(name) ? undefined : unknownParameter(operation, name);
    return problem ? [`${step.where}: ${problem}`] : [];
  });
}
