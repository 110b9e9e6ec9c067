import { ScenarioDefect } from '../errors';

/**
 * Typed scenario memory, after Serenity/JS's Notepad: a note is declared once, with the type of
 * what it holds (`new Note<string>('the number')`), and written and read through that declaration.
 * No step builds a key by hand, and what a step reads has the type another step wrote.
 */
export class Note<T> {
  /** Only a brand for the type: a note holds no value itself. */
  declare private readonly holds: T;

  /** `subject` names the note in errors: "Nothing was remembered as the number …". */
  constructor(readonly subject: string) {}
}

/** What one scenario — or one actor in it — has noted down, each value under its declared note. */
export class Notepad {
  private readonly notes = new Map<Note<unknown>, unknown>();

  /** `owner` names whose notes these are in errors: "this scenario", "Alice". */
  constructor(private readonly owner = 'this scenario') {}

  write<T>(note: Note<T>, value: T): void {
    this.notes.set(note, value);
  }

  has(note: Note<unknown>): boolean {
    return this.notes.has(note);
  }

  /** The value written under `note`; an error naming what was noted when nothing was. */
  read<T>(note: Note<T>): T {
    if (!this.notes.has(note)) {
      const known = [...this.notes.keys()].map((each) => `"${each.subject}"`).join(', ') || 'nothing yet';
      throw new ScenarioDefect(
        `Nothing was remembered as "${note.subject}" by ${this.owner} (remembered: ${known})`,
      );
    }
    return this.notes.get(note) as T;
  }
}
