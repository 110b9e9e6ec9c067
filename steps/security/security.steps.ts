import { Then, When } from '@cucumber/cucumber';
import type { ScenarioWorld } from '../../support/cucumber/world';
import {
  expectHandled,
  sendHostileInput,
  type HostileCall,
  type HostileInput,
} from '../../support/security/hostile-input';
import {
  callProtectedOperations,
  describeCalls,
  expectEveryCall,
  refusesForeignToken,
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
  expectEveryCall(
    this.recall<ProtectedCall[]>(PROTECTED),
    (call) => call.status === status,
    `every protected operation refused with ${status}`,
  );
});

Then(
  'every one of them is refused with 403, or 404 where the contract documents no 403',
  function (this: ScenarioWorld) {
    expectEveryCall(
      this.recall<ProtectedCall[]>(PROTECTED),
      refusesForeignToken,
      'every protected operation refused the foreign token',
    );
  },
);

Then('none of them is refused for its credentials', function (this: ScenarioWorld) {
  expectEveryCall(
    this.recall<ProtectedCall[]>(PROTECTED),
    (call) => call.status !== 401 && call.status !== 403,
    'no protected operation refused the holder',
  );
});

When(
  'every operation is sent {hostile input} by {persona}',
  async function (this: ScenarioWorld, input: HostileInput, persona: string) {
    this.remember(HOSTILE, await sendHostileInput(this, input, persona));
  },
);

Then('every one of them is refused with a problem document', function (this: ScenarioWorld) {
  expectHandled(this.recall<HostileCall[]>(HOSTILE), { refused: true });
});

Then(
  'none of them fails with a server error, and every refusal is a problem document',
  function (this: ScenarioWorld) {
    expectHandled(this.recall<HostileCall[]>(HOSTILE), { refused: false });
  },
);
