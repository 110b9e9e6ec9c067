// Loads TypeScript: the harness's and the project's `.ts` files, transpiled by swc to CommonJS
// (`node -r ./support/register.cjs <file.ts>`, cucumber's `requireModule`). Each file's JavaScript
// is kept on disk under its content's hash, so a process transpiles only what changed since the
// last run and never loads the TypeScript compiler (`npm run typecheck` checks the types).
// Stack traces name the `.ts` lines (Node's own source maps, read for `.ts` files only).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { threadId } = require('node:worker_threads');

const HARNESS_ROOT = path.resolve(__dirname, '..');
const SWC_VERSION = require('@swc/core/package.json').version;
/** What tsconfig.json says (ES2022, CommonJS, esModuleInterop), as ts-node gave it to swc in transpile-only mode. */
const SWC_OPTIONS = {
  swcrc: false,
  sourceMaps: 'inline',
  inlineSourcesContent: false,
  module: { type: 'commonjs', noInterop: false, strictMode: true, ignoreDynamic: false },
  jsc: {
    parser: { syntax: 'typescript', tsx: false, decorators: false, dynamicImport: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { useDefineForClassFields: true },
  },
};

// A relative SBE_HARNESS_CACHE_DIR is named from where the command started, for every process and
// thread started from here too (cucumber's workers run in the project's folder).
if (process.env.SBE_HARNESS_CACHE_DIR?.trim()) {
  process.env.SBE_HARNESS_CACHE_DIR = path.resolve(process.env.SBE_HARNESS_CACHE_DIR.trim());
}
/** The harness's cache (as support/config/disk-cache.ts says). */
const CACHE_ROOT =
  process.env.SBE_HARNESS_CACHE_DIR || path.join(HARNESS_ROOT, 'node_modules/.cache/sbe-harness');
/** Where the JavaScript is kept: new swc or options, new folder. */
const CACHE_DIR = path.join(
  CACHE_ROOT,
  `ts-${SWC_VERSION}-${crypto.createHash('sha1').update(JSON.stringify(SWC_OPTIONS)).digest('hex').slice(0, 8)}`,
);

let swc;

/** The file's JavaScript: from the cache when its source has not changed, else transpiled now. */
function javascriptOf(filename, source) {
  const key = crypto.createHash('sha1').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE_DIR, key.slice(0, 2), `${key.slice(2)}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // Not transpiled yet.
  }
  swc ??= require('@swc/core');
  const { code } = swc.transformSync(source, { ...SWC_OPTIONS, filename });
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    // Written aside then renamed: a parallel worker never reads half a file.
    const partial = `${cached}.${process.pid}.${threadId}.${crypto.randomUUID()}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
  } catch {
    // A read-only install transpiles every time. (Not support/config/write-file.ts: this file is
    // what loads TypeScript.)
  }
  return code;
}

/** Compiles with Node's source maps on or off (they are read as modules compile), as it was after. */
function compilingWith(sourceMaps, compile) {
  const before = process.sourceMapsEnabled;
  if (before !== sourceMaps) process.setSourceMapsEnabled(sourceMaps);
  try {
    compile();
  } finally {
    if (process.sourceMapsEnabled !== before) process.setSourceMapsEnabled(before);
  }
}

if (!Module._extensions['.ts']) {
  require('./resolve-cache.cjs').cacheResolutions(CACHE_ROOT, HARNESS_ROOT);
  // Stack traces name the `.ts` lines. Node reads the source map of every module compiled while
  // maps are on, those of node_modules too (a tenth of a start-up): on for `.ts` files only.
  process.setSourceMapsEnabled(true);
  const compileJavaScript = Module._extensions['.js'];
  Module._extensions['.js'] = (module, filename) =>
    compilingWith(false, () => compileJavaScript(module, filename));
  Module._extensions['.ts'] = (module, filename) =>
    compilingWith(true, () =>
      module._compile(javascriptOf(filename, fs.readFileSync(filename, 'utf8')), filename),
    );
  // Processes and threads started from here (cucumber's workers, in the project's folder) inherit
  // `-r ./support/register.cjs`, which names a file from where the command ran: name it absolutely.
  process.execArgv.forEach((arg, index) => {
    const [flag, value] = arg.startsWith('--require=') ? ['--require=', arg.slice(10)] : ['', arg];
    if (/register\.cjs$/.test(value) && path.resolve(value) === __filename)
      process.execArgv[index] = flag + __filename;
  });
}
