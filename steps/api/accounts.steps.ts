import { Given, Then, When } from '@cucumber/cucumber';
import { read } from '../../support/api/caller-id-api';
import { expectRefusal } from '../../support/api/tasks';
import { expectEqual, expectTrue } from '../../support/expect';
import type { ScenarioWorld } from '../../support/cucumber/world';

Given('{persona} has an account', async function (this: ScenarioWorld, persona: string) {
  await this.cast.account(persona);
});

Given('{persona} is signed in', async function (this: ScenarioWorld, persona: string) {
  await this.cast.credentials(persona);
});

When('{persona} creates an account', async function (this: ScenarioWorld, persona: string) {
  const account = this.cast.draft(persona);
  await this.api.registerUser({
    username: account.username,
    password: account.password,
    displayName: persona,
  });
  this.remember('new username', account.username);
});

When(
  "someone else creates an account with {persona}'s username",
  async function (this: ScenarioWorld, persona: string) {
    const taken = this.cast.known(persona).username;
    await this.api.registerUser({ username: taken, password: this.cast.draft('someone').password });
  },
);

When(
  '{persona} creates an account with a password of {int} characters',
  async function (this: ScenarioWorld, persona: string, length: number) {
    const account = this.cast.draft(persona);
    await this.api.registerUser({ username: account.username, password: 'x'.repeat(length) });
  },
);

When('someone creates an account named {string}', async function (this: ScenarioWorld, username: string) {
  await this.api.registerUser({ username, password: this.cast.draft('someone').password });
});

Then('the account is created', function (this: ScenarioWorld) {
  expectEqual('account creation status', this.lastResponse.status, 201);
  expectEqual(
    'created username',
    (this.lastResponse.body as { username?: string }).username,
    this.recall('new username'),
  );
});

Then('the account is refused because the username is taken', function (this: ScenarioWorld) {
  expectRefusal(this.lastResponse, 409);
});

Then(
  'the {word} is refused because its {word} is invalid',
  function (this: ScenarioWorld, _what: string, field: string) {
    expectRefusal(this.lastResponse, 400, field);
  },
);

When('{persona} signs in with the right password', async function (this: ScenarioWorld, persona: string) {
  const { username, password } = this.cast.known(persona);
  const response = await this.api.issueToken({ username, password });
  if (response.status === 200) this.cast.secret(read.token(response).accessToken);
});

When('{persona} signs in with a wrong password', async function (this: ScenarioWorld, persona: string) {
  const { username } = this.cast.known(persona);
  await this.api.issueToken({ username, password: this.cast.draft(persona).password });
});

When('{persona} signs in without having an account', async function (this: ScenarioWorld, persona: string) {
  const { username, password } = this.cast.draft(persona);
  await this.api.issueToken({ username, password });
});

Then(
  '{persona} receives an access token valid for {int} hour(s)',
  function (this: ScenarioWorld, persona: string, hours: number) {
    const token = read.token(this.lastResponse);
    expectEqual('token type', token.tokenType, 'Bearer');
    expectEqual('token lifetime in seconds', token.expiresIn, hours * 3600);
    expectEqual('token owner', token.username, this.cast.known(persona).username);
  },
);

Then('the sign-in is refused without saying what was wrong', function (this: ScenarioWorld) {
  expectRefusal(this.lastResponse, 401);
  const detail = read.problem(this.lastResponse).detail ?? '';
  expectTrue(
    'the refusal does not say which part was wrong',
    !/unknown user|no such user|wrong password/i.test(detail),
    detail,
  );
});
