// allure-cucumberjs's reporter, as the reporting thread runs it (allure-on-thread.ts), with each failure's
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
  constructor(options) {
    super(options);
    forgetWrittenSteps(this.allureRuntime);
  }

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

/**
 * allure-js-commons (3.12) keeps, for the whole run, every step it started (its result and
 * attachments, under its id) and which test or hook each step belonged to: about 1.7 kB a scenario
 * of the API corpus, most of what the reporting thread grew by. Nothing reads a step once it
 * stopped, nor a test's or hook's steps once it is written, so they are let go then.
 */
function forgetWrittenSteps(runtime) {
  const { state, stepStack } = runtime;
  const { stopStep, writeTest, writeScope } = runtime;
  runtime.stopStep = (uuid, options) => {
    stopStep(uuid, options);
    state.deleteStepResult(uuid);
    stepStack.rootsByStep.delete(uuid);
  };
  runtime.writeTest = (uuid) => {
    writeTest(uuid);
    stepStack.removeRoot(uuid);
  };
  runtime.writeScope = (uuid) => {
    const hooks = state.getScope(uuid)?.fixtures ?? [];
    writeScope(uuid);
    for (const hook of hooks) stepStack.removeRoot(hook.uuid);
  };
}

module.exports = TitledAllureCucumberReporter;
module.exports.forgetWrittenSteps = forgetWrittenSteps;
