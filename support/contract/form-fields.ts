import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { UsageError } from '../errors';
import { contentTypeOfFile, type FormField } from '../http/form-body';
import { propertiesOf } from './coerce';
import { hasPlaceholder } from './interpolation';
import type { Operation } from './operation';

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

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Why `Given the request form:` cannot go to this operation, if it cannot: it takes no form, or a
 * field is not one its form declares (when the form's schema lists its fields and takes no others).
 */
export function formProblem(operation: Operation, names: readonly string[]): string | undefined {
  const content =
    (operation.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content ?? {};
  const forms = Object.keys(content).filter((type) =>
    FORM_TYPES.includes(type.split(';')[0]!.trim().toLowerCase()),
  );
  if (forms.length === 0) {
    const declared = Object.keys(content);
    return `${operation.operationId} does not take a form (it declares: ${declared.length > 0 ? declared.join(', ') : 'no request body'})`;
  }
  const schemas = forms.map((type) => content[type]!.schema as OpenAPIV3.SchemaObject | undefined);
  // A form whose schema does not list its fields, or takes others, takes any name.
  if (schemas.some((schema) => !schema || isOpen(schema))) return undefined;
  const known = [...new Set(schemas.flatMap((schema) => Object.keys(propertiesOf(schema))))];
  const unknown = names.filter((name) => !hasPlaceholder(name) && !known.includes(name));
  if (unknown.length === 0) return undefined;
  return `${operation.operationId}'s form has no field ${unknown.map((name) => `"${name}"`).join(', ')} (its fields: ${known.join(', ')})`;
}

/** Does the schema take properties it does not list? Only when it says so, or lists none. */
function isOpen(schema: OpenAPIV3.SchemaObject): boolean {
  if (Object.keys(propertiesOf(schema)).length === 0) return true;
  const parts = [schema, ...((schema.allOf ?? []) as OpenAPIV3.SchemaObject[])];
  return parts.some(
    (part) => part.additionalProperties === true || typeof part.additionalProperties === 'object',
  );
}
