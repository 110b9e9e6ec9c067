import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Pickle } from '@cucumber/messages';
import { nodeLines, pickleLine, scenarioSites, stepsOf, tagsOf } from '../../support/gherkin/walk';

const SOURCE = `@feature
Feature: Walks

  Background:
    Given the feature's background

  Scenario: Loose
    When a loose step

  @rule
  Rule: First rule

    Background:
      Given the rule's background

    Scenario Outline: Looking up <n>
      When I look up <n>

      @examples
      Examples:
        | n |
        | 7 |
        | 8 |

  Rule: Second rule

    @scenario
    Scenario: Last
      Then it is last
`;

function parse(source: string): { document: GherkinDocument; pickles: readonly Pickle[] } {
  const newId = IdGenerator.incrementing();
  const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(source);
  return { document, pickles: compile(document, 'walks.feature', newId) };
}

describe('the one walk of a Gherkin document', () => {
  const { document, pickles } = parse(SOURCE);

  it('gives every scenario in source order with its rule and the background its steps run after', () => {
    assert.deepEqual(
      scenarioSites(document).map((site) => [
        site.scenario.name,
        site.rule?.name,
        site.background?.steps[0]?.text,
        site.feature.name,
      ]),
      [
        ['Loose', undefined, "the feature's background", 'Walks'],
        ['Looking up <n>', 'First rule', "the rule's background", 'Walks'],
        ['Last', 'Second rule', "the feature's background", 'Walks'],
      ],
    );
  });

  it('gives every tag and every step in source order, backgrounds included', () => {
    assert.deepEqual(
      tagsOf(document).map((tag) => tag.name),
      ['@feature', '@rule', '@examples', '@scenario'],
    );
    assert.deepEqual(
      stepsOf(document).map((step) => step.location.line),
      [5, 8, 14, 17, 29],
    );
  });

  it("names a pickle by its scenario's line, an outline's by its Examples row", () => {
    const lines = nodeLines(document);
    assert.deepEqual(
      pickles.map((pickle) => [pickle.name, pickleLine(pickle, lines)]),
      [
        ['Loose', 7],
        ['Looking up 7', 22],
        ['Looking up 8', 23],
        ['Last', 28],
      ],
    );
    assert.equal(pickleLine({ astNodeIds: ['elsewhere'] }, lines), undefined);
  });

  it('knows an Examples row without a header row (a hand-built document) by its line', () => {
    const outline = scenarioSites(document)[1]!.scenario;
    const examples = outline.examples[0]!;
    const headless: GherkinDocument = {
      ...document,
      feature: {
        ...document.feature!,
        children: [{ scenario: { ...outline, examples: [{ ...examples, tableHeader: undefined }] } }],
      },
    };
    const row = examples.tableBody[1]!;
    assert.equal(pickleLine({ astNodeIds: [outline.id, row.id] }, nodeLines(headless)), 23);
  });
});
