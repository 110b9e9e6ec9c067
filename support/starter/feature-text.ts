import { CONTRACT_STEPS } from '../contract/step-wording';
import type { Capability } from './capabilities';
import { comment, description, docString, quoted, table } from './gherkin-text';
import { oneLineOf } from './names';
import type { DrivenOperation, OperationPlan } from './operation-plan';

/** A step of the generic vocabulary with its `{string}` and `{int}` filled in, in order. */
function step(expression: string, ...values: (string | number)[]): string {
  let index = 0;
  return expression.replace(/\{(string|int)\}/g, () => {
    const value = values[index++];
    return typeof value === 'number' ? String(value) : quoted(value ?? '');
  });
}

/** Scenario names unique within the feature (the feature lint refuses duplicates): the summary, else the operationId. */
function scenarioNames(plans: readonly OperationPlan[]): Map<OperationPlan, string> {
  const base = (plan: OperationPlan): string =>
    oneLineOf(plan.operation.definition.summary).replace(/\.$/, '') || plan.operation.operationId;
  const counts = new Map<string, number>();
  for (const plan of plans) counts.set(base(plan), (counts.get(base(plan)) ?? 0) + 1);
  const names = new Map<OperationPlan, string>();
  const used = new Set<string>();
  for (const plan of plans) {
    let name = base(plan);
    if ((counts.get(name) ?? 0) > 1) name = `${name} (${plan.operation.operationId})`;
    for (let suffix = 2; used.has(name); suffix += 1) name = `${base(plan)} (${suffix})`;
    used.add(name);
    names.set(plan, name);
  }
  return names;
}

/** The Given steps (credentials, headers, parameters, body), `When I call`, `Then the response status is`. */
function scenarioSteps(plan: DrivenOperation): string[] {
  const indent = '    ';
  const given: string[][] = [
    ...plan.credentials.map(({ scheme, variable }) => [
      step(CONTRACT_STEPS.authorized, scheme, `{{env.${variable}}}`),
    ]),
    ...plan.headers.map(([name, value]) => [step(CONTRACT_STEPS.header, name, value)]),
  ];
  if (plan.parameters.length > 0) {
    given.push([CONTRACT_STEPS.parameters, ...table([['name', 'value'], ...plan.parameters], `${indent}  `)]);
  }
  if (plan.body) {
    given.push([CONTRACT_STEPS.body, ...docString(JSON.stringify(plan.body.value, null, 2), `${indent}  `)]);
  }
  const lines = given.flatMap(([first = '', ...rest], index) => [
    `${indent}${index === 0 ? 'Given' : 'And'} ${first}`,
    ...rest,
  ]);
  lines.push(`${indent}When ${step(CONTRACT_STEPS.call, plan.operation.operationId)}`);
  lines.push(`${indent}Then ${step(CONTRACT_STEPS.status, plan.status)}`);
  return lines;
}

/**
 * The capability's feature: technical (`@contract`, in the contract's words), tagged with its
 * requirement; one `@api` scenario per operation the generic steps can call, with the contract's
 * examples; a comment for each operation they cannot call yet, saying why.
 */
export function featureText(capability: Capability, source: string): string {
  const lines = [
    ...comment(
      `Written by npm run init from ${source}: one scenario per operation tagged "${capability.tag}", ` +
        'each calling it with the examples of the contract and checking its success status. Yours to edit: ' +
        'add what the answers must say (Then the response body matches:) and scenarios for the error responses.',
      '',
    ),
    `@contract @${capability.requirementId}`,
    `Feature: ${capability.name}`,
    ...description(capability.description, '  '),
    '  # The narrative (As a … I want … So that …) is README.md in this folder.',
  ];
  const names = scenarioNames(capability.operations);
  for (const plan of capability.operations) {
    const { operationId, method, pathTemplate } = plan.operation;
    lines.push('');
    if (plan.kind === 'comment') {
      // An operation without an operationId is already called `METHOD /path`.
      const named =
        operationId === `${method} ${pathTemplate}`
          ? operationId
          : `${operationId} (${method} ${pathTemplate})`;
      lines.push(...comment(`No scenario for ${named} yet: ${plan.reason}.`, '  '));
      continue;
    }
    lines.push('  @api', `  Scenario: ${names.get(plan) ?? operationId}`, ...scenarioSteps(plan));
  }
  return `${lines.join('\n')}\n`;
}
