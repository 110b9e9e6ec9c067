// The harness's Allure formatter: allure-cucumberjs, with each failure titled by its first line
// (support/report/titled-allure-reporter.cjs), run on the run's reporting thread (reporting-thread.ts),
// which the results plugin feeds every message. In cucumber's coordinator it does nothing else.
// Plain JavaScript: cucumber loads formatters with import(), which cannot load TypeScript; what
// it requires can, through the TypeScript loader (registered by cucumber.cjs already, here for any other caller).
require('../register.cjs');
const { Formatter } = require('@cucumber/cucumber');
const { reportOnReportingThread } = require('./allure-formatter.ts');

class AllureOnTheReportingThread extends Formatter {
  static documentation = 'Allure results (allure-cucumberjs), written on the reporting thread';

  constructor(options) {
    super(options);
    this.checkFed = reportOnReportingThread(options);
  }

  async finished() {
    this.checkFed();
    await super.finished();
  }
}

module.exports = AllureOnTheReportingThread;
