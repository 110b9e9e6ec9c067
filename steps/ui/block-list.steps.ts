import { BlockListPage, Then, When, expect, type Actor, type ScenarioWorld } from '../../support';

When(
  '{persona} blocks the number in the web app with the label {string}',
  async function (this: ScenarioWorld, persona: Actor, label: string) {
    const blockList = new BlockListPage(await persona.page());
    await blockList.open();
    await blockList.block(this.theNumber, label);
    await expect(blockList.status, 'confirmation').toHaveText(`${this.theNumber} is now blocked.`);
  },
);

Then(
  'the web app lists the number as blocked, labelled {string}',
  async function (this: ScenarioWorld, label: string) {
    const entry = new BlockListPage(await this.page()).entry(this.theNumber);
    await expect(entry, `${this.theNumber} on the block list`).toHaveCount(1);
    await expect(entry, `label of ${this.theNumber}`).toContainText(label);
  },
);

When('{persona} unblocks the number in the web app', async function (this: ScenarioWorld, persona: Actor) {
  const blockList = new BlockListPage(await persona.page());
  await blockList.unblock(this.theNumber);
  await expect(blockList.status, 'confirmation').toHaveText(`${this.theNumber} was unblocked.`);
});

Then('the web app shows an empty block list', async function (this: ScenarioWorld) {
  const blockList = new BlockListPage(await this.page());
  await expect(blockList.entries, 'blocked numbers').toHaveCount(0);
  await expect(blockList.emptyMessage, 'empty block list message').toBeVisible();
});
