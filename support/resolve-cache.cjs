// Remembers where packages resolve. Node finds `require('ajv')` by trying folder after folder and
// file after file in node_modules: a few hundred file-system calls in every process the harness
// starts. What a package name, or a file inside node_modules, resolves to changes only when packages
// are installed, so it is kept on disk beside the transpiled files, and forgotten whenever npm's own
// record of the install (node_modules/.package-lock.json) or the Node version changes. The project's
// own files are always resolved by Node: a file added or moved is found as it is now.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { isMainThread, threadId } = require('node:worker_threads');

/** Node options that change where a request resolves. */
const RESOLUTION_FLAGS = /^(--conditions|-C|--preserve-symlinks|--preserve-symlinks-main|--experimental-)/;

/**
 * The install as npm recorded it (any `npm install`, `npm ci` or `npm update` changes it), and what
 * else decides where a request resolves: Node's version, its resolution options, NODE_PATH.
 */
function installStamp(nodeModules) {
  try {
    const record = fs.statSync(path.join(nodeModules, '.package-lock.json'));
    const options = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].filter((option) =>
      RESOLUTION_FLAGS.test(option),
    );
    return JSON.stringify([
      process.version,
      record.mtimeMs,
      record.size,
      options,
      process.env.NODE_PATH ?? '',
    ]);
  } catch {
    return undefined;
  }
}

function readSaved(file, stamp) {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (saved.stamp === stamp && saved.paths && typeof saved.paths === 'object') return saved.paths;
  } catch {
    // None yet, or unreadable: start afresh.
  }
  return {};
}

/**
 * A request whose answer depends only on what is installed in this node_modules: a package name,
 * or a path from inside it. (Answers outside it — another project's node_modules, a NODE_PATH
 * folder — are not kept: its install record says nothing of them.)
 */
function isStable(request, parentFile, installed) {
  if (Module.isBuiltin(request)) return false;
  const relative = request.startsWith('.') || path.isAbsolute(request);
  return !relative || parentFile.startsWith(installed);
}

/**
 * Resolves through the saved answers from now on in this thread, and saves the new ones when the
 * process exits (written aside, then renamed: a process never reads half a file).
 */
function cacheResolutions(cacheRoot, projectRoot) {
  const nodeModules = path.join(projectRoot, 'node_modules');
  const installed = nodeModules + path.sep;
  const stamp = installStamp(nodeModules);
  if (stamp === undefined) return;
  const project = crypto.createHash('sha1').update(projectRoot).digest('hex').slice(0, 8);
  const file = path.join(cacheRoot, `resolved-${project}.json`);
  const paths = readSaved(file, stamp);
  const learned = {};
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveRemembered(request, parent, isMain, options) {
    const parentFile = parent?.filename;
    if (isMain || options || !parentFile || !isStable(request, parentFile, installed)) {
      return resolve.call(this, request, parent, isMain, options);
    }
    const key = `${path.dirname(parentFile)}\0${request}`;
    const known = paths[key];
    if (known !== undefined) return known;
    const found = resolve.call(this, request, parent, isMain, options);
    if (found.startsWith(installed)) learned[key] = paths[key] = found;
    return found;
  };
  if (!isMainThread) return;
  process.once('exit', () => {
    if (Object.keys(learned).length === 0) return;
    try {
      // Other processes may have learned other paths meanwhile: keep theirs too.
      const merged = { stamp, paths: { ...readSaved(file, stamp), ...learned } };
      fs.mkdirSync(cacheRoot, { recursive: true });
      const partial = `${file}.${process.pid}.${threadId}.${crypto.randomUUID()}.tmp`;
      fs.writeFileSync(partial, JSON.stringify(merged));
      fs.renameSync(partial, file);
    } catch {
      // A read-only install resolves as Node does, every time.
    }
  });
}

module.exports = { cacheResolutions };
