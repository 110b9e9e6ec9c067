import { securityScheme } from '../contract/authorization';
import { hasPlaceholder, placeholders, withPlaceholdersAs } from '../contract/interpolation';
import { formProblem } from '../contract/form-fields';
import { markerProblem, markersInJson } from '../contract/markers';
import { declaredBodyTypes, notJson, tableRows, unknownParameter } from '../contract/operation-call';
import { CONTRACT_STEPS } from '../contract/step-wording';
import { matchMediaType } from '../contract/inspector';
import type { Operation } from '../contract/operation';
import { findOperation, type NamedContract } from '../services/find-operation';
import type { PlannedRun, PlannedScenario, PlannedStep } from './planned-run';

/**
 * What would go wrong in the steps of a planned run, one line each, before any scenario runs:
 * undefined and ambiguous steps; contract steps naming an operation, a service, a parameter or a
 * security scheme the contracts do not have, an operation id two services share without saying
 * which, a body that is not JSON or of a media type the operation does not take; a table that is
 * not two columns; an unknown marker (`#foo`) in a compared value; `{{env.NAME}}` naming a
 * variable that is not set. The same
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
  if (expression === CONTRACT_STEPS.parameters) {
    return namedRowProblems(step, scenario, index, services, (operation, names) =>
      names.map((name) => unknownParameter(operation, name)),
    );
  }
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
  if (expression === CONTRACT_STEPS.bodyAs) return mediaTypeProblems(step, scenario, index, services);
  if (expression === CONTRACT_STEPS.form) {
    // A form goes to an operation that takes one, with fields its form declares.
    return namedRowProblems(step, scenario, index, services, (operation, names) => [
      formProblem(operation, names),
    ]);
  }
  return comparisonProblems(step, expression).map((problem) => `${step.where}: ${problem}`);
}

/** The rows of a step's two-column table, or why it has none (`file:line` added by the caller). */
function rowsOf(
  step: PlannedStep,
  first: string,
  second: string,
): { rows: [string, string][] } | { problem: string } {
  try {
    return { rows: tableRows(step.dataTable ?? [], first, second) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/**
 * The names of a `| name | value |` table, checked against the operation the scenario calls next:
 * `check` says what is wrong with them for that operation (nothing while no call follows).
 */
function namedRowProblems(
  step: PlannedStep,
  scenario: PlannedScenario,
  index: number,
  services: readonly NamedContract[],
  check: (operation: Operation, names: string[]) => (string | undefined)[],
): string[] {
  const found = rowsOf(step, 'name', 'value');
  if ('problem' in found) return [`${step.where}: ${found.problem}`];
  const operation = nextOperation(scenario, index, services);
  if (!operation) return [];
  const names = found.rows.map(([name]) => name).filter((name) => !hasPlaceholder(name));
  return check(operation, names).flatMap((problem) => (problem ? [`${step.where}: ${problem}`] : []));
}

/**
 * The written values of the comparing steps: an unknown marker (or one with an unusable argument)
 * is reported before the run, never compared literally; a `contains:` doc string must be JSON.
 */
function comparisonProblems(step: PlannedStep, expression: string): string[] {
  const written: string[] = [];
  if (expression === CONTRACT_STEPS.bodyAt || expression === CONTRACT_STEPS.responseHeader) {
    written.push(step.args[1] ?? '');
  } else if (expression === CONTRACT_STEPS.bodyMatches || expression === CONTRACT_STEPS.everyItem) {
    const found = rowsOf(step, 'path', 'value');
    if ('problem' in found) return [found.problem];
    written.push(...found.rows.map(([, value]) => value));
  } else if (expression === CONTRACT_STEPS.bodyContains) {
    const text = withPlaceholdersAs(step.docString ?? '', '0');
    const problem = notJson(text);
    if (problem) return [problem.replace('request body', 'expected body')];
    written.push(...markersInJson(JSON.parse(text)));
  }
  return written.filter((value) => !hasPlaceholder(value)).flatMap((value) => markerProblem(value) ?? []);
}

/** `Given the request body as "<type>":` needs a media type the next call's operation declares. */
function mediaTypeProblems(
  step: PlannedStep,
  scenario: PlannedScenario,
  index: number,
  services: readonly NamedContract[],
): string[] {
  const mediaType = (step.args[0] ?? '').split(';')[0]!.trim().toLowerCase();
  const operation = nextOperation(scenario, index, services);
  if (!operation || hasPlaceholder(mediaType)) return [];
  const declared = declaredBodyTypes(operation);
  if (declared.length === 0 || matchMediaType(mediaType, declared)) return [];
  return [
    `${step.where}: ${operation.operationId} does not take a ${mediaType} body (it declares: ${declared.join(', ')})`,
  ];
}

/** The operation the scenario calls after step `index`, when the contracts know it. */
function nextOperation(
  scenario: PlannedScenario,
  index: number,
  services: readonly NamedContract[],
): Operation | undefined {
  const call = scenario.steps.slice(index + 1).find((next) => CALLS.includes(next.matches[0] ?? ''));
  return call && operationOf(services, call).operation;
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
