/**
 * Allure on the reporting thread (support/results/reporting-thread.ts): allure-cucumberjs's
 * reporter, fed the run's messages in the order they came, writing its files itself.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import type { Envelope } from '@cucumber/messages';
import type { RequirementCatalog } from '../trace/requirements';
import { AllureScenarioMetadata } from './allure-scenario-metadata';
import { writeWholeFile } from '../config/write-file';
import { oneLine } from '../errors';
import { propertiesText } from './run-environment';
import { AttachmentContentEncoding, TestStepResultStatus, TimeConversion } from '../gherkin/message-values';
import type { Globals, TestResult, TestResultContainer } from 'allure-js-commons';

/** A hook of the scenarios, as Allure names its fixture. */
export interface HookName {
  readonly id: string;
  readonly name?: string;
}

/** What the thread builds allure-cucumberjs's reporter from. */
export interface AllureInit {
  readonly resultsDir: string;
  /** allure-cucumberjs's options (`links`, `labels`, …) as cucumber's `formatOptions` give them. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The scenarios' Before and After hooks: Allure names their fixtures after them. */
  readonly hooks: { readonly before: readonly HookName[]; readonly after: readonly HookName[] };
}

/**
 * The results folder, written synchronously (this thread has nothing else to do), each file whole
 * or not at all and without fsync. What could not be written is told at the end of the run.
 */
class ResultsFolder {
  readonly failures: string[] = [];

  constructor(private readonly dir: string) {}

  writeResult(result: TestResult): void {
    this.write(`${result.uuid}-result.json`, () => JSON.stringify(result));
  }

  writeGroup(result: TestResultContainer): void {
    this.write(`${result.uuid}-container.json`, () => JSON.stringify(result));
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    this.write(distFileName, () => content);
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    this.write(distFileName, () => fs.readFileSync(from));
  }

  writeEnvironmentInfo(info: Readonly<Record<string, string>>): void {
    this.write('environment.properties', () => propertiesText(info));
  }

  writeCategoriesDefinitions(categories: readonly unknown[]): void {
    this.write('categories.json', () => JSON.stringify(categories));
  }

  writeGlobals(distFileName: string, info: Globals): void {
    this.write(distFileName, () => JSON.stringify(info));
  }

  private write(name: string, data: () => string | Buffer): void {
    try {
      writeWholeFile(path.join(this.dir, name), data());
    } catch (error) {
      this.failures.push(`${name}: ${oneLine(error)}`);
    }
  }
}

/**
 * allure-cucumberjs's reporter extends cucumber's Formatter and loads cucumber for it and for its
 * World: this thread runs no scenario and reports on no stream, so it gets the two as the reporter
 * uses them (the formatter's options kept; no World of cucumber's to replace), not cucumber. Of
 * @cucumber/messages it uses two enums and a time conversion, not the message classes.
 */
class Formatter {
  readonly log: unknown;
  readonly cwd: unknown;
  readonly cleanup: () => Promise<void>;

  constructor(options: { log: unknown; cwd: unknown; cleanup: () => Promise<void> }) {
    this.log = options.log;
    this.cwd = options.cwd;
    this.cleanup = options.cleanup;
  }

  async finished(): Promise<void> {
    await this.cleanup();
  }
}

function withoutCucumber(): void {
  standIn('@cucumber/cucumber', { Formatter, World: class World {} });
  standIn('@cucumber/messages', { TestStepResultStatus, AttachmentContentEncoding, TimeConversion });
}

/** The module `name` as whoever requires it on this thread gets it: `exports`. */
function standIn(name: string, exports: object): void {
  const id = require.resolve(name);
  const stub = new Module(id);
  stub.filename = id;
  stub.loaded = true;
  stub.exports = exports;
  require.cache[id] = stub;
}

interface Reporter {
  emitTestRunHookGlobalError(name: string, error: Error): void;
}

/** allure-cucumberjs's reporter, as the Allure formatter of the run configured it. */
export class AllureOnThread {
  private readonly messages = new EventEmitter();
  private readonly folder: ResultsFolder;
  private readonly reporter: Reporter;
  private readonly metadata: AllureScenarioMetadata;

  constructor(init: AllureInit, catalog: RequirementCatalog) {
    this.folder = new ResultsFolder(init.resultsDir);
    this.reporter = startReporter(init, this.folder, this.messages);
    this.metadata = new AllureScenarioMetadata(catalog);
  }

  envelope(envelope: Envelope): void {
    this.reporting(() => {
      const { before, after } = this.metadata.around(envelope);
      for (const each of [...before, asInCoordinator(envelope), ...after])
        this.messages.emit('envelope', each);
    });
  }

  /** An operation an attempt's exchange exercised: Allure labels the attempt with it. */
  exercised(testCaseStartedId: string, operationId: string | undefined): void {
    this.metadata.exercised(testCaseStartedId, operationId);
  }

  /** A BeforeAll or AfterAll hook failed in the coordinator. */
  runHookError(hook: string, message: string, stack: string | undefined): void {
    this.reporting(() =>
      this.reporter.emitTestRunHookGlobalError(
        hook,
        Object.assign(new Error(message), { stack: stack ?? message }),
      ),
    );
  }

  /** What Allure could not take is told at the end; the run's other reports go on. */
  private reporting(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.folder.failures.push(`a message: ${oneLine(error)}`);
    }
  }

  /** The files that could not be written. */
  get failures(): readonly string[] {
    return this.folder.failures;
  }
}

/**
 * Allure names a scenario's thread after its cucumber worker, or else after the thread that reports
 * it: a one-worker run's scenarios ran on the coordinator's main thread, not on this one.
 */
function asInCoordinator(envelope: Envelope): Envelope {
  const started = envelope.testCaseStarted;
  if (!started || started.workerId) return envelope;
  return { ...envelope, testCaseStarted: { ...started, workerId: `pid-${process.pid}-worker-main` } };
}

function startReporter(init: AllureInit, folder: ResultsFolder, messages: EventEmitter): Reporter {
  withoutCucumber();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const TitledAllureCucumberReporter = require('./titled-allure-reporter.cjs') as new (
    options: object,
  ) => Reporter;
  return new TitledAllureCucumberReporter({
    eventBroadcaster: messages,
    parsedArgvOptions: { ...init.options, resultsDir: init.resultsDir, writer: folder },
    supportCodeLibrary: {
      beforeTestCaseHookDefinitions: init.hooks.before,
      afterTestCaseHookDefinitions: init.hooks.after,
      // The run hooks run in the coordinator's thread, which tells this one when one fails.
      beforeTestRunHookDefinitions: [],
      afterTestRunHookDefinitions: [],
    },
    cleanup: () => Promise.resolve(),
    log: () => undefined,
    cwd: process.cwd(),
  });
}
