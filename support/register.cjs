// Loads TypeScript: the harness's and the project's `.ts` files, transpiled by Sucrase to CommonJS
// (`node -r ./support/register.cjs <file.ts>`, cucumber's `requireModule`). Each file's JavaScript
// is kept on disk under its content's hash, so a process transpiles only what changed since the
// last run and never loads the TypeScript compiler (`npm run typecheck` checks the types).
// Sucrase keeps every line where it was: stack traces name the `.ts` lines with no source map to
// read (Node's source maps cost a start about 40 ms).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { threadId } = require('node:worker_threads');

const HARNESS_ROOT = path.resolve(__dirname, '..');
const SUCRASE_VERSION = require('sucrase/package.json').version;
/**
 * What tsconfig.json says (ES2022, CommonJS, esModuleInterop): types and imports are the only
 * transforms; Node 20 runs the rest of the language as written (class fields included).
 */
const SUCRASE_OPTIONS = { transforms: ['typescript', 'imports'], disableESTransforms: true };

// A relative SBE_HARNESS_CACHE_DIR is named from where the command started, for every process and
// thread started from here too (cucumber's workers run in the project's folder).
if (process.env.SBE_HARNESS_CACHE_DIR?.trim()) {
  process.env.SBE_HARNESS_CACHE_DIR = path.resolve(process.env.SBE_HARNESS_CACHE_DIR.trim());
}
/** The harness's cache (as support/config/disk-cache.ts says). */
const CACHE_ROOT =
  process.env.SBE_HARNESS_CACHE_DIR || path.join(HARNESS_ROOT, 'node_modules/.cache/sbe-harness');
/** Where the JavaScript is kept: new Sucrase or options, new folder. */
const CACHE_DIR = path.join(
  CACHE_ROOT,
  `ts-sucrase-${SUCRASE_VERSION}-${crypto.createHash('sha1').update(JSON.stringify(SUCRASE_OPTIONS)).digest('hex').slice(0, 8)}`,
);

let sucrase;

/** The file's JavaScript: from the cache when its source has not changed, else transpiled now. */
function javascriptOf(filename, source) {
  const key = crypto.createHash('sha1').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE_DIR, key.slice(0, 2), `${key.slice(2)}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // Not transpiled yet.
  }
  sucrase ??= require('sucrase');
  const { code } = sucrase.transform(source, { ...SUCRASE_OPTIONS, filePath: filename });
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

if (!Module._extensions['.ts']) {
  require('./resolve-cache.cjs').cacheResolutions(CACHE_ROOT, HARNESS_ROOT);
  Module._extensions['.ts'] = (module, filename) =>
    module._compile(javascriptOf(filename, fs.readFileSync(filename, 'utf8')), filename);
  // Processes and threads started from here (cucumber's workers, in the project's folder) inherit
  // `-r ./support/register.cjs`, which names a file from where the command ran: name it absolutely.
  process.execArgv.forEach((arg, index) => {
    const [flag, value] = arg.startsWith('--require=') ? ['--require=', arg.slice(10)] : ['', arg];
    if (/register\.cjs$/.test(value) && path.resolve(value) === __filename)
      process.execArgv[index] = flag + __filename;
  });
  // They read NODE_OPTIONS again too, threads whatever their own options say: its preloads named
  // relatively (`--require ./x.js`) are named from here.
  if (process.env.NODE_OPTIONS)
    process.env.NODE_OPTIONS = absoluteNodeOptions(process.env.NODE_OPTIONS, process.cwd());
}

/** NODE_OPTIONS with each preload named by a relative path (`./`, `../`) named from `cwd`. */
function absoluteNodeOptions(options, cwd) {
  return options.replace(
    /(^|\s)(-r|--require)(=|\s+)(\.{1,2}\/\S*)/g,
    (_match, before, flag, between, file) => `${before}${flag}${between}${path.resolve(cwd, file)}`,
  );
}

/**
 * Transpiles these TypeScript files into the cache now (`npm run setup`): the first commands, and
 * the first processes of a parallel run, then read them instead of each transpiling them. Returns
 * the files that could not be (the command that loads one names what is wrong with it).
 */
function transpileAhead(files) {
  return files.filter((file) => {
    try {
      javascriptOf(file, fs.readFileSync(file, 'utf8'));
      return false;
    } catch {
      return true;
    }
  });
}

module.exports = { absoluteNodeOptions, transpileAhead };
