// Cucumber imports plugins with import(), which cannot load TypeScript: this CommonJS entry
// point hands over to the TypeScript plugin through the TypeScript loader (support/register.cjs).
require('../register.cjs');
module.exports = require('./plugin.ts').default;
