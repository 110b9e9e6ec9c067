import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Note, Notepad } from '../../support/actors/notes';

describe('typed notes', () => {
  const THE_NUMBER = new Note<string>('the number');
  const COUNT = new Note<number>('the count');

  it('gives back what was written under the same declared note', () => {
    const notes = new Notepad();
    notes.write(THE_NUMBER, '+886912345678');
    notes.write(COUNT, 3);
    assert.equal(notes.read(THE_NUMBER), '+886912345678');
    assert.equal(notes.read(COUNT), 3);
    assert.equal(notes.has(COUNT), true);
  });

  it('keys by the declaration, not by its words: two notes with one subject do not mix', () => {
    const notes = new Notepad();
    notes.write(THE_NUMBER, '+886912345678');
    assert.equal(notes.has(new Note<string>('the number')), false);
  });

  it('says whose notes lack what, and what they hold', () => {
    const notes = new Notepad('Alice');
    notes.write(COUNT, 1);
    assert.throws(
      () => notes.read(THE_NUMBER),
      /^Error: Nothing was remembered as "the number" by Alice \(remembered: "the count"\)$/,
    );
    assert.throws(() => new Notepad().read(COUNT), /by this scenario \(remembered: nothing yet\)/);
  });
});
