// The snippet syntax cucumber uses for undefined steps (`formatOptions.snippetSyntax` in
// cucumber.cjs): TypeScript in the project's style, see support/report/snippet-syntax.ts.
// Plain JavaScript: cucumber loads it with import(), which cannot load TypeScript; what it
// requires can, through the TypeScript loader (registered by cucumber.cjs already, here for any other caller).
require('../register.cjs');
const path = require('node:path');
const { config } = require('../config/config.ts');
const { TypedSnippetSyntax, declaredParameterTypes } = require('./snippet-syntax.ts');

/** Where parameter types are defined and used: the project's steps and the harness's own. */
const sourceDirs = () => [...config().stepsDirs, path.join(__dirname, '../cucumber')];

class ProjectSnippetSyntax extends TypedSnippetSyntax {
  constructor(snippetInterface) {
    let types;
    super(snippetInterface, (name) => (types ??= declaredParameterTypes(sourceDirs())).get(name));
  }
}

module.exports = ProjectSnippetSyntax;
