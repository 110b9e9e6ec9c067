import fs from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { locatePointer } from './locate';
import { UsageError, displayPath, yamlReason } from '../errors';

export interface ValidatedYaml<T> {
  readonly data: T;
  /** `specs/requirements.yaml:12:7`: where a JSON pointer's node is, for errors found later. */
  readonly at: (pointer: string) => string;
}

/**
 * Reads a YAML file of the harness's own (the requirement catalogue, the gate policies) and checks
 * it against its schema. Whatever is wrong is one line naming the file, the line and the column:
 * a missing file, YAML that does not parse, a value the schema refuses.
 */
export function readValidatedYaml<T>(
  file: string,
  validate: ValidateFunction<T>,
  missing: string,
): ValidatedYaml<T> {
  const shown = displayPath(file);
  const at = (pointer: string): string => `${shown}:${locatePointer(file, `#${pointer}`) ?? '1:1'}`;
  if (!fs.existsSync(file)) throw new UsageError(`${shown}: ${missing}`);
  const lineCounter = new LineCounter();
  const document = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter });
  const [yamlError] = document.errors;
  if (yamlError) {
    const position = yamlError.linePos?.[0];
    const where = position ? `${position.line}:${position.col}` : '1:1';
    throw new UsageError(`${shown}:${where}: not valid YAML: ${yamlReason(yamlError.message)}`);
  }
  const data: unknown = document.toJS();
  if (!validate(data)) {
    const [error] = validate.errors ?? [];
    const pointer = error?.instancePath ?? '';
    const params = (error?.params ?? {}) as { additionalProperty?: string; allowedValues?: unknown[] };
    const property =
      params.additionalProperty !== undefined
        ? ` "${params.additionalProperty}"`
        : error?.propertyName !== undefined
          ? ` ("${error.propertyName}")`
          : '';
    const allowed = params.allowedValues ? ` (${params.allowedValues.join(', ')})` : '';
    throw new UsageError(
      `${at(pointer)}: ${pointer || '/'} ${error?.message ?? 'is invalid'}${property}${allowed}`,
    );
  }
  return { data, at };
}
