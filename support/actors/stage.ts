import { Actor, type Abilities } from './actor';

/**
 * The actors of one scenario, each created on first mention, and the one in the spotlight: the
 * actor a step named last, whom steps that name nobody ("the web app shows …") are about.
 */
export class Stage {
  private readonly actors = new Map<string, Actor>();
  private spotlight: Actor | undefined;

  constructor(private readonly abilities: Abilities) {}

  /** The actor called `name` — the same one all scenario long — now in the spotlight. */
  actorCalled(name: string): Actor {
    let actor = this.actors.get(name);
    if (!actor) {
      actor = new Actor(name, this.abilities);
      this.actors.set(name, actor);
    }
    this.spotlight = actor;
    return actor;
  }

  /** The actor a step named last. */
  get actorInTheSpotlight(): Actor {
    if (!this.spotlight) {
      throw new Error(
        'no one has been named in this scenario yet: start with a step that names who acts ("Alice signs in to the web app")',
      );
    }
    return this.spotlight;
  }
}
