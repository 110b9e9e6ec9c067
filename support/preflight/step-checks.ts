import { securityScheme } from '../contract/authorization';
import { hasPlaceholder, placeholders, withPlaceholdersAs } from '../contract/interpolation';
import { CONTRACT_STEPS, notJson, unknownParameter } from '../contract/operation-call';
import type { Operation } from '../contract/load';
import { findOperation, type NamedContract } from '../services/find-operation';
import type { PlannedRun, PlannedScenario, PlannedStep } from './planned-run';

/**
 * What would go wrong in the steps of a planned run, one line each, before any scenario runs:
 * undefined and ambiguous steps; contract steps naming an operation, a service, a parameter or a
 * security scheme the contracts do not have, an operation id two services share without saying
 * which, or a body that is not JSON; `{{env.NAME}}` naming a variable that is not set. The same
 * problem in several rows of an Outline is reported once.
 */
export function stepProblems(
  plan: PlannedRun,
  services: readonly NamedContract[],
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const problems = new Set<string>();
  for (const scenario of plan.scenarios) {
    scenario.steps.forEach((step, index) => {
      for (const problem of problemsOf(step, scenario, index, services)) problems.add(problem);
      for (const problem of environmentProblems(step, env)) problems.add(problem);
    });
  }
  return [...problems];
}

const CALLS: readonly string[] = [CONTRACT_STEPS.call, CONTRACT_STEPS.callOn];

function problemsOf(
  step: PlannedStep,
  scenario: PlannedScenario,
  index: number,
  services: readonly NamedContract[],
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
  const expression = step.matches[0]!;
  if (CALLS.includes(expression)) {
    const problem = operationOf(services, step).problem;
    return problem ? [`${step.where}: ${problem}`] : [];
  }
  if (expression === CONTRACT_STEPS.parameters) return parameterProblems(step, scenario, index, services);
  if (expression === CONTRACT_STEPS.authorized) {
    const scheme = step.args[0] ?? '';
    if (
      hasPlaceholder(scheme) ||
      services.some(({ contract }) => !('problem' in securityScheme(contract, scheme)))
    ) {
      return [];
    }
    const found = securityScheme(services[0]!.contract, scheme);
    return 'problem' in found ? [`${step.where}: ${found.problem}`] : [];
  }
  if (expression === CONTRACT_STEPS.body) {
    // `{{name}}` is filled in at run time: a placeholder stands for a JSON value, so `0` stands in.
    const problem = notJson(withPlaceholdersAs(step.docString ?? '', '0'));
    return problem ? [`${step.where}: ${problem}`] : [];
  }
  return [];
}

/** The operation a call step names, or why it names none (nothing to say while a placeholder is in it). */
function operationOf(
  services: readonly NamedContract[],
  step: PlannedStep,
): { operation?: Operation; problem?: string } {
  const [operationId = '', service] = step.args;
  if (hasPlaceholder(operationId) || (service !== undefined && hasPlaceholder(service))) return {};
  try {
    return { operation: findOperation(services, operationId, service).operation };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** Parameter names are checked against the operation the scenario calls next. */
function parameterProblems(
  step: PlannedStep,
  scenario: PlannedScenario,
  index: number,
  services: readonly NamedContract[],
): string[] {
  const call = scenario.steps.slice(index + 1).find((next) => CALLS.includes(next.matches[0] ?? ''));
  const operation = call && operationOf(services, call).operation;
  if (!operation) return [];
  const [, ...rows] = step.dataTable ?? [];
  return rows.flatMap(([name]) => {
    const problem =
      name === undefined || hasPlaceholder(name) ? undefined : unknownParameter(operation, name);
    return problem ? [`${step.where}: ${problem}`] : [];
  });
}

/** `{{env.NAME}}` anywhere in a step — its text, table, doc string — needs NAME set. */
function environmentProblems(step: PlannedStep, env: NodeJS.ProcessEnv): string[] {
  const texts = [step.text, step.docString ?? '', ...(step.dataTable ?? []).flat()];
  return texts
    .flatMap((text) => placeholders(text))
    .filter((name) => name.startsWith('env.'))
    .map((name) => name.slice('env.'.length))
    .filter((variable) => !env[variable])
    .map((variable) => `${step.where}: {{env.${variable}}}: the environment variable ${variable} is not set`);
}
