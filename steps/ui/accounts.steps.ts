import { Given, SignInPage, Then, When, expect, type Actor, type ScenarioWorld } from '../../support';

/** The actor signs in on their own page. */
async function signIn(persona: Actor): Promise<SignInPage> {
  const { username, password } = await persona.account();
  const page = new SignInPage(await persona.page());
  await page.signIn(username, password);
  return page;
}

Given('{persona} is signed in to the web app', async function (this: ScenarioWorld, persona: Actor) {
  const page = await signIn(persona);
  await expect(page.signedInAs(persona.knownAccount().username), `${persona.name} signed in`).toBeVisible();
});

When('{persona} signs in to the web app', async function (this: ScenarioWorld, persona: Actor) {
  await signIn(persona);
});

When(
  '{persona} signs in to the web app with a wrong password',
  async function (this: ScenarioWorld, persona: Actor) {
    const { username } = persona.knownAccount();
    await new SignInPage(await persona.page()).signIn(username, persona.draftAccount().password);
  },
);

When('{persona} creates an account in the web app', async function (this: ScenarioWorld, persona: Actor) {
  const account = persona.draftAccount();
  await new SignInPage(await persona.page()).createAccount(account.username, account.password, persona.name);
  persona.adopt(account);
});

Then('the web app shows {persona} as signed in', async function (this: ScenarioWorld, persona: Actor) {
  const page = new SignInPage(await persona.page());
  await expect(
    page.signedInAs(persona.knownAccount().username),
    `"Signed in as" ${persona.name}`,
  ).toBeVisible();
});

Then('the web app says the username or password is wrong', async function (this: ScenarioWorld) {
  await expect(new SignInPage(await this.page()).alert, 'error message').toHaveText(
    'Wrong username or password.',
  );
});

Then('the web app shows nobody signed in', async function (this: ScenarioWorld) {
  await expect(new SignInPage(await this.page()).signInLink, 'the "Sign in" link').toBeVisible();
});
