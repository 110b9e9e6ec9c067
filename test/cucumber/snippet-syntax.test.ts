import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  CucumberExpressionGenerator,
  ParameterType,
  ParameterTypeRegistry,
} from '@cucumber/cucumber-expressions';
import {
  declaredParameterTypes,
  parameterName,
  TypedSnippetSyntax,
} from '../../support/report/snippet-syntax';
import { ROOT } from '../helpers/run-harness';

/** cucumber-expressions' suggestions for a step, as cucumber hands them to a snippet syntax. */
function suggestions(registry: ParameterTypeRegistry, text: string) {
  return new CucumberExpressionGenerator(() => registry.parameterTypes).generateExpressions(text);
}

function registryWith(...names: string[]): ParameterTypeRegistry {
  const registry = new ParameterTypeRegistry();
  const words: Record<string, RegExp> = { persona: /Alice|Bob/, 'spam level': /spam|suspicious|none/ };
  for (const name of names) {
    registry.defineParameterType(
      new ParameterType(name, words[name] ?? /x/, null, (s: string) => s, true, false),
    );
  }
  return registry;
}

describe('the snippet for an undefined step', () => {
  it('is TypeScript in the project’s style: the World typed, each parameter named and typed', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ProjectSnippetSyntax = require('../../support/report/typed-snippets.cjs') as new (
      snippetInterface: string,
    ) => TypedSnippetSyntax;
    const syntax = new ProjectSnippetSyntax('async-await');
    const snippet = syntax.build({
      comment: 'Write code here that turns the phrase above into concrete actions',
      functionName: 'Given',
      generatedExpressions: suggestions(
        registryWith('persona', 'spam level'),
        'Alice has blocked 3 numbers labelled "work" at the level spam',
      ),
      stepParameterNames: ['dataTable'],
    });
    assert.equal(
      snippet,
      [
        "// or: Given('{persona} has blocked {float} numbers labelled {string} at the level {spam level}', …)",
        'Given(',
        "  '{persona} has blocked {int} numbers labelled {string} at the level {spam level}',",
        '  async function (',
        '    this: ScenarioWorld,',
        '    persona: Actor,',
        '    int: number,',
        '    string: string,',
        '    spamLevel: SpamLevel,',
        '    dataTable: DataTable,',
        '  ) {',
        '    // Write code here that turns the phrase above into concrete actions',
        "    return 'pending';",
        '  },',
        ');',
      ].join('\n'),
    );
  });

  it('keeps short signatures on one line, and escapes quotes', () => {
    const syntax = new TypedSnippetSyntax('synchronous', () => undefined);
    const snippet = syntax.build({
      comment: 'c',
      functionName: 'Then',
      generatedExpressions: suggestions(
        new ParameterTypeRegistry(),
        "the caller's name is {string}".replace('{string}', '"Ann"'),
      ),
      stepParameterNames: [],
    });
    assert.equal(
      snippet,
      [
        'Then(',
        "  'the caller\\'s name is {string}',",
        '  function (this: ScenarioWorld, string: string) {',
        '    // c',
        "    return 'pending';",
        '  },',
        ');',
      ].join('\n'),
    );
  });

  it('types the project’s parameter types by their transformer, else by the steps using them', () => {
    const types = declaredParameterTypes([path.join(ROOT, 'steps')]);
    assert.equal(types.get('spam level'), 'SpamLevel');
    assert.equal(types.get('category'), 'ReportCategory');
    assert.equal(types.get('persona'), 'Actor');
  });

  it('names parameters as identifiers', () => {
    assert.equal(parameterName('spam level'), 'spamLevel');
    assert.equal(parameterName(''), 'value');
    assert.equal(parameterName('2fa code'), '_2faCode');
  });
});
