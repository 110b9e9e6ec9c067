import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { withInterpolation as filled } from '../../contract/interpolation';
import { CONTRACT_STEPS, matchesWritten, notJson, valueAtPath } from '../../contract/operation-call';
import { UsageError } from '../../errors';
import { expectEqual, expectTrue } from '../../expect';
import type { ScenarioWorld } from '../world';

// The harness's generic vocabulary for API-level features tagged @contract, loaded in every
// project: it works against any OpenAPI 3.0 or 3.1 service by configuration alone. Operations are
// called by operationId (with the service when two share one) and parameters are placed by the
// contract. Every step body is `filled`: `{{name}}` (and `{{env.NAME}}`) is replaced in each of its
// string arguments, doc strings and table cells before it runs.

function pairs(table: DataTable, first: string, second: string): [string, string][] {
  const [header, ...rows] = table.raw();
  if (header?.[0]?.trim() !== first || header[1]?.trim() !== second || header.length !== 2) {
    throw new UsageError(`the table needs exactly two columns headed | ${first} | ${second} |`);
  }
  return rows.map((row) => [row[0] ?? '', row[1] ?? '']);
}

Given(
  CONTRACT_STEPS.header,
  filled(function (this: ScenarioWorld, name: string, value: string) {
    this.prepared.headers[name.toLowerCase()] = value;
  }),
);

Given(
  CONTRACT_STEPS.parameters,
  filled(function (this: ScenarioWorld, table: DataTable) {
    for (const [name, value] of pairs(table, 'name', 'value')) this.prepared.parameters.set(name, value);
  }),
);

Given(
  CONTRACT_STEPS.body,
  filled(function (this: ScenarioWorld, text: string) {
    const problem = notJson(text);
    if (problem) throw new UsageError(problem);
    this.prepared.body = text;
  }),
);

Given(
  CONTRACT_STEPS.authorized,
  filled(function (this: ScenarioWorld, scheme: string, credential: string) {
    this.authorize(scheme, credential);
  }),
);

When(
  CONTRACT_STEPS.call,
  filled(async function (this: ScenarioWorld, operationId: string) {
    await this.callOperation(operationId);
  }),
);

When(
  CONTRACT_STEPS.callOn,
  filled(async function (this: ScenarioWorld, operationId: string, service: string) {
    await this.callOperation(operationId, service);
  }),
);

Then(
  CONTRACT_STEPS.status,
  filled(function (this: ScenarioWorld, status: number) {
    expectEqual('response status', this.lastResponse.status, status);
  }),
);

Then(
  CONTRACT_STEPS.bodyAt,
  filled(function (this: ScenarioWorld, path: string, expected: string) {
    const actual = valueAtPath(this.lastResponse.body, path);
    expectTrue(
      `response body at ${path}`,
      matchesWritten(actual, expected),
      `expected ${expected}, actual ${JSON.stringify(actual)}`,
    );
  }),
);

Then(
  CONTRACT_STEPS.bodyMatches,
  filled(function (this: ScenarioWorld, table: DataTable) {
    const mismatches = pairs(table, 'path', 'value').flatMap(([path, expected]) => {
      const actual = valueAtPath(this.lastResponse.body, path);
      return matchesWritten(actual, expected)
        ? []
        : [`${path}: expected ${expected}, actual ${JSON.stringify(actual)}`];
    });
    expectTrue('response body', mismatches.length === 0, mismatches.join('; '));
  }),
);

When(
  CONTRACT_STEPS.remember,
  filled(function (this: ScenarioWorld, path: string, name: string) {
    this.rememberFromResponse(path, name);
  }),
);
