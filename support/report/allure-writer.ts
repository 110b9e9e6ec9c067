import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Globals, TestResult, TestResultContainer } from 'allure-js-commons';
import { propertiesText } from './run-environment';

/**
 * Writes the files one at a time, each to a temporary name and then renamed, so that a reader never
 * sees half a file — on its own thread. Plain JavaScript: the thread loads nothing else.
 */
const WRITER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
let failures = [];
let created = false;
parentPort.on('message', (message) => {
  if (message.kind === 'flush') {
    parentPort.postMessage({ kind: 'flushed', id: message.id, failures });
    failures = [];
    return;
  }
  const temporary = path.join(workerData.dir, '.allure-write-' + crypto.randomUUID() + '.tmp');
  try {
    if (!created) fs.mkdirSync(workerData.dir, { recursive: true });
    created = true;
    fs.writeFileSync(temporary, message.data);
    fs.renameSync(temporary, path.join(workerData.dir, message.name));
  } catch (error) {
    failures.push(message.name + ': ' + error.message);
    fs.rmSync(temporary, { force: true });
  }
});
`;

interface Flushed {
  readonly kind: 'flushed';
  readonly id: number;
  readonly failures: string[];
}

/**
 * Allure's results writer (allure-js-commons' `Writer` interface), without its cost. Allure's own
 * writes and fsyncs every file synchronously in cucumber's coordinator, which every worker waits
 * on: a third of an API run's time. This one hands each file to a thread of its own and returns
 * at once; `flush()` waits until the thread has written everything handed over so far. A run that
 * is killed loses at most the files in flight, never a file's integrity.
 */
export class BackgroundAllureWriter {
  private thread: Worker | undefined;
  private flushes = 0;
  private readonly waiting = new Map<number, (failures: string[]) => void>();

  constructor(private readonly resultsDir: string) {}

  writeResult(result: TestResult): void {
    this.write(`${result.uuid}-result.json`, JSON.stringify(result));
  }

  writeGroup(result: TestResultContainer): void {
    this.write(`${result.uuid}-container.json`, JSON.stringify(result));
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    this.write(distFileName, content);
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    // The source may be a temporary file its owner removes at once: read it now.
    this.write(distFileName, fs.readFileSync(from));
  }

  writeEnvironmentInfo(info: Readonly<Record<string, string>>): void {
    this.write('environment.properties', propertiesText(info));
  }

  writeCategoriesDefinitions(categories: readonly unknown[]): void {
    this.write('categories.json', JSON.stringify(categories));
  }

  writeGlobals(distFileName: string, info: Globals): void {
    this.write(distFileName, JSON.stringify(info));
  }

  /** Waits until every file handed over so far is on disk; says which could not be written. */
  flush(): Promise<string[]> {
    const thread = this.thread;
    if (!thread) return Promise.resolve([]);
    const id = ++this.flushes;
    thread.ref();
    return new Promise<string[]>((resolve) => {
      this.waiting.set(id, resolve);
      thread.postMessage({ kind: 'flush', id });
    }).finally(() => {
      if (this.waiting.size === 0) thread.unref();
    });
  }

  private write(name: string, data: string | Buffer): void {
    this.started().postMessage({ kind: 'write', name, data });
  }

  private started(): Worker {
    if (!this.thread) {
      // Plain JavaScript: none of the process's preloads (`-r ./support/register.cjs`, which a thread would
      // resolve from the project's folder, where it may not be found).
      const thread = new Worker(WRITER_THREAD, {
        eval: true,
        execArgv: [],
        workerData: { dir: this.resultsDir },
      });
      thread.on('message', (message: Flushed) => {
        this.waiting.get(message.id)?.(message.failures);
        this.waiting.delete(message.id);
      });
      // Writing never keeps a process alive: the results plugin flushes before the run ends.
      thread.unref();
      this.thread = thread;
    }
    return this.thread;
  }
}

const writers = new Map<string, BackgroundAllureWriter>();

/** The one writer of a results folder in this process: the formatter writes, the plugin flushes. */
export function allureWriterFor(resultsDir: string): BackgroundAllureWriter {
  let writer = writers.get(resultsDir);
  if (!writer) {
    writer = new BackgroundAllureWriter(resultsDir);
    writers.set(resultsDir, writer);
  }
  return writer;
}
