// Cucumber's `progress` formatter — one character per step, then the summary — written in batches.
// Writing to a pipe is synchronous on Linux, and a CI log is a pipe: one write per step cost a
// 1,000-scenario run most of a second in cucumber's coordinator, which every worker waits on.
// Plain JavaScript: cucumber loads formatters with import(), which cannot load TypeScript.
const { ProgressFormatter } = require('@cucumber/cucumber');

const BATCH_MS = 250;

class BatchedProgressFormatter extends ProgressFormatter {
  static documentation =
    'Prints one character per step, written at most every quarter second, then the summary.';

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
  }
}

module.exports = BatchedProgressFormatter;
