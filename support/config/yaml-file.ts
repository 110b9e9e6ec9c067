import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { ErrorObject } from 'ajv';
import { cacheDir, contentKey, writeCacheEntry } from './disk-cache';
import { locatePointer } from './locate';
import type { OwnSchemaValidator } from './own-schema';
import { UsageError, displayPath, yamlReason } from '../errors';
import type * as Yaml from 'yaml';

export interface ValidatedYaml<T> {
  readonly data: T;
  /** `specs/requirements.yaml:12:7`: where a JSON pointer's node is, for errors found later. */
  readonly at: (pointer: string) => string;
}

/**
 * Reads a YAML file of the harness's own (the project file, the requirement catalogue, the gate
 * policies) and checks it against its schema. Whatever is wrong is one line naming the file, the
 * line and the column: a missing file, YAML that does not parse, a value the schema refuses. A file
 * that passed is kept on disk by the hash of its content and its schema: the next process reads it
 * back without loading the YAML parser.
 */
export function readValidatedYaml<T>(
  file: string,
  validate: OwnSchemaValidator<T>,
  missing: string,
): ValidatedYaml<T> {
  const shown = displayPath(file);
  const at = (pointer: string): string => `${shown}:${locatePointer(file, `#${pointer}`) ?? '1:1'}`;
  if (!fs.existsSync(file)) throw new UsageError(`${shown}: ${missing}`);
  const text = fs.readFileSync(file, 'utf8');
  const entry = path.join(
    cacheDir(),
    `yaml-${contentKey('yaml-1', validate.schemaKey, path.resolve(file), text)}.v8`,
  );
  const cached = readEntry<T>(entry);
  if (cached !== undefined) return { data: cached, at };
  const data = parseYaml(text, shown);
  if (!validate(data)) throw new UsageError(schemaProblem(validate.errors ?? [], at));
  writeCacheEntry(entry, v8.serialize(data));
  return { data, at };
}

function readEntry<T>(entry: string): T | undefined {
  try {
    return v8.deserialize(fs.readFileSync(entry)) as T;
  } catch {
    return undefined;
  }
}

/** The YAML's data; what does not parse is one line with its position. */
function parseYaml(text: string, shown: string): unknown {
  // Loaded only for a file that changed since it was last read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LineCounter, parseDocument } = require('yaml') as typeof Yaml;
  const document = parseDocument(text, { lineCounter: new LineCounter() });
  const [yamlError] = document.errors;
  if (yamlError) {
    const position = yamlError.linePos?.[0];
    const where = position ? `${position.line}:${position.col}` : '1:1';
    throw new UsageError(`${shown}:${where}: not valid YAML: ${yamlReason(yamlError.message)}`);
  }
  return document.toJS() as unknown;
}

/** The schema's first complaint, where it is in the file. */
function schemaProblem(errors: readonly ErrorObject[], at: (pointer: string) => string): string {
  const [error] = errors;
  const pointer = error?.instancePath ?? '';
  const params = (error?.params ?? {}) as { additionalProperty?: string; allowedValues?: unknown[] };
  const property =
    params.additionalProperty !== undefined
      ? ` "${params.additionalProperty}"`
      : error?.propertyName !== undefined
        ? ` ("${error.propertyName}")`
        : '';
  const allowed = params.allowedValues ? ` (${params.allowedValues.join(', ')})` : '';
  return `${at(pointer)}: ${pointer || '/'} ${error?.message ?? 'is invalid'}${property}${allowed}`;
}
