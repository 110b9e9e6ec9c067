import {
  ReportPage,
  Then,
  When,
  expect,
  type Actor,
  type ReportCategory,
  type ScenarioWorld,
} from '../../support';

const CATEGORY_LABELS: Readonly<Record<ReportCategory, string>> = {
  telemarketing: 'Telemarketing',
  scam: 'Scam',
  fraud: 'Fraud',
  harassment: 'Harassment',
  robocall: 'Robocall',
  other: 'Other',
};

When(
  '{persona} reports the number as {category} in the web app',
  async function (this: ScenarioWorld, persona: Actor, category: ReportCategory) {
    await new ReportPage(await persona.page()).report(this.theNumber, CATEGORY_LABELS[category]);
  },
);

Then('the web app thanks {persona} for the report', async function (this: ScenarioWorld, persona: Actor) {
  await expect(new ReportPage(await persona.page()).status, `confirmation to ${persona.name}`).toHaveText(
    `Thank you. Your report of ${this.theNumber} was recorded.`,
  );
});

Then(
  'the web app says {persona} already reported the number',
  async function (this: ScenarioWorld, persona: Actor) {
    await expect(new ReportPage(await persona.page()).alert, `error message to ${persona.name}`).toHaveText(
      'You have already reported this number.',
    );
  },
);
