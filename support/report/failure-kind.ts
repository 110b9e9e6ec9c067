/**
 * Which kind of failure a failed step is — Allure's category — by the class of the error it threw,
 * not by its wording: rewording a message does not move a failure to another category. Errors of
 * the harness have classes of their own (support/errors.ts, support/expect.ts, the contract's
 * `ContractViolationError`, the client's `ServiceUnreachableError`); errors of node and of
 * JavaScript are known by their class too. Only errors of other libraries that have no class of
 * their own (Playwright's, cucumber's text for an undefined step) are known by their wording.
 *
 * The kind is a marker at the start of the trace Allure shows (`[contract-violation]
 * ContractViolationError`, then the failure's text), and each category matches its marker.
 */

export const FAILURE_KINDS = {
  'contract-violation': {
    name: 'Contract violations',
    description:
      'An exchange broke the OpenAPI contract: the service (or the harness) no longer keeps its word.',
    matchedStatuses: ['failed', 'broken'],
  },
  'environment-problem': {
    name: 'Environment problems',
    description: 'The service or the browser could not be reached: nothing was tested.',
    matchedStatuses: ['failed', 'broken'],
  },
  'test-defect': {
    name: 'Test defects',
    description:
      'The scenario or its steps are wrong: undefined or ambiguous steps, bad data, harness errors.',
    matchedStatuses: ['broken', 'skipped'],
  },
  'product-defect': {
    name: 'Product defects',
    description: 'The service behaved differently from the specification: expected one thing, got another.',
    matchedStatuses: ['failed', 'broken'],
  },
} as const;

export type FailureKind = keyof typeof FAILURE_KINDS;

/** The kind of each error class (cucumber records the class as the exception's `type`). */
const BY_CLASS: Readonly<Record<string, FailureKind>> = {
  ContractViolationError: 'contract-violation',
  ServiceUnreachableError: 'environment-problem',
  EnvironmentError: 'environment-problem',
  ServiceStillDownError: 'environment-problem',
  BusinessRuleFailure: 'product-defect',
  AssertionError: 'product-defect', // node:assert in a step
  ScenarioDefect: 'test-defect',
  UsageError: 'test-defect',
  SpecError: 'test-defect',
  PreflightError: 'test-defect',
  TypeError: 'test-defect',
  ReferenceError: 'test-defect',
  SyntaxError: 'test-defect',
  RangeError: 'test-defect',
};

/** Errors without a class of their own, from libraries the harness does not own: by their wording. */
const BY_WORDING: readonly (readonly [RegExp, FailureKind])[] = [
  [
    /service unreachable|no response within|ECONNREFUSED|ECONNRESET|PW_CONNECT_WS|browser has been closed/,
    'environment-problem',
  ],
  [/Undefined|ambiguous/, 'test-defect'],
  [/expected .*, actual|Expected|toHave|toBe/s, 'product-defect'],
];

/**
 * The kind of a failure: by its error's class, else (an error of another library) by its title,
 * the first line; none when neither says.
 */
export function failureKind(type: string | undefined, title: string): FailureKind | undefined {
  const byClass = type === undefined ? undefined : BY_CLASS[type];
  if (byClass) return byClass;
  return BY_WORDING.find(([wording]) => wording.test(title))?.[1];
}

/** The marker a trace starts with: `[product-defect] BusinessRuleFailure`. */
function marker(kind: FailureKind, type: string | undefined): string {
  return `[${kind}]${type ? ` ${type}` : ''}`;
}

/** The trace Allure shows: the kind's marker and the error's class on the first line, then the text. */
export function markedTrace(type: string | undefined, title: string, text: string): string {
  const kind = failureKind(type, title);
  return kind ? `${marker(kind, type)}\n${text}` : text;
}

/** Allure's categories (categories.json): each matches its kind's marker at the start of the trace. */
export function allureCategories(): {
  name: string;
  description: string;
  matchedStatuses: string[];
  traceRegex: string;
}[] {
  return Object.entries(FAILURE_KINDS).map(([kind, category]) => ({
    name: category.name,
    description: category.description,
    matchedStatuses: [...category.matchedStatuses],
    traceRegex: `(?s)\\[${kind}\\][ \\n].*`,
  }));
}
