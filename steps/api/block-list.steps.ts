import { Given, Then, When } from '@cucumber/cucumber';
import { read } from '../../support/api/caller-id-api';
import { blockFreshNumbers, blockList, expectRefusal } from '../../support/api/tasks';
import type { ScenarioWorld } from '../../support/cucumber/world';
import { expectEqual } from '../../support/expect';

async function block(world: ScenarioWorld, persona: string, label?: string): Promise<number> {
  const credentials = await world.cast.credentials(persona);
  const response = await world.api.block(credentials, credentials.username, {
    number: world.theNumber,
    ...(label === undefined ? {} : { label }),
  });
  return response.status;
}

Given(
  '{persona} has blocked {int} numbers',
  async function (this: ScenarioWorld, persona: string, count: number) {
    this.remember('blocked numbers', await blockFreshNumbers(this, persona, count));
  },
);

Given('{persona} has blocked the number', async function (this: ScenarioWorld, persona: string) {
  expectEqual(`${persona} blocking ${this.theNumber}`, await block(this, persona), 201);
});

When('{persona} blocks the number', async function (this: ScenarioWorld, persona: string) {
  await block(this, persona);
});

When(
  '{persona} blocks the number with the label {string}',
  async function (this: ScenarioWorld, persona: string, label: string) {
    await block(this, persona, label);
  },
);

Then('the number is blocked', function (this: ScenarioWorld) {
  expectEqual('blocked number', (this.lastResponse.body as { number?: string }).number, this.theNumber);
  expectEqual('block status', this.lastResponse.status, 201);
});

Then(
  "{persona}'s block list shows the number labelled {string}",
  async function (this: ScenarioWorld, persona: string, label: string) {
    const entry = (await blockList(this, persona)).find((item) => item.number === this.theNumber);
    expectEqual(`label of ${this.theNumber} on ${persona}'s block list`, entry?.label, label);
  },
);

Then(
  "{persona}'s block list shows the number without a label",
  async function (this: ScenarioWorld, persona: string) {
    const entry = (await blockList(this, persona)).find((item) => item.number === this.theNumber);
    expectEqual(`label of ${this.theNumber} on ${persona}'s block list`, entry?.label, null);
  },
);

Then(
  "{persona}'s block list holds {int} numbers, the number first",
  async function (this: ScenarioWorld, persona: string, count: number) {
    const items = await blockList(this, persona);
    expectEqual(`size of ${persona}'s block list`, items.length, count);
    expectEqual(`first number on ${persona}'s block list`, items[0]?.number, this.theNumber);
  },
);

When('{persona} unblocks the number', async function (this: ScenarioWorld, persona: string) {
  const credentials = await this.cast.credentials(persona);
  await this.api.unblock(credentials, credentials.username, this.theNumber);
});

Then('the number is unblocked', function (this: ScenarioWorld) {
  expectEqual('unblock status', this.lastResponse.status, 204);
});

Then("{persona}'s block list is empty", async function (this: ScenarioWorld, persona: string) {
  const credentials = await this.cast.credentials(persona);
  const list = read.blockList(await this.api.listBlocked(credentials, credentials.username));
  expectEqual(`${persona}'s block list`, list.items, []);
  expectEqual(`size of ${persona}'s block list`, list.total, 0);
});

Then('the block is refused because the number is already blocked', function (this: ScenarioWorld) {
  expectRefusal(this.lastResponse, 409);
});

Then(
  '{persona} is told the number is not on the block list',
  function (this: ScenarioWorld, _persona: string) {
    expectRefusal(this.lastResponse, 404);
  },
);
