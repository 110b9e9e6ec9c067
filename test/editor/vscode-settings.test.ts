import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { supportCodeLibraryBuilder } from '@cucumber/cucumber';
import { IdGenerator } from '@cucumber/messages';

interface Settings {
  'cucumber.glue': string[];
  'cucumber.parameterTypes': { name: string; regexp: string }[];
}

const settings = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../.vscode/settings.json'), 'utf8'),
) as Settings;

describe('the editor settings for the Cucumber extension', () => {
  it('declare every custom parameter type exactly as the steps define it', async () => {
    // The extension cannot evaluate regexps built in code, so the settings repeat them: this keeps
    // the two from drifting apart.
    supportCodeLibraryBuilder.reset(process.cwd(), IdGenerator.incrementing(), {
      requireModules: [],
      requirePaths: [],
      importPaths: [],
      loaders: [],
    });
    await import('../../steps/parameters');
    const library = supportCodeLibraryBuilder.finalize();
    const registry = library.parameterTypeRegistry as unknown as ParameterTypeRegistry;
    const defined = [...registry.parameterTypes]
      .filter(
        (type) =>
          ![
            'int',
            'float',
            'word',
            'string',
            '',
            'bigdecimal',
            'biginteger',
            'byte',
            'short',
            'long',
            'double',
          ].includes(type.name ?? ''),
      )
      .map((type) => ({ name: type.name ?? '', regexp: type.regexpStrings[0] ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const declared = [...settings['cucumber.parameterTypes']].sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(declared, defined);
  });

  it('point at the folders where the steps live', () => {
    assert.deepEqual(settings['cucumber.glue'], ['steps/**/*.ts', 'support/cucumber/**/*.ts']);
  });
});
