import {
  Given,
  Note,
  Then,
  When,
  expectEqual,
  expectRefusal,
  expectTrue,
  read,
  type Actor,
  type ScenarioWorld,
} from '../../support';

/** The username of the account a step just asked to create. */
const NEW_USERNAME = new Note<string>('the new username');

Given('{persona} has an account', async function (this: ScenarioWorld, persona: Actor) {
  await persona.account();
});

Given('{persona} is signed in', async function (this: ScenarioWorld, persona: Actor) {
  await persona.signedIn();
});

When('{persona} creates an account', async function (this: ScenarioWorld, persona: Actor) {
  const account = persona.draftAccount();
  await persona.calls((api) =>
    api.registerUser({ username: account.username, password: account.password, displayName: persona.name }),
  );
  this.notes.write(NEW_USERNAME, account.username);
});

When(
  "someone else creates an account with {persona}'s username",
  async function (this: ScenarioWorld, persona: Actor) {
    const taken = persona.knownAccount().username;
    await this.api.registerUser({ username: taken, password: this.cast.draft('someone').password });
  },
);

When(
  '{persona} creates an account with a password of {int} characters',
  async function (this: ScenarioWorld, persona: Actor, length: number) {
    const account = persona.draftAccount();
    await persona.calls((api) =>
      api.registerUser({ username: account.username, password: 'x'.repeat(length) }),
    );
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
    this.notes.read(NEW_USERNAME),
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

When('{persona} signs in with the right password', async function (this: ScenarioWorld, persona: Actor) {
  const { username, password } = persona.knownAccount();
  const response = await persona.calls((api) => api.issueToken({ username, password }));
  if (response.status === 200) this.cast.secret(read.token(response).accessToken);
});

When('{persona} signs in with a wrong password', async function (this: ScenarioWorld, persona: Actor) {
  const { username } = persona.knownAccount();
  await persona.calls((api) => api.issueToken({ username, password: persona.draftAccount().password }));
});

When('{persona} signs in without having an account', async function (this: ScenarioWorld, persona: Actor) {
  const { username, password } = persona.draftAccount();
  await persona.calls((api) => api.issueToken({ username, password }));
});

Then(
  '{persona} receives an access token valid for {int} hour(s)',
  function (this: ScenarioWorld, persona: Actor, hours: number) {
    const token = read.token(persona.lastResponse);
    expectEqual('token type', token.tokenType, 'Bearer');
    expectEqual('token lifetime in seconds', token.expiresIn, hours * 3600);
    expectEqual('token owner', token.username, persona.knownAccount().username);
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
