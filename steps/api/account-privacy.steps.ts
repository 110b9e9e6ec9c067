import { Then, When } from '@cucumber/cucumber';
import { attemptAccountAction, type AccountAction } from '../../support/api/account-actions';
import { expectRefusal } from '../../support/api/tasks';
import type { ScenarioWorld } from '../../support/cucumber/world';
import { expectTrue } from '../../support/expect';

When(
  'someone who is not signed in tries to {account action} for {persona}',
  async function (this: ScenarioWorld, action: AccountAction, owner: string) {
    await attemptAccountAction(this, action, owner, {});
  },
);

When(
  'someone with a made-up token tries to {account action} for {persona}',
  async function (this: ScenarioWorld, action: AccountAction, owner: string) {
    await attemptAccountAction(this, action, owner, { token: this.isolation.password() });
  },
);

When(
  '{persona} tries to {account action} for {persona}',
  async function (this: ScenarioWorld, intruder: string, action: AccountAction, owner: string) {
    await attemptAccountAction(this, action, owner, await this.cast.credentials(intruder));
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
  function (this: ScenarioWorld, _persona: string) {
    expectRefusal(this.lastResponse, 403);
  },
);
