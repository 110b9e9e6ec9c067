import {
  Note,
  Then,
  When,
  callProtectedOperations,
  describeCalls,
  expectEveryCall,
  expectHandled,
  refusesForeignToken,
  sendHostileInput,
  type Actor,
  type CredentialsUsed,
  type HostileCall,
  type HostileInput,
  type ProtectedCall,
  type ScenarioWorld,
} from '../../support';

// Security checks derived from the contract: the operations are read from specs/openapi.yaml, so
// an operation added there is covered the day it is added.

const PROTECTED = new Note<ProtectedCall[]>('the calls to the protected operations');
const HOSTILE = new Note<HostileCall[]>('the calls with hostile input');

When(
  "every operation the contract protects is called on {persona}'s account with {credentials}",
  async function (this: ScenarioWorld, owner: Actor, used: CredentialsUsed) {
    const calls = await callProtectedOperations(this, owner.name, used);
    this.attach(describeCalls(calls), { mediaType: 'text/plain', fileName: 'Protected operations called' });
    this.notes.write(PROTECTED, calls);
  },
);

Then('every one of them is refused with {int}', function (this: ScenarioWorld, status: number) {
  expectEveryCall(
    this.notes.read(PROTECTED),
    (call) => call.status === status,
    `every protected operation refused with ${status}`,
  );
});

Then(
  'every one of them is refused with 403, or 404 where the contract documents no 403',
  function (this: ScenarioWorld) {
    expectEveryCall(
      this.notes.read(PROTECTED),
      refusesForeignToken,
      'every protected operation refused the foreign token',
    );
  },
);

Then('none of them is refused for its credentials', function (this: ScenarioWorld) {
  expectEveryCall(
    this.notes.read(PROTECTED),
    (call) => call.status !== 401 && call.status !== 403,
    'no protected operation refused the holder',
  );
});

When(
  'every operation is sent {hostile input} by {persona}',
  async function (this: ScenarioWorld, input: HostileInput, persona: Actor) {
    this.notes.write(HOSTILE, await sendHostileInput(this, input, persona.name));
  },
);

Then('every one of them is refused with a problem document', function (this: ScenarioWorld) {
  expectHandled(this.notes.read(HOSTILE), { refused: true });
});

Then(
  'none of them fails with a server error, and every refusal is a problem document',
  function (this: ScenarioWorld) {
    expectHandled(this.notes.read(HOSTILE), { refused: false });
  },
);
