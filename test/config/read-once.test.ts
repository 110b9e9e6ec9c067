import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readOncePerChange } from '../../support/config/read-once';
import { tempDir } from '../helpers/temp';

describe('a file read once per process', () => {
  it('is read again when it changes, and only then', () => {
    const file = path.join(tempDir(), 'catalogue.yaml');
    fs.writeFileSync(file, 'first');
    const cache = new Map<string, string>();
    let reads = 0;
    const read = (name: string): string => {
      reads += 1;
      return fs.readFileSync(name, 'utf8');
    };
    assert.equal(readOncePerChange(cache, file, read), 'first');
    assert.equal(readOncePerChange(cache, file, read), 'first');
    assert.equal(reads, 1);
    fs.writeFileSync(file, 'second, longer');
    assert.equal(readOncePerChange(cache, file, read), 'second, longer');
    assert.equal(reads, 2);
  });
});
