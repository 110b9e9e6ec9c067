import {
  Given,
  Then,
  When,
  blockAs,
  blockFreshNumbers,
  blockList,
  clearBlockList,
  expectEqual,
  expectRefusal,
  read,
  unblockAs,
  type Actor,
  type ScenarioWorld,
} from '../../support';

Given('{persona} starts with an empty block list', async function (this: ScenarioWorld, persona: Actor) {
  await clearBlockList(persona);
});

Given(
  '{persona} has blocked {int} numbers',
  async function (this: ScenarioWorld, persona: Actor, count: number) {
    await blockFreshNumbers(persona, this.isolation, count);
  },
);

Given('{persona} has blocked the number', async function (this: ScenarioWorld, persona: Actor) {
  const response = await blockAs(persona, this.theNumber);
  expectEqual(`${persona.name} blocking ${this.theNumber}`, response.status, 201);
});

When('{persona} blocks the number', async function (this: ScenarioWorld, persona: Actor) {
  await blockAs(persona, this.theNumber);
});

When(
  '{persona} blocks the number with the label {string}',
  async function (this: ScenarioWorld, persona: Actor, label: string) {
    await blockAs(persona, this.theNumber, label);
  },
);

Then('the number is blocked', function (this: ScenarioWorld) {
  expectEqual('blocked number', (this.lastResponse.body as { number?: string }).number, this.theNumber);
  expectEqual('block status', this.lastResponse.status, 201);
});

Then(
  "{persona}'s block list shows the number labelled {string}",
  async function (this: ScenarioWorld, persona: Actor, label: string) {
    const entry = (await blockList(persona)).find((item) => item.number === this.theNumber);
    expectEqual(`label of ${this.theNumber} on ${persona.name}'s block list`, entry?.label, label);
  },
);

Then(
  "{persona}'s block list shows the number without a label",
  async function (this: ScenarioWorld, persona: Actor) {
    const entry = (await blockList(persona)).find((item) => item.number === this.theNumber);
    expectEqual(`label of ${this.theNumber} on ${persona.name}'s block list`, entry?.label, null);
  },
);

Then(
  "{persona}'s block list holds {int} numbers, the number first",
  async function (this: ScenarioWorld, persona: Actor, count: number) {
    const items = await blockList(persona);
    expectEqual(`size of ${persona.name}'s block list`, items.length, count);
    expectEqual(`first number on ${persona.name}'s block list`, items[0]?.number, this.theNumber);
  },
);

When('{persona} unblocks the number', async function (this: ScenarioWorld, persona: Actor) {
  await unblockAs(persona, this.theNumber);
});

Then('the number is unblocked', function (this: ScenarioWorld) {
  expectEqual('unblock status', this.lastResponse.status, 204);
});

Then("{persona}'s block list is empty", async function (this: ScenarioWorld, persona: Actor) {
  const me = await persona.signedIn();
  const list = read.blockList(await persona.calls((api) => api.listBlocked(me, me.username)));
  expectEqual(`${persona.name}'s block list`, list.items, []);
  expectEqual(`size of ${persona.name}'s block list`, list.total, 0);
});

Then('the block is refused because the number is already blocked', function (this: ScenarioWorld) {
  expectRefusal(this.lastResponse, 409);
});

Then('{persona} is told the number is not on the block list', function (this: ScenarioWorld, persona: Actor) {
  expectRefusal(persona.lastResponse, 404);
});
