import { Then, When } from '@cucumber/cucumber';
import type { ScenarioWorld } from '../../support/cucumber/world';
import { expectTrue } from '../../support/expect';
import {
  mishandled,
  sendHostileInput,
  type HostileCall,
  type HostileInput,
} from '../../support/security/hostile-input';
import {
  callProtectedOperations,
  describeCalls,
  refusesForeignToken,
  unexpected,
  type CredentialsUsed,
  type ProtectedCall,
} from '../../support/security/protected-operations';

// Security checks derived from the contract: the operations are read from specs/openapi.yaml, so
// an operation added there is covered the day it is added.

const PROTECTED = 'calls to the protected operations';
const HOSTILE = 'calls with hostile input';

When(
  "every operation the contract protects is called on {persona}'s account with {credentials}",
  async function (this: ScenarioWorld, owner: string, used: CredentialsUsed) {
    const calls = await callProtectedOperations(this, owner, used);
    this.attach(describeCalls(calls), { mediaType: 'text/plain', fileName: 'Protected operations called' });
    this.remember(PROTECTED, calls);
  },
);

Then('every one of them is refused with {int}', function (this: ScenarioWorld, status: number) {
  const problems = unexpected(this.recall<ProtectedCall[]>(PROTECTED), (call) => call.status === status);
  expectTrue(`every protected operation refused with ${status}`, problems.length === 0, problems.join('; '));
});

Then(
  'every one of them is refused with 403, or 404 where the contract documents no 403',
  function (this: ScenarioWorld) {
    const problems = unexpected(this.recall<ProtectedCall[]>(PROTECTED), refusesForeignToken);
    expectTrue(
      'every protected operation refused the foreign token',
      problems.length === 0,
      problems.join('; '),
    );
  },
);

Then('none of them is refused for its credentials', function (this: ScenarioWorld) {
  const problems = unexpected(
    this.recall<ProtectedCall[]>(PROTECTED),
    (call) => call.status !== 401 && call.status !== 403,
  );
  expectTrue('no protected operation refused the holder', problems.length === 0, problems.join('; '));
});

When(
  'every operation is sent {hostile input} by {persona}',
  async function (this: ScenarioWorld, input: HostileInput, persona: string) {
    const { username, token } = await this.cast.credentials(persona);
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    this.remember(HOSTILE, await sendHostileInput(this.contract, this.http, input, username, headers));
  },
);

Then('every one of them is refused with a problem document', function (this: ScenarioWorld) {
  const problems = mishandled(this.recall<HostileCall[]>(HOSTILE), true);
  expectTrue(
    'every hostile request refused with a problem document',
    problems.length === 0,
    problems.join('; '),
  );
});

Then(
  'none of them fails with a server error, and every refusal is a problem document',
  function (this: ScenarioWorld) {
    const problems = mishandled(this.recall<HostileCall[]>(HOSTILE), false);
    expectTrue(
      'no server error, every refusal a problem document',
      problems.length === 0,
      problems.join('; '),
    );
  },
);
