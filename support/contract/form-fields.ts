import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../errors';
import { contentTypeOfFile, type FormField } from '../http/form-body';

const FILE = '@file:';

/**
 * The rows of `Given the request form:` as form fields: a value `@file:<path>` is a file part,
 * read relative to the feature file's folder (a missing file names the path it tried).
 */
export function formFields(rows: readonly (readonly [string, string])[], featureDir: string): FormField[] {
  return rows.map(([name, value]) => {
    if (!value.startsWith(FILE)) return { name, value };
    const path = resolve(featureDir, value.slice(FILE.length).trim());
    let content: Buffer;
    try {
      content = readFileSync(path);
    } catch (error) {
      throw new UsageError(
        `form field "${name}": cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    return { name, file: { filename: basename(path), content, contentType: contentTypeOfFile(path) } };
  });
}
