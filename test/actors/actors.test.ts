import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright';
import type { Abilities } from '../../support/actors/actor';
import { Stage } from '../../support/actors/stage';
import type { CallerIdApi } from '../../support/api/caller-id-api';
import type { Cast } from '../../support/api/cast';
import type { ApiResponse } from '../../support/http/client';

/** Abilities that record who asked for a page and hand each actor a page of its own. */
function abilities(): Abilities & { pagesOpened: string[] } {
  const pagesOpened: string[] = [];
  return {
    pagesOpened,
    cast: {} as Cast,
    api: {} as CallerIdApi,
    browse: (actor) => {
      pagesOpened.push(actor.name);
      return Promise.resolve({ owner: actor.name } as unknown as Page);
    },
  };
}

const response = (status: number): ApiResponse => ({ status }) as ApiResponse;

describe('the actors of a scenario', () => {
  it('are the same actor each time a name comes back, the last named in the spotlight', () => {
    const stage = new Stage(abilities());
    const alice = stage.actorCalled('Alice');
    const bob = stage.actorCalled('Bob');
    assert.equal(stage.actorCalled('Alice'), alice);
    assert.equal(stage.actorInTheSpotlight, alice);
    stage.actorCalled('Bob');
    assert.equal(stage.actorInTheSpotlight, bob);
  });

  it('have no spotlight before anyone is named, and say how to name someone', () => {
    assert.throws(() => new Stage(abilities()).actorInTheSpotlight, /no one has been named/);
  });

  it('each remember what the API told them, not what it told the last caller', async () => {
    const stage = new Stage(abilities());
    const alice = stage.actorCalled('Alice');
    const bob = stage.actorCalled('Bob');
    await bob.calls(() => Promise.resolve(response(404)));
    await alice.calls(() => Promise.resolve(response(204)));
    assert.equal(bob.lastResponse.status, 404);
    assert.equal(alice.lastResponse.status, 204);
    assert.throws(() => stage.actorCalled('Carol').lastResponse, /Carol has made no API call/);
  });

  it('each browse on a page of their own, and keep notes of their own', async () => {
    const granted = abilities();
    const stage = new Stage(granted);
    const alice = stage.actorCalled('Alice');
    const bob = stage.actorCalled('Bob');
    assert.deepEqual(await alice.page(), { owner: 'Alice' });
    assert.deepEqual(await bob.page(), { owner: 'Bob' });
    assert.deepEqual(granted.pagesOpened, ['Alice', 'Bob']);
    assert.notEqual(alice.notes, bob.notes);
  });
});
