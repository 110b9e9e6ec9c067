// allure-cucumberjs's reporter, with each failure's message its first line (the headline of
// support/report/console-failure.ts): Allure titles the entries of its Categories tab with the
// message, and took the whole stack as the title. The whole text stays in the trace.
// Plain JavaScript: cucumber loads formatters with import(), which cannot load TypeScript; what
// it requires can, through ts-node (registered by cucumber.cjs already, here for any other caller).
require('ts-node/register');
const AllureCucumberReporter = require('allure-cucumberjs/reporter');
const { failureTitle } = require('./console-failure.ts');

class TitledAllureCucumberReporter extends AllureCucumberReporter {
  exceptionToError(message, exception) {
    const error = super.exceptionToError(message, exception);
    if (!error) return error;
    return { ...error, message: failureTitle(exception, message), stack: message ?? exception.stackTrace };
  }
}

module.exports = TitledAllureCucumberReporter;
