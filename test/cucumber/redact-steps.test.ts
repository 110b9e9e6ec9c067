import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { supportCodeLibraryBuilder } from '@cucumber/cucumber';
import { IdGenerator } from '@cucumber/messages';
import { DEFAULT_REDACTION } from '../../support/config/config';
import type * as RedactSteps from '../../support/cucumber/redact-steps';
import type { ScenarioWorld } from '../../support/cucumber/world';
import { Redactor } from '../../support/report/redact';

// The module registers its wrapper with cucumber as it loads: cucumber must be "running" to accept it.
supportCodeLibraryBuilder.reset(process.cwd(), IdGenerator.incrementing(), {
  requireModules: [],
  requirePaths: [],
  importPaths: [],
  loaders: [],
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { redactingDefinition } = require('../../support/cucumber/redact-steps') as typeof RedactSteps;

const SECRET = 's3cr3t-token-value';

/** What the wrapper reads of a World: the scenario's redactor, which knows one secret. */
function world(): ScenarioWorld {
  const redactor = new Redactor(DEFAULT_REDACTION);
  redactor.addSecret(SECRET);
  return { redactorIfStarted: redactor } as unknown as ScenarioWorld;
}

/** The definition as cucumber calls it: wrapped, with the World as `this`. */
function call(code: (...args: unknown[]) => unknown, ...args: unknown[]): unknown {
  return redactingDefinition(code).apply(world(), args);
}

/** What was printed while `during` ran (and until its promise settled), as the terminal got it. */
async function printed(during: () => unknown): Promise<string[]> {
  const lines: string[] = [];
  const forward = process.stdout.write.bind(process.stdout);
  // The test runner's own reports to its parent go by the same stream, as bytes: they pass on.
  const write = mock.method(process.stdout, 'write', (chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== 'string') return forward(chunk, ...rest);
    lines.push(chunk);
    return true;
  });
  try {
    await during();
    return lines;
  } finally {
    write.mock.restore();
  }
}

describe('every step and hook, wrapped', () => {
  it('returns what a synchronous definition returns, not a promise: cucumber runs it at once', () => {
    const result = call((a, b) => `${String(a)}+${String(b)}`, 1, 2);
    assert.equal(result, '1+2');
  });

  it('throws at once, redacted, what a synchronous definition throws', () => {
    assert.throws(
      () =>
        call(() => {
          throw new Error(`expected ok, got ${SECRET}`);
        }),
      (error: Error) =>
        error.message === 'expected ok, got [REDACTED]' && !String(error.stack).includes(SECRET),
    );
  });

  it('returns a promise for an asynchronous definition, its rejection redacted', async () => {
    const result = call(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error(`token ${SECRET} refused`);
    });
    assert.ok(result instanceof Promise);
    await assert.rejects(result, { message: 'token [REDACTED] refused' });
  });

  it('redacts what a callback-style definition prints until it calls back, and the error it gives', async () => {
    let given: unknown;
    const lines = await printed(
      () =>
        new Promise<void>((resolve) => {
          // Cucumber passes its callback last when the definition declares it.
          call(
            (done: unknown) =>
              setImmediate(() => {
                console.log(`later ${SECRET}`);
                (done as (error: unknown) => void)(new Error(`bad ${SECRET}`));
                console.log(`after ${SECRET}`);
                resolve();
              }),
            (error: unknown) => (given = error),
          );
        }),
    );
    assert.deepEqual(lines, ['later [REDACTED]\n', `after ${SECRET}\n`]);
    assert.equal((given as Error).message, 'bad [REDACTED]');
  });

  it('redacts what a definition prints while it runs, and nothing once it is over', async () => {
    const sync = await printed(() => call(() => console.log(`sync ${SECRET}`)));
    assert.deepEqual(sync, ['sync [REDACTED]\n']);

    // An asynchronous definition keeps its redactor until it settles, for what it prints later.
    const later = await printed(() =>
      call(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        console.log(`async ${SECRET}`);
      }),
    );
    assert.deepEqual(later, ['async [REDACTED]\n']);

    // After a step, nothing is known to redact: the text passes as it is.
    const after = await printed(() => console.log(`after ${SECRET}`));
    assert.deepEqual(after, [`after ${SECRET}\n`]);
  });
});
