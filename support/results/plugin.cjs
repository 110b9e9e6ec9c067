// Cucumber imports plugins with import(), which cannot load TypeScript: this CommonJS entry
// point hands over to the TypeScript plugin through ts-node's require hook.
require('ts-node/register');
module.exports = require('./plugin.ts').default;
