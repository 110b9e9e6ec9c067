// allure-cucumberjs's reporter, as the Allure thread runs it (allure-thread.ts), with each failure's
// message its first line (the headline of support/report/console-failure.ts): Allure titles the
// entries of its Categories tab with the message, and took the whole stack as the title. The whole text stays in the trace, after the
// failure's kind (support/report/failure-kind.ts), which Allure's categories match.
// Plain JavaScript, a subclass of allure-cucumberjs's CommonJS class; what it requires is TypeScript,
// through the TypeScript loader (registered by the thread already, here for any other caller).
require('../register.cjs');
const AllureCucumberReporter = require('allure-cucumberjs/reporter');
const { failureTitle, goesBy } = require('./console-failure.ts');
const { markedTrace } = require('./failure-kind.ts');

class TitledAllureCucumberReporter extends AllureCucumberReporter {
  exceptionToError(message, exception) {
    const error = super.exceptionToError(message, exception);
    if (!error) return error;
    const title = failureTitle(exception, message);
    return {
      ...error,
      // The name the error goes by (`AssertionError`): Allure tells a failure from a broken test by it.
      name: goesBy(exception.type),
      message: title,
      // Its kind first (by the error's class), which the categories match: see failure-kind.ts.
      stack: markedTrace(exception.type, title, message ?? exception.stackTrace),
    };
  }

  // allure-cucumberjs keeps every pickle and test case of a run in maps it never empties, though it
  // reads them only while their attempts run: a long run's memory. Once a test case's last attempt
  // is written, it is forgotten.
  onTestCaseFinished(data) {
    super.onTestCaseFinished(data);
    const started = this.testCaseStartedMap.get(data.testCaseStartedId);
    this.testCaseStartedMap.delete(data.testCaseStartedId);
    if (data.willBeRetried) return;
    const testCase = started && this.testCaseMap.get(started.testCaseId);
    if (!testCase) return;
    for (const step of testCase.testSteps) this.testStepMap.delete(step.id);
    for (const step of this.pickleMap.get(testCase.pickleId)?.steps ?? []) this.pickleStepMap.delete(step.id);
    this.pickleMap.delete(testCase.pickleId);
    this.testCaseMap.delete(testCase.id);
  }
}

module.exports = TitledAllureCucumberReporter;
