import type * as messages from '@cucumber/messages';
import type { Corpus } from '../gherkin/corpus';
import { nodeLines, pickleLine } from '../gherkin/walk';

/** One step of a planned scenario, with what cucumber matched it to. */
export interface PlannedStep {
  /** `features/x.feature:12`: where the step is written (for Outline steps, the template line). */
  readonly where: string;
  readonly keyword: string;
  readonly text: string;
  readonly docString: string | undefined;
  readonly dataTable: readonly (readonly string[])[] | undefined;
  /** Expressions of the step definitions that match it: none is undefined, several ambiguous. */
  readonly matches: readonly string[];
  /** The values the matching expression captured, quotes removed: `I call {string}` → ['lookUpNumber']. */
  readonly args: readonly string[];
}

export interface PlannedScenario {
  /** `features/x.feature:12`: the scenario, or its Examples row for an Outline. */
  readonly where: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly steps: readonly PlannedStep[];
}

export interface ParseFailure {
  readonly where: string;
  readonly message: string;
}

/** What a dry run says a run would do: its scenarios and the feature files that did not parse. */
export interface PlannedRun {
  readonly scenarios: readonly PlannedScenario[];
  readonly parseErrors: readonly ParseFailure[];
}

/**
 * Builds the plan from the messages of a dry run: pickles give the scenarios and their steps, test
 * cases say which step definitions matched each step, gherkin documents give the lines.
 */
export class PlanCollector {
  /** Node id → line: scenarios, steps, Examples rows and tags (where the feature lint's findings are). */
  private readonly lines = new Map<string, number>();
  private readonly pickles = new Map<string, messages.Pickle>();
  private readonly expressions = new Map<string, string>();
  private readonly testCases: messages.TestCase[] = [];
  private readonly parseErrors: ParseFailure[] = [];
  private readonly documents = new Map<string, messages.GherkinDocument>();

  update(envelope: messages.Envelope): void {
    if (envelope.gherkinDocument) {
      for (const [id, line] of nodeLines(envelope.gherkinDocument)) this.lines.set(id, line);
      const { uri } = envelope.gherkinDocument;
      if (uri) this.documents.set(uri, envelope.gherkinDocument);
    } else if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    else if (envelope.stepDefinition) {
      this.expressions.set(envelope.stepDefinition.id, envelope.stepDefinition.pattern.source);
    } else if (envelope.testCase) this.testCases.push(envelope.testCase);
    else if (envelope.parseError) {
      const { source, message } = envelope.parseError;
      const line = source.location?.line;
      const uri = source.uri ?? 'a feature file';
      this.parseErrors.push({
        where: line === undefined ? uri : `${uri}:${line}`,
        message: (message.split('\n')[0] ?? '').replace(/^\(\d+:\d+\): /, ''),
      });
    }
  }

  plan(): PlannedRun {
    const scenarios = this.testCases.flatMap((testCase) => {
      const pickle = this.pickles.get(testCase.pickleId);
      return pickle ? [this.scenarioOf(pickle, testCase)] : [];
    });
    return { scenarios, parseErrors: this.parseErrors };
  }

  /**
   * The feature files that hold a selected scenario, as the feature lint reads them, and where the
   * selected scenarios' tags are written (`features/x.feature:3`, inherited ones included): a lint
   * finding on one of those lines concerns this run.
   */
  selectedFeatures(): { readonly corpus: Corpus; readonly tagLines: ReadonlySet<string> } {
    const selected = this.testCases.flatMap((testCase) => {
      const pickle = this.pickles.get(testCase.pickleId);
      return pickle ? [pickle] : [];
    });
    const tagLines = new Set<string>();
    for (const pickle of selected) {
      for (const tag of pickle.tags) {
        const line = this.lines.get(tag.astNodeId);
        if (line !== undefined) tagLines.add(`${pickle.uri}:${line}`);
      }
    }
    const uris = [...new Set(selected.map((pickle) => pickle.uri))];
    const features = uris.flatMap((uri) => {
      const document = this.documents.get(uri);
      const pickles = selected.filter((pickle) => pickle.uri === uri);
      return document ? [{ uri, document, pickles }] : [];
    });
    return { corpus: { features, problems: [] }, tagLines };
  }

  private scenarioOf(pickle: messages.Pickle, testCase: messages.TestCase): PlannedScenario {
    const byStep = new Map(
      testCase.testSteps.filter((step) => step.pickleStepId).map((step) => [step.pickleStepId!, step]),
    );
    const steps = pickle.steps.map((step): PlannedStep => {
      const matched = byStep.get(step.id);
      const argumentsList = matched?.stepMatchArgumentsLists?.[0]?.stepMatchArguments ?? [];
      return {
        where: this.where(pickle.uri, step.astNodeIds[0]),
        keyword: step.type ?? '',
        text: step.text,
        docString: step.argument?.docString?.content,
        dataTable: step.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value)),
        matches: (matched?.stepDefinitionIds ?? []).map((id) => this.expressions.get(id) ?? id),
        args: argumentsList.map((argument) => unquote(argument.group.value ?? '')),
      };
    });
    const line = pickleLine(pickle, this.lines);
    return {
      where: line === undefined ? pickle.uri : `${pickle.uri}:${line}`,
      name: pickle.name,
      tags: pickle.tags.map((tag) => tag.name),
      steps,
    };
  }

  private where(uri: string, astNodeId: string | undefined): string {
    const line = astNodeId === undefined ? undefined : this.lines.get(astNodeId);
    return line === undefined ? uri : `${uri}:${line}`;
  }
}

/** `"lookUpNumber"` → `lookUpNumber`: how a `{string}` argument reads inside its quotes. */
function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}
