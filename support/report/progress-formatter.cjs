// Cucumber's `progress` formatter — one character per step, then the summary — written in batches.
// Writing to a pipe is synchronous on Linux, and a CI log is a pipe: one write per step cost a
// 1,000-scenario run most of a second in cucumber's coordinator, which every worker waits on.
// Failures read as support/report/console-failure.ts says (one line for a dead service, the
// project's own frames only, no attachment lines).
// Plain JavaScript: cucumber loads formatters with import(), which cannot load TypeScript; what
// it requires can, through the TypeScript loader (registered by cucumber.cjs already, here for any other caller).
require('../register.cjs');
const { ProgressFormatter } = require('@cucumber/cucumber');
const { consoleView } = require('./console-failure.ts');
const { FORGET_PASSED_ATTEMPTS, forgettingPassedAttempts } = require('./passed-attempts.ts');

const BATCH_MS = 250;

class BatchedProgressFormatter extends ProgressFormatter {
  static documentation =
    'Prints one character per step, written at most every quarter second, then the summary and the failures as people read them.';

  constructor(options) {
    let pending = '';
    let timer;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (pending === '') return;
      const text = pending;
      pending = '';
      options.log(text);
    };
    const log = (text) => {
      pending += String(text);
      // A line break ends a block (the summary, a failure): it shows at once.
      if (pending.includes('\n')) flush();
      else timer ??= setTimeout(flush, BATCH_MS).unref();
    };
    const cleanup = async () => {
      flush();
      await options.cleanup();
    };
    super({ ...options, log, cleanup });
    const collector = this.eventDataCollector;
    this.eventDataCollector = consoleView(collector);
    // A long run's memory: attempts that passed are counted for the summary, then forgotten.
    if (options.parsedArgvOptions?.[FORGET_PASSED_ATTEMPTS] === true) {
      this.eventDataCollector = forgettingPassedAttempts(
        options.eventBroadcaster,
        collector,
        this.eventDataCollector,
      );
    }
  }
}

module.exports = BatchedProgressFormatter;
