import fs from 'node:fs';
import type {
  Background,
  DataTable,
  DocString,
  Examples,
  Feature,
  Rule,
  Scenario,
  Step,
  Tag,
} from '@cucumber/messages';
import MarkdownIt from 'markdown-it';
import type { ContractCoverage } from '../results/coverage';
import { capabilityOf } from '../gherkin/capability';
import { scenarioKey, type Corpus, type ParsedFeature } from '../gherkin/corpus';
import { walkDocument } from '../gherkin/walk';
import type { RunResults } from '../results/run-model';
import { DOC_STATUSES, docStatus, type DocStatus } from '../results/status';
import type { Traceability, TracedRequirement } from '../results/traceability';
import type { StepUsage } from './glossary';
import {
  allureHistoryId,
  combinedHistory,
  historyOf,
  withLatest,
  type AllureHistory,
  type HistoryPoint,
} from './history';
import type { WhatChangedDoc } from './what-changed';

// Raw HTML in narratives is shown as text, never interpreted: descriptions cannot inject markup.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
// A Gherkin description keeps its line breaks as written: "As a … / I want … / So that …" are
// three lines, not one run-on sentence. README narratives are ordinary Markdown files.
const gherkinMarkdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

/** A step as it ran (outline placeholders filled in, background steps first) and its result. */
export interface RanStepDoc {
  readonly keyword: string;
  readonly text: string;
  readonly status: DocStatus;
}

export interface StepDoc {
  readonly keyword: string;
  readonly text: string;
  readonly docString?: { readonly content: string; readonly mediaType?: string };
  readonly dataTable?: readonly (readonly string[])[];
}

export interface ExamplesDoc {
  readonly keyword: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly {
    readonly cells: readonly string[];
    readonly line: number;
    readonly status: DocStatus;
    /** Passed only on a retry. */
    readonly flaky: boolean;
    readonly error?: string;
    /** The steps as they ran, when it failed: the failing one and those skipped after it. */
    readonly ranSteps?: readonly RanStepDoc[];
    /** The last runs, oldest first (Allure's history). */
    readonly history?: readonly HistoryPoint[];
  }[];
}

export interface ScenarioDoc {
  readonly id: string;
  readonly keyword: string;
  readonly name: string;
  readonly line: number;
  /**
   * Own tags and the feature's and rule's; an Examples block adds its own tags to its rows, so
   * filters see what cucumber sees, row by row.
   */
  readonly tags: readonly string[];
  readonly descriptionHtml: string;
  readonly steps: readonly StepDoc[];
  readonly examples: readonly ExamplesDoc[];
  /** Overall status: the worst of the rows for an outline. */
  readonly status: DocStatus;
  /** Passed only on a retry (for an outline, one of its rows did). */
  readonly flaky: boolean;
  readonly error?: string;
  /** The steps as they ran, when it failed (not for an outline: each row has its own). */
  readonly ranSteps?: readonly RanStepDoc[];
  /** The last runs, oldest first (not for an outline: each row has its own). */
  readonly history?: readonly HistoryPoint[];
}

export interface RuleDoc {
  readonly name: string;
  readonly keyword: string;
  readonly tags: readonly string[];
  readonly descriptionHtml: string;
  readonly background?: BackgroundDoc;
  readonly scenarios: readonly ScenarioDoc[];
}

export interface FeatureDoc {
  readonly id: string;
  readonly uri: string;
  readonly keyword: string;
  readonly name: string;
  readonly language: string;
  readonly tags: readonly string[];
  readonly descriptionHtml: string;
  readonly background?: BackgroundDoc;
  /** Scenarios outside any rule come first, as an unnamed rule. */
  readonly rules: readonly RuleDoc[];
}

export interface CapabilityDoc {
  readonly id: string;
  readonly name: string;
  readonly narrativeHtml: string;
  readonly features: readonly FeatureDoc[];
}

export interface DocsModel {
  readonly title: string;
  readonly generatedAt: string;
  readonly run?: {
    readonly startedAt?: string;
    readonly durationMs?: number;
    readonly complete: boolean;
    readonly browser?: string;
  };
  readonly capabilities: readonly CapabilityDoc[];
  readonly requirements: readonly TracedRequirement[];
  /** Per requirement, its last runs, oldest first: the worst result of its scenarios in each. */
  readonly requirementHistory?: Readonly<Record<string, readonly HistoryPoint[]>>;
  readonly flags: Traceability['flags'];
  readonly coverage?: ContractCoverage;
  readonly glossary: readonly StepUsage[];
  readonly problems: readonly string[];
  /** `npm run docs -- --since <ref>`: the "What changed" page. */
  readonly whatChanged?: WhatChangedDoc;
}

const tagNames = (tags: readonly Tag[]): string[] => tags.map((tag) => tag.name);

function stepDoc(step: Step): StepDoc {
  return {
    keyword: step.keyword.trim(),
    text: step.text,
    ...(step.docString ? { docString: docStringDoc(step.docString) } : {}),
    ...(step.dataTable ? { dataTable: tableDoc(step.dataTable) } : {}),
  };
}

function docStringDoc(docString: DocString): StepDoc['docString'] {
  return { content: docString.content, ...(docString.mediaType ? { mediaType: docString.mediaType } : {}) };
}

function tableDoc(table: DataTable): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.value));
}

export interface BackgroundDoc {
  readonly keyword: string;
  readonly steps: readonly StepDoc[];
}

function backgroundDoc(background: Background | undefined): BackgroundDoc | undefined {
  return background ? { keyword: background.keyword, steps: background.steps.map(stepDoc) } : undefined;
}

function worst(statuses: readonly DocStatus[]): DocStatus {
  if (statuses.length === 0) return 'not-run';
  // A partly run outline reads as "not run" unless something ran and did worse than passing.
  const ran = statuses.filter((status) => status !== 'not-run');
  const bad = ran.reduce<DocStatus>(
    (acc, status) => (DOC_STATUSES.indexOf(status) > DOC_STATUSES.indexOf(acc) ? status : acc),
    'passed',
  );
  if (ran.length === 0) return 'not-run';
  if (bad !== 'passed') return bad;
  return ran.length < statuses.length ? 'not-run' : 'passed';
}

interface RowResult {
  readonly status: DocStatus;
  readonly flaky: boolean;
  readonly error?: string;
  readonly ranSteps?: readonly RanStepDoc[];
  readonly history?: readonly HistoryPoint[];
}

/**
 * The latest result of a scenario or an Examples row, with its history: `parameters` are the row's
 * values by column, which Allure's history id is computed from.
 */
type ResultLookup = (
  uri: string,
  line: number,
  scenarioName: string,
  parameters?: readonly { readonly name: string; readonly value: string }[],
) => RowResult;

function scenarioDoc(
  feature: ParsedFeature,
  scenario: Scenario,
  inherited: readonly string[],
  result: ResultLookup,
): ScenarioDoc {
  const own = [...tagNames(scenario.tags)];
  const examples: ExamplesDoc[] = scenario.examples.map((block: Examples) => ({
    keyword: block.keyword,
    name: block.name,
    tags: tagNames(block.tags),
    header: block.tableHeader?.cells.map((cell) => cell.value) ?? [],
    rows: block.tableBody.map((row) => ({
      cells: row.cells.map((cell) => cell.value),
      line: row.location.line,
      ...result(
        feature.uri,
        row.location.line,
        scenario.name,
        row.cells.map((cell, index) => ({
          name: block.tableHeader?.cells[index]?.value ?? `arg${index}`,
          value: cell.value,
        })),
      ),
    })),
  }));
  const single =
    examples.length === 0 ? result(feature.uri, scenario.location.line, scenario.name) : undefined;
  const rowStatuses = examples.flatMap((block) => block.rows.map((row) => row.status));
  return {
    id: scenarioKey({ uri: feature.uri, line: scenario.location.line }),
    keyword: scenario.keyword,
    name: scenario.name,
    line: scenario.location.line,
    tags: [...new Set([...inherited, ...own])],
    descriptionHtml: render(scenario.description),
    steps: scenario.steps.map(stepDoc),
    examples,
    status: single ? single.status : worst(rowStatuses),
    flaky: single ? single.flaky : examples.some((block) => block.rows.some((row) => row.flaky)),
    ...(single?.error ? { error: single.error } : {}),
    ...(single?.ranSteps ? { ranSteps: single.ranSteps } : {}),
    ...(single?.history ? { history: single.history } : {}),
  };
}

function ruleDoc(rule: Rule, background: Background | undefined, scenarios: readonly ScenarioDoc[]): RuleDoc {
  return {
    name: rule.name,
    keyword: rule.keyword,
    tags: tagNames(rule.tags),
    descriptionHtml: render(rule.description),
    ...(background ? { background: backgroundDoc(background) } : {}),
    scenarios,
  };
}

/** A rule of a feature as the walk meets it: its first background and its scenarios. */
interface RuleParts {
  readonly rule: Rule;
  background?: Background;
  readonly scenarios: ScenarioDoc[];
}

function featureDoc(feature: ParsedFeature, result: ResultLookup): FeatureDoc | undefined {
  const gherkin: Feature | undefined = feature.document.feature;
  if (!gherkin) return undefined;
  const tags = tagNames(gherkin.tags);
  const loose: ScenarioDoc[] = [];
  const rules: RuleParts[] = [];
  let featureBackground: Background | undefined;
  walkDocument(feature.document, {
    rule: (rule) => void rules.push({ rule, scenarios: [] }),
    background: (node) => {
      const rule = rules.at(-1);
      if (rule) rule.background ??= node;
      else featureBackground ??= node;
    },
    scenario: (scenario) => {
      const rule = rules.at(-1);
      if (rule)
        rule.scenarios.push(scenarioDoc(feature, scenario, [...tags, ...tagNames(rule.rule.tags)], result));
      else loose.push(scenarioDoc(feature, scenario, tags, result));
    },
  });
  const background = backgroundDoc(featureBackground);
  return {
    id: feature.uri.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    uri: feature.uri,
    keyword: gherkin.keyword,
    name: gherkin.name,
    language: gherkin.language,
    tags,
    descriptionHtml: render(gherkin.description),
    ...(background ? { background } : {}),
    rules: [
      ...(loose.length > 0
        ? [{ name: '', keyword: '', tags: [], descriptionHtml: '', scenarios: loose }]
        : []),
      ...rules.map((parts) => ruleDoc(parts.rule, parts.background, parts.scenarios)),
    ],
  };
}

export function render(text: string | undefined): string {
  const trimmed = (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
  return trimmed ? gherkinMarkdown.render(trimmed) : '';
}

export interface ModelInputs {
  readonly title: string;
  /** The folders the features were read from: capabilities are the folders right below them. */
  readonly featuresRoots: readonly string[];
  readonly corpus: Corpus;
  readonly results?: RunResults;
  readonly traceability: Traceability;
  readonly coverage?: ContractCoverage;
  readonly glossary: readonly StepUsage[];
  readonly whatChanged?: WhatChangedDoc;
  /** Allure's history (`reports/allure-report/history/history.json`), for the last runs. */
  readonly allureHistory?: AllureHistory;
}

/** Each scenario's latest result in the run, by `file:line` (no history yet). */
function latestResults(results: RunResults | undefined): Map<string, Omit<RowResult, 'history'>> {
  const byRef = new Map<string, Omit<RowResult, 'history'>>();
  for (const scenario of results?.scenarios ?? []) {
    const ran = scenario.attempts > 0;
    const status = ran ? docStatus(scenario.status) : 'not-run';
    byRef.set(scenarioKey(scenario), {
      status,
      flaky: ran && scenario.flaky,
      ...(scenario.error ? { error: scenario.error } : {}),
      ...(status === 'failed' && scenario.steps.length > 0
        ? {
            ranSteps: scenario.steps.map((step) => ({
              keyword: step.keyword.trim(),
              text: step.text,
              status: docStatus(step.status),
            })),
          }
        : {}),
    });
  }
  return byRef;
}

/**
 * A scenario row's result: the run's, with its history of the last runs (Allure's, then this one).
 * Each history looked up is kept in `histories`, by `file:line`, for the requirements' own.
 */
function resultLookup(inputs: ModelInputs, histories: Map<string, readonly HistoryPoint[]>): ResultLookup {
  const byRef = latestResults(inputs.results);
  const startedAt = inputs.results?.startedAt;
  return (uri, line, scenarioName, parameters) => {
    const key = scenarioKey({ uri, line });
    const latest = byRef.get(key) ?? { status: 'not-run', flaky: false };
    const history = withLatest(
      historyOf(inputs.allureHistory, allureHistoryId(uri, scenarioName, parameters)),
      startedAt ? { status: latest.status, at: startedAt } : undefined,
    );
    if (history.length > 0) histories.set(key, history);
    return history.length > 0 ? { ...latest, history } : latest;
  };
}

/** The features grouped by capability (the folder right below a features root), each with its narrative. */
function capabilityDocs(inputs: ModelInputs, result: ResultLookup): DocsModel['capabilities'] {
  const capabilities = new Map<string, { name: string; readme?: string; features: FeatureDoc[] }>();
  for (const feature of inputs.corpus.features) {
    const doc = featureDoc(feature, result);
    if (!doc) continue;
    const capability = capabilityOf(feature.uri, inputs.featuresRoots);
    const entry = capabilities.get(capability.id) ?? {
      name: capability.name,
      ...(capability.readme ? { readme: capability.readme } : {}),
      features: [],
    };
    entry.features.push(doc);
    capabilities.set(capability.id, entry);
  }
  return [...capabilities].map(([id, entry]) => {
    const readme = entry.readme && fs.existsSync(entry.readme) ? fs.readFileSync(entry.readme, 'utf8') : '';
    return {
      id,
      name: entry.name,
      narrativeHtml: markdown.render(readme.replace(/^#\s+.+$/m, '').trim()),
      features: entry.features,
    };
  });
}

/** When the run started, how long it took, whether it finished, in which browser. */
function runDoc(results: RunResults): NonNullable<DocsModel['run']> {
  return {
    ...(results.startedAt ? { startedAt: results.startedAt } : {}),
    ...(results.durationMs === undefined ? {} : { durationMs: results.durationMs }),
    complete: results.complete,
    ...(results.browser ? { browser: results.browser } : {}),
  };
}

/** Each requirement's history: its scenarios' histories combined (none when they have none). */
function requirementHistory(
  traceability: Traceability,
  histories: ReadonlyMap<string, readonly HistoryPoint[]>,
): DocsModel['requirementHistory'] {
  return Object.fromEntries(
    traceability.requirements
      .map((requirement): [string, HistoryPoint[]] => [
        requirement.id,
        combinedHistory(requirement.scenarios.map((scenario) => histories.get(scenario.ref) ?? [])),
      ])
      .filter(([, history]) => history.length > 0),
  );
}

export function buildDocsModel(inputs: ModelInputs): DocsModel {
  const histories = new Map<string, readonly HistoryPoint[]>();
  // The features first: looking their results up gathers the histories the requirements combine.
  const capabilities = capabilityDocs(inputs, resultLookup(inputs, histories));
  const results = inputs.results;
  return {
    title: inputs.title,
    generatedAt: new Date().toISOString(),
    ...(results ? { run: runDoc(results) } : {}),
    capabilities,
    requirements: inputs.traceability.requirements,
    requirementHistory: requirementHistory(inputs.traceability, histories),
    flags: inputs.traceability.flags,
    ...(inputs.coverage ? { coverage: inputs.coverage } : {}),
    glossary: inputs.glossary,
    problems: inputs.corpus.problems.map((problem) => `${problem.uri}:${problem.line}: ${problem.message}`),
    ...(inputs.whatChanged ? { whatChanged: inputs.whatChanged } : {}),
  };
}
