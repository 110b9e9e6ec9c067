import { Given, Then, When } from '@cucumber/cucumber';
import { read } from '../../support/api/caller-id-api';
import { expectRefusal, reportAs } from '../../support/api/tasks';
import type { ScenarioWorld } from '../../support/cucumber/world';
import { expectEqual, expectTrue } from '../../support/expect';
import type { ReportCategory } from '../../support/generated';
import type { ApiResponse } from '../../support/http/client';

/** The report a persona made last, for the steps that withdraw it. */
function rememberReport(world: ScenarioWorld, persona: string, response: ApiResponse): void {
  if (response.status === 201) world.remember(`report by ${persona}`, read.report(response).reportId);
}

async function report(
  world: ScenarioWorld,
  persona: string,
  category: string,
  comment?: string,
): Promise<ApiResponse> {
  const response = await reportAs(world, persona, world.theNumber, category, comment);
  rememberReport(world, persona, response);
  return response;
}

Given(
  '{persona} has reported the number as {category}',
  async function (this: ScenarioWorld, persona: string, category: ReportCategory) {
    expectEqual(`${persona}'s report`, (await report(this, persona, category)).status, 201);
  },
);

Given(
  '{persona} has reported the number as {category} with the comment {string}',
  async function (this: ScenarioWorld, persona: string, category: ReportCategory, comment: string) {
    expectEqual(`${persona}'s report`, (await report(this, persona, category, comment)).status, 201);
  },
);

When(
  '{persona} reports the number as {category}',
  async function (this: ScenarioWorld, persona: string, category: ReportCategory) {
    await report(this, persona, category);
  },
);

When(
  '{persona} reports the number as {category} with the comment {string}',
  async function (this: ScenarioWorld, persona: string, category: ReportCategory, comment: string) {
    await report(this, persona, category, comment);
  },
);

When(
  '{persona} reports the number as {category} with a comment of {int} characters',
  async function (this: ScenarioWorld, persona: string, category: ReportCategory, length: number) {
    await report(this, persona, category, 'x'.repeat(length));
  },
);

When(
  '{persona} reports the number with the category {string}',
  async function (this: ScenarioWorld, persona: string, category: string) {
    await report(this, persona, category);
  },
);

When(
  '{persona} reports the text {string} as {category}',
  async function (this: ScenarioWorld, persona: string, text: string, category: ReportCategory) {
    await reportAs(this, persona, text, category);
  },
);

Then('the report is recorded', function (this: ScenarioWorld) {
  const recorded = read.report(this.lastResponse);
  expectTrue('the report has a location', Boolean(this.lastResponse.headers.location));
  if (this.memoryHas('the number')) expectEqual('reported number', recorded.number, this.theNumber);
});

Then(
  'the report is refused because {persona} already reported the number',
  function (this: ScenarioWorld, _persona: string) {
    expectRefusal(this.lastResponse, 409);
  },
);

async function withdraw(world: ScenarioWorld, persona: string): Promise<ApiResponse> {
  const credentials = await world.cast.credentials(persona);
  return world.api.withdrawReport(
    credentials,
    credentials.username,
    world.recall<string>(`report by ${persona}`),
  );
}

Given('{persona} has withdrawn the report', async function (this: ScenarioWorld, persona: string) {
  expectEqual(`${persona} withdrawing the report`, (await withdraw(this, persona)).status, 204);
});

When('{persona} withdraws the report', async function (this: ScenarioWorld, persona: string) {
  await withdraw(this, persona);
});

Then('the report is withdrawn', function (this: ScenarioWorld) {
  expectEqual('withdrawal status', this.lastResponse.status, 204);
});

Then('{persona} is told there is no such report', function (this: ScenarioWorld, _persona: string) {
  expectRefusal(this.lastResponse, 404);
});

When('a caller reads the reports of the number', async function (this: ScenarioWorld) {
  await this.api.listReports(this.theNumber);
});

When(
  'a caller reads the reports of the number, {int} per page, page {int}',
  async function (this: ScenarioWorld, pageSize: number, page: number) {
    await this.http.send({
      method: 'GET',
      path: `/numbers/${encodeURIComponent(this.theNumber)}/reports`,
      query: { page, pageSize },
    });
  },
);

Then(
  'the page shows {int} of {int} reports, on page {int} of {int}',
  function (this: ScenarioWorld, shown: number, total: number, page: number, pages: number) {
    const result = read.reportPage(this.lastResponse);
    expectEqual('reports on the page', result.items.length, shown);
    expectEqual('reports in all', result.totalItems, total);
    expectEqual('page', result.page, page);
    expectEqual('pages', result.totalPages, pages);
  },
);

Then(
  'the first report is a {category} report saying {string}',
  function (this: ScenarioWorld, category: ReportCategory, comment: string) {
    const [first] = read.reportPage(this.lastResponse).items;
    expectEqual('category of the first report', first?.category, category);
    expectEqual('comment of the first report', first?.comment, comment);
  },
);

Then('no report reveals who made it', function (this: ScenarioWorld) {
  const body = JSON.stringify(this.lastResponse.body);
  for (const persona of this.cast.personas()) {
    const { username } = this.cast.known(persona);
    expectTrue(`the reports do not mention ${persona}'s username`, !body.includes(username), username);
  }
});
