import {
  CATEGORY_WORDS,
  CallerKind,
  Given,
  Note,
  Then,
  When,
  expectEqual,
  expectRefusal,
  freshNumberReported,
  lookUpWord,
  read,
  reportByStrangers,
  type DataTable,
  type ReportCategory,
  type ScenarioWorld,
  type SpamLevel,
} from '../../support';

/** The report count a caller saw before more reports came in. */
const REPORT_COUNT_BEFORE = new Note<number>('the report count before');

Given('a number nobody has reported', function (this: ScenarioWorld) {
  this.theNumber = this.isolation.freshNumber();
});

Given(
  'a number that has been reported {int} time(s) as {category}',
  async function (this: ScenarioWorld, times: number, category: ReportCategory) {
    this.theNumber = await freshNumberReported(this, [[category, times]]);
  },
);

Given('a number with these reports:', async function (this: ScenarioWorld, table: DataTable) {
  const reports = table
    .hashes()
    .map(
      (row) =>
        [lookUpWord(CATEGORY_WORDS, row.category ?? '', 'report category'), Number(row.reports)] as const,
    );
  this.theNumber = await freshNumberReported(this, reports);
});

When('a caller looks up {phone}', async function (this: ScenarioWorld, number: string) {
  await this.api.lookUp(number);
});

When('a caller looks up the number', async function (this: ScenarioWorld) {
  await this.api.lookUp(this.theNumber);
});

When('a caller looks up the text {string}', async function (this: ScenarioWorld, text: string) {
  await this.api.lookUp(text);
});

Given('a caller has looked up {phone}', async function (this: ScenarioWorld, number: string) {
  this.notes.write(REPORT_COUNT_BEFORE, read.lookup(await this.api.lookUp(number)).reportCount);
});

When(
  '{int} more people report {phone} as {category}',
  async function (this: ScenarioWorld, times: number, number: string, category: ReportCategory) {
    await reportByStrangers(this, number, [[category, times]]);
  },
);

Then('the spam level is {spam level}', function (this: ScenarioWorld, level: SpamLevel) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(`spam level of ${lookup.number}`, lookup.spamLevel, level);
});

Then('the report count is {int}', function (this: ScenarioWorld, count: number) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(`report count of ${lookup.number}`, lookup.reportCount, count);
});

Then('the report count went up by {int}', function (this: ScenarioWorld, more: number) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(
    `report count of ${lookup.number}`,
    lookup.reportCount,
    this.notes.read(REPORT_COUNT_BEFORE) + more,
  );
});

Then(
  /^the caller is identified as the (verified|unverified) business "([^"]*)"$/,
  function (this: ScenarioWorld, verification: string, name: string) {
    const lookup = read.lookup(this.lastResponse);
    expectEqual(`kind of ${lookup.number}`, lookup.kind, CallerKind.Business);
    expectEqual(`name of ${lookup.number}`, lookup.displayName, name);
    expectEqual(`business name of ${lookup.number}`, lookup.business?.name, name);
    expectEqual(`verification of ${lookup.number}`, lookup.business?.verified, verification === 'verified');
  },
);

Then('the caller is identified as the person {string}', function (this: ScenarioWorld, name: string) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(`kind of ${lookup.number}`, lookup.kind, CallerKind.Personal);
  expectEqual(`name of ${lookup.number}`, lookup.displayName, name);
  expectEqual(`business details of ${lookup.number}`, lookup.business, undefined);
});

Then('the caller is unknown', function (this: ScenarioWorld) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(`kind of ${lookup.number}`, lookup.kind, CallerKind.Unknown);
  expectEqual(`name of ${lookup.number}`, lookup.displayName, null);
});

Then('the number has never been reported', function (this: ScenarioWorld) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(`report count of ${lookup.number}`, lookup.reportCount, 0);
  expectEqual(`report categories of ${lookup.number}`, lookup.categories, []);
  expectEqual(`last report of ${lookup.number}`, lookup.lastReportedAt, null);
});

Then('the most reported category is {category}', function (this: ScenarioWorld, category: ReportCategory) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(`most reported category of ${lookup.number}`, lookup.categories[0]?.category, category);
});

Then(
  'the lookup is refused because the number is not in international format',
  function (this: ScenarioWorld) {
    expectRefusal(this.lastResponse, 400, 'number');
  },
);
