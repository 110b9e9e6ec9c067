import { Then, When } from '@cucumber/cucumber';
import type { ScenarioWorld } from '../../support/cucumber/world';
import type { ReportCategory } from '../../support/generated';
import { ReportPage } from '../../support/ui/report-page';
import { expect } from '../../support/ui/web-app';

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
  async function (this: ScenarioWorld, _persona: string, category: ReportCategory) {
    await new ReportPage(await this.page()).report(this.theNumber, CATEGORY_LABELS[category]);
  },
);

Then('the web app thanks {persona} for the report', async function (this: ScenarioWorld, _persona: string) {
  await expect(new ReportPage(await this.page()).status, 'confirmation').toHaveText(
    `Thank you. Your report of ${this.theNumber} was recorded.`,
  );
});

Then(
  'the web app says {persona} already reported the number',
  async function (this: ScenarioWorld, _persona: string) {
    await expect(new ReportPage(await this.page()).alert, 'error message').toHaveText(
      'You have already reported this number.',
    );
  },
);
