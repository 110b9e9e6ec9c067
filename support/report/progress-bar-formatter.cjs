// Cucumber's `progress-bar` formatter (the one on a terminal), with failures as people read them:
// as support/report/console-failure.ts says, the same as the dots formatter of logs.
// Plain JavaScript: cucumber loads formatters with import(), which cannot load TypeScript; what
// it requires can, through ts-node (registered by cucumber.cjs already, here for any other caller).
require('ts-node/register');
const { default: ProgressBarFormatter } = require('@cucumber/cucumber/lib/formatter/progress_bar_formatter');
const { consoleView } = require('./console-failure.ts');

class ReadableProgressBarFormatter extends ProgressBarFormatter {
  static documentation = 'A progress bar, then the summary and the failures as people read them.';

  constructor(options) {
    super(options);
    this.eventDataCollector = consoleView(this.eventDataCollector);
  }
}

module.exports = ReadableProgressBarFormatter;
