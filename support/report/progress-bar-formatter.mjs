// Cucumber's `progress-bar` formatter (the one on a terminal), with failures as people read them:
// as support/report/console-failure.ts says, the same as the dots formatter of logs. Cucumber's
// built-in class comes from its public FormatterBuilder. An ES module (cucumber loads formatters
// with import()): what it requires in TypeScript goes through the TypeScript loader (support/register.cjs).
import { createRequire } from 'node:module';
import { FormatterBuilder } from '@cucumber/cucumber';

const require = createRequire(import.meta.url);
require('../register.cjs');
const { consoleView } = require('./console-failure.ts');

const ProgressBarFormatter = await FormatterBuilder.getConstructorByType('progress-bar', process.cwd());

export default class ReadableProgressBarFormatter extends ProgressBarFormatter {
  static documentation = 'A progress bar, then the summary and the failures as people read them.';

  constructor(options) {
    super(options);
    this.eventDataCollector = consoleView(this.eventDataCollector);
  }
}
