import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { EnvironmentError } from './errors';

/** The embedded service as the harness drives it: where it listens, its reset and its end. */
export interface EmbeddedService {
  /** `http://127.0.0.1:41234` */
  readonly origin: string;
  /** Back to the seed data, before the next scenario's first request. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const SUT_ROOT = path.resolve(__dirname, '../sut');

/**
 * The service's thread: it loads the service's TypeScript (through the harness's loader, named by
 * its absolute path: the thread starts without the process's preloads) and answers `reset` and
 * `close`. Plain JavaScript, so nothing else is loaded.
 */
const SERVICE_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.register);
const { startSut } = require(workerData.sut);
startSut({ port: 0, faults: workerData.faults }).then(
  (sut) => {
    parentPort.postMessage({ kind: 'started', id: 1, origin: sut.origin });
    parentPort.on('message', (message) => {
      if (message.kind === 'reset') {
        sut.reset();
        parentPort.postMessage({ kind: 'done', id: message.id });
      } else if (message.kind === 'close') {
        sut.close().then(() => parentPort.postMessage({ kind: 'done', id: message.id }));
      }
    });
  },
  (error) => parentPort.postMessage({ kind: 'failed', id: 1, message: String((error && error.message) || error) }),
);
`;

/** Each answers the request of its id (the start is request 1). */
type FromThread =
  | { kind: 'started'; id: number; origin: string }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'done'; id: number };

let starting: { faults: string; service: Promise<EmbeddedService> } | undefined;

/**
 * Starts the embedded caller-ID service on a thread of its own, once per process (a second call
 * with the same faults gets the same service): it loads and answers on the other core while the
 * harness's thread prepares and runs the scenarios. `npm run spec` calls this as early as it knows
 * it will run scenarios in its own process; the worker's resources then find it started.
 */
export function startEmbeddedService(faults: string | undefined): Promise<EmbeddedService> {
  const key = faults ?? '';
  if (starting?.faults !== key) starting = { faults: key, service: startThread(faults) };
  return starting.service;
}

/**
 * Requests to the service's thread, each answered by its id. Waiting for an answer holds the
 * process; otherwise the thread does not (a run that ends without closing it, on an error or a
 * signal, is not kept alive by it). A thread that throws or exits answers nothing more: every
 * request waiting fails at once, and so does every later one.
 */
class Requests {
  private readonly waiting = new Map<
    number,
    { resolve: (answer: FromThread) => void; reject: (error: Error) => void }
  >();
  private count = 0;
  failure: Error | undefined;

  constructor(private readonly thread: Worker) {
    thread.on('message', (message: FromThread) =>
      message.kind === 'failed'
        ? this.answer(
            message.id,
            new EnvironmentError(`the embedded service did not start: ${message.message}`),
          )
        : this.answer(message.id, message),
    );
    thread.on('error', (error) => this.stopped(error.message));
    thread.on('exit', (code) => this.stopped(`its thread exited (code ${code})`));
  }

  ask(kind: 'start' | 'reset' | 'close'): Promise<FromThread> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.count;
    this.thread.ref();
    return new Promise<FromThread>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (kind !== 'start') this.thread.postMessage({ kind, id });
    });
  }

  private answer(id: number, answer: FromThread | Error): void {
    const request = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.thread.unref();
    if (answer instanceof Error) request?.reject(answer);
    else request?.resolve(answer);
  }

  private stopped(reason: string): void {
    this.failure ??= new EnvironmentError(`the embedded service stopped: ${reason}`);
    for (const id of [...this.waiting.keys()]) this.answer(id, this.failure);
  }
}

async function startThread(faults: string | undefined): Promise<EmbeddedService> {
  // Checked here, where a wrong name is one line (and loads nothing of the service).
  const { parseFaults } = await import('../sut/faults');
  const thread = new Worker(SERVICE_THREAD, {
    eval: true,
    execArgv: [],
    workerData: {
      register: path.resolve(__dirname, 'register.cjs'),
      sut: SUT_ROOT,
      faults: parseFaults(faults),
    },
  });
  const requests = new Requests(thread);
  const started = await requests.ask('start'); // the thread's first message answers request 1
  let closing: Promise<void> | undefined;
  return {
    origin: started.kind === 'started' ? started.origin : '',
    reset: async () => void (await requests.ask('reset')),
    close: () => {
      starting = undefined;
      // A service that has stopped already has nothing to close: its failure was told once.
      closing ??= (requests.failure ? Promise.resolve() : requests.ask('close')).then(
        async () => void (await thread.terminate()),
      );
      return closing;
    },
  };
}
