import {
  Then,
  When,
  attemptAccountAction,
  expectRefusal,
  expectTrue,
  type AccountAction,
  type Actor,
  type ScenarioWorld,
} from '../../support';

When(
  'someone who is not signed in tries to {account action} for {persona}',
  async function (this: ScenarioWorld, action: AccountAction, owner: Actor) {
    await attemptAccountAction(this, action, owner, {});
  },
);

When(
  'someone with a made-up token tries to {account action} for {persona}',
  async function (this: ScenarioWorld, action: AccountAction, owner: Actor) {
    await attemptAccountAction(this, action, owner, { token: this.isolation.password() });
  },
);

When(
  '{persona} tries to {account action} for {persona}',
  async function (this: ScenarioWorld, intruder: Actor, action: AccountAction, owner: Actor) {
    const credentials = await intruder.signedIn();
    await intruder.calls(() => attemptAccountAction(this, action, owner, credentials));
  },
);

Then('the request is refused until they sign in', function (this: ScenarioWorld) {
  expectRefusal(this.lastResponse, 401);
  expectTrue(
    'the refusal says how to authenticate (WWW-Authenticate)',
    /^Bearer/i.test(this.lastResponse.headers['www-authenticate'] ?? ''),
  );
});

Then(
  '{persona} is refused because it is not his/her/their account',
  function (this: ScenarioWorld, intruder: Actor) {
    expectRefusal(intruder.lastResponse, 403);
  },
);
