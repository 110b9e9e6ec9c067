import fs from 'node:fs';
import path from 'node:path';
import type { default as AjvCore, ValidateFunction } from 'ajv/dist/core';
import type standaloneCodeOf from 'ajv/dist/standalone';
import { writeCacheEntry } from './disk-cache';

const AJV_PACKAGE = require.resolve('ajv/package.json');
/** Part of every key: another Ajv writes other code. */
export const AJV_VERSION = (JSON.parse(fs.readFileSync(AJV_PACKAGE, 'utf8')) as { version: string }).version;
/** Ajv's folder: the standalone code requires its runtime helpers from a cache folder anywhere. */
const AJV_DIR = JSON.stringify(path.dirname(AJV_PACKAGE)).slice(1, -1);

/**
 * The validator kept in `file` (Ajv's standalone code, a module), or compiled now by `compile` and
 * kept there for the next process. A process that finds every validator it needs on disk never
 * loads Ajv. `compile` must give its Ajv `code: { source: true }`; an entry that cannot be loaded
 * (written by another Ajv, or naming a module that moved) is compiled again.
 */
export function standaloneValidator<T>(
  file: string,
  compile: () => { readonly ajv: AjvCore; readonly validate: ValidateFunction<T> },
): ValidateFunction<T> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module written by this cache
    return require(file) as ValidateFunction<T>;
  } catch {
    // Not compiled yet (or an unreadable entry): compiled now.
  }
  const { ajv, validate } = compile();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a schema is new
  const { default: standaloneCode } = require('ajv/dist/standalone') as { default: typeof standaloneCodeOf };
  writeCacheEntry(file, standaloneCode(ajv, validate).replaceAll('require("ajv/', `require("${AJV_DIR}/`));
  return validate;
}
