import {
  Given,
  Note,
  THE_NUMBER,
  Then,
  When,
  expectEqual,
  expectRefusal,
  expectTrue,
  read,
  reportAs,
  withdrawAs,
  type Actor,
  type ApiResponse,
  type ReportCategory,
  type ScenarioWorld,
} from '../../support';

/** The id of the report an actor made last: what "withdraws the report" withdraws. */
const REPORT_ID = new Note<string>('the id of the last report');

/** The actor reports the number; a recorded report's id is noted for the steps that withdraw it. */
async function report(
  world: ScenarioWorld,
  persona: Actor,
  category: string,
  comment?: string,
): Promise<ApiResponse> {
  const response = await reportAs(persona, world.theNumber, category, comment);
  if (response.status === 201) persona.notes.write(REPORT_ID, read.report(response).reportId);
  return response;
}

Given(
  '{persona} has reported the number as {category}',
  async function (this: ScenarioWorld, persona: Actor, category: ReportCategory) {
    expectEqual(`${persona.name}'s report`, (await report(this, persona, category)).status, 201);
  },
);

Given(
  '{persona} has reported the number as {category} with the comment {string}',
  async function (this: ScenarioWorld, persona: Actor, category: ReportCategory, comment: string) {
    expectEqual(`${persona.name}'s report`, (await report(this, persona, category, comment)).status, 201);
  },
);

When(
  '{persona} reports the number as {category}',
  async function (this: ScenarioWorld, persona: Actor, category: ReportCategory) {
    await report(this, persona, category);
  },
);

When(
  '{persona} reports the number as {category} with the comment {string}',
  async function (this: ScenarioWorld, persona: Actor, category: ReportCategory, comment: string) {
    await report(this, persona, category, comment);
  },
);

When(
  '{persona} reports the number as {category} with a comment of {int} characters',
  async function (this: ScenarioWorld, persona: Actor, category: ReportCategory, length: number) {
    await report(this, persona, category, 'x'.repeat(length));
  },
);

When(
  '{persona} reports the number with the category {string}',
  async function (this: ScenarioWorld, persona: Actor, category: string) {
    await report(this, persona, category);
  },
);

When(
  '{persona} reports the text {string} as {category}',
  async function (this: ScenarioWorld, persona: Actor, text: string, category: ReportCategory) {
    await reportAs(persona, text, category);
  },
);

Then('the report is recorded', function (this: ScenarioWorld) {
  const recorded = read.report(this.lastResponse);
  expectTrue('the report has a location', Boolean(this.lastResponse.headers.location));
  if (this.notes.has(THE_NUMBER)) expectEqual('reported number', recorded.number, this.theNumber);
});

Then(
  'the report is refused because {persona} already reported the number',
  function (this: ScenarioWorld, persona: Actor) {
    expectRefusal(persona.lastResponse, 409);
  },
);

/** The actor withdraws the report they made last. */
function withdraw(persona: Actor): Promise<ApiResponse> {
  return withdrawAs(persona, persona.notes.read(REPORT_ID));
}

Given('{persona} has withdrawn the report', async function (this: ScenarioWorld, persona: Actor) {
  expectEqual(`${persona.name} withdrawing the report`, (await withdraw(persona)).status, 204);
});

When('{persona} withdraws the report', async function (this: ScenarioWorld, persona: Actor) {
  await withdraw(persona);
});

Then('the report is withdrawn', function (this: ScenarioWorld) {
  expectEqual('withdrawal status', this.lastResponse.status, 204);
});

Then('{persona} is told there is no such report', function (this: ScenarioWorld, persona: Actor) {
  expectRefusal(persona.lastResponse, 404);
});

When('a caller reads the reports of the number', async function (this: ScenarioWorld) {
  await this.api.listReports(this.theNumber);
});

When(
  'a caller reads the reports of the number, {int} per page, page {int}',
  async function (this: ScenarioWorld, pageSize: number, page: number) {
    await this.api.listReports(this.theNumber, { page, pageSize });
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
