import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { withInterpolation as filled } from '../with-interpolation';
import { formFields } from '../../contract/form-fields';
import { addParameter, notJson, tableRows } from '../../contract/operation-call';
import { CONTRACT_STEPS } from '../../contract/step-wording';
import {
  containsMismatches,
  everyItemMismatches,
  headerMismatch,
  rowMismatches,
} from '../../contract/response-checks';
import { UsageError } from '../../errors';
import { expectEqual, expectTrue } from '../../expect';
import type { ScenarioWorld } from '../world';

// The harness's generic vocabulary for API-level features tagged @contract, loaded in every
// project: it works against any OpenAPI 3.0 or 3.1 service by configuration alone. Operations are
// called by operationId (with the service when two share one) and parameters are placed by the
// contract. Every step body is `filled`: `{{name}}` (and `{{env.NAME}}`) is replaced in each of its
// string arguments, doc strings and table cells before it runs.

/** A two-column table, headed `| first | second |` or not (cucumber's rows-hash form). */
function pairs(table: DataTable, first: string, second: string): [string, string][] {
  return tableRows(table.raw(), first, second);
}

/** Fails with every mismatch on one line, or passes. */
function expectNone(what: string, mismatches: readonly string[]): void {
  expectTrue(what, mismatches.length === 0, mismatches.join('; '));
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
    for (const [name, value] of pairs(table, 'name', 'value')) addParameter(this.prepared, name, value);
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
  CONTRACT_STEPS.bodyAs,
  filled(function (this: ScenarioWorld, mediaType: string, text: string) {
    this.prepared.body = { kind: 'text', text, mediaType };
  }),
);

Given(
  CONTRACT_STEPS.form,
  filled(function (this: ScenarioWorld, table: DataTable) {
    this.prepared.body = { kind: 'form', fields: formFields(pairs(table, 'name', 'value'), this.featureDir) };
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
    expectNone('response body', rowMismatches(this.lastResponse.body, [[path, expected]]));
  }),
);

Then(
  CONTRACT_STEPS.bodyMatches,
  filled(function (this: ScenarioWorld, table: DataTable) {
    expectNone('response body', rowMismatches(this.lastResponse.body, pairs(table, 'path', 'value')));
  }),
);

Then(
  CONTRACT_STEPS.bodyContains,
  filled(function (this: ScenarioWorld, json: string) {
    const problem = notJson(json);
    if (problem) throw new UsageError(problem.replace('request body', 'expected body'));
    expectNone('response body', containsMismatches(this.lastResponse.body, json));
  }),
);

Then(
  CONTRACT_STEPS.everyItem,
  filled(function (this: ScenarioWorld, path: string, table: DataTable) {
    const rows = pairs(table, 'path', 'value');
    expectNone('response body', everyItemMismatches(this.lastResponse.body, path, rows));
  }),
);

Then(
  CONTRACT_STEPS.responseHeader,
  filled(function (this: ScenarioWorld, name: string, expected: string) {
    const problem = headerMismatch(this.lastResponse.headers, name, expected);
    expectNone('response', problem ? [problem] : []);
  }),
);

When(
  CONTRACT_STEPS.rememberHeader,
  filled(function (this: ScenarioWorld, header: string, name: string) {
    this.rememberResponseHeader(header, name);
  }),
);

When(
  CONTRACT_STEPS.remember,
  filled(function (this: ScenarioWorld, path: string, name: string) {
    this.rememberFromResponse(path, name);
  }),
);
