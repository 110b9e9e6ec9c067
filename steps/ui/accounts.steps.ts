import { Given, Then, When } from '@cucumber/cucumber';
import type { ScenarioWorld } from '../../support/cucumber/world';
import { SignInPage } from '../../support/ui/sign-in-page';
import { expect } from '../../support/ui/web-app';

async function signIn(world: ScenarioWorld, persona: string): Promise<void> {
  const { username, password } = await world.cast.account(persona);
  await new SignInPage(await world.page()).signIn(username, password);
}

Given('{persona} is signed in to the web app', async function (this: ScenarioWorld, persona: string) {
  await signIn(this, persona);
  const page = new SignInPage(await this.page());
  await expect(page.signedInAs(this.cast.known(persona).username), `${persona} signed in`).toBeVisible();
});

When('{persona} signs in to the web app', async function (this: ScenarioWorld, persona: string) {
  await signIn(this, persona);
});

When(
  '{persona} signs in to the web app with a wrong password',
  async function (this: ScenarioWorld, persona: string) {
    const { username } = this.cast.known(persona);
    await new SignInPage(await this.page()).signIn(username, this.cast.draft(persona).password);
  },
);

When('{persona} creates an account in the web app', async function (this: ScenarioWorld, persona: string) {
  const account = this.cast.draft(persona);
  await new SignInPage(await this.page()).createAccount(account.username, account.password, persona);
  this.cast.adopt(account);
});

Then('the web app shows {persona} as signed in', async function (this: ScenarioWorld, persona: string) {
  const page = new SignInPage(await this.page());
  await expect(page.signedInAs(this.cast.known(persona).username), `"Signed in as" ${persona}`).toBeVisible();
});

Then('the web app says the username or password is wrong', async function (this: ScenarioWorld) {
  await expect(new SignInPage(await this.page()).alert, 'error message').toHaveText(
    'Wrong username or password.',
  );
});

Then('the web app shows nobody signed in', async function (this: ScenarioWorld) {
  await expect(new SignInPage(await this.page()).signInLink, 'the "Sign in" link').toBeVisible();
});
