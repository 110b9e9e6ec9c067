import {
  LookupPage,
  Then,
  When,
  expect,
  type Actor,
  type ScenarioWorld,
  type SpamLevel,
} from '../../support';

/** Someone who uses the web app without signing in: an actor of their own, with their own page. */
const A_VISITOR = 'a visitor';

async function lookUp(actor: Actor, number: string): Promise<void> {
  const lookup = new LookupPage(await actor.page());
  await lookup.open();
  await lookup.lookUp(number);
}

When('a visitor looks up {phone} in the web app', async function (this: ScenarioWorld, number: string) {
  await lookUp(this.actorCalled(A_VISITOR), number);
});

When('a visitor looks up the number in the web app', async function (this: ScenarioWorld) {
  await lookUp(this.actorCalled(A_VISITOR), this.theNumber);
});

When('{persona} looks up the number in the web app', async function (this: ScenarioWorld, persona: Actor) {
  await lookUp(persona, this.theNumber);
});

When(
  'a visitor looks up the text {string} in the web app',
  async function (this: ScenarioWorld, text: string) {
    await lookUp(this.actorCalled(A_VISITOR), text);
  },
);

Then(
  'the result card shows the spam level {spam level}',
  async function (this: ScenarioWorld, level: SpamLevel) {
    await expect(new LookupPage(await this.page()).spamLevel, 'spam level on the result card').toHaveText(
      LookupPage.levelLabel(level),
    );
  },
);

Then('the result card shows {int} report(s)', async function (this: ScenarioWorld, count: number) {
  await expect(new LookupPage(await this.page()).reportCount, 'report count on the result card').toHaveText(
    String(count),
  );
});

Then('the result card warns about fraud', async function (this: ScenarioWorld) {
  await expect(
    new LookupPage(await this.page()).fraudWarning,
    'fraud warning on the result card',
  ).toBeVisible();
});

Then(
  'the result card names {string} as a verified business',
  async function (this: ScenarioWorld, name: string) {
    const lookup = new LookupPage(await this.page());
    await expect(lookup.callerName, 'caller name on the result card').toHaveText(name);
    await expect(lookup.callerType, 'caller type on the result card').toHaveText('Business');
    await expect(lookup.verification, 'verification on the result card').toHaveText('Verified business');
  },
);

Then(
  'the web app explains that the number must be in international format',
  async function (this: ScenarioWorld) {
    await expect(new LookupPage(await this.page()).alert, 'error message').toContainText('E.164');
  },
);

When(
  '{persona} blocks the number from the result card',
  async function (this: ScenarioWorld, persona: Actor) {
    const lookup = new LookupPage(await persona.page());
    await lookup.blockFromResult();
    await expect(lookup.status, 'confirmation').toContainText(`${this.theNumber} is now blocked.`);
  },
);
