import path from 'node:path';
import type { default as AjvClass, Options, ValidateFunction } from 'ajv';
import { cacheDir, contentKey } from './disk-cache';
import { AJV_VERSION, standaloneValidator } from './standalone-validator';

/** A validator of one of the harness's schemas, named by the hash of its schema and options. */
export type OwnSchemaValidator<T> = ValidateFunction<T> & { readonly schemaKey: string };

/**
 * A validator of one of the harness's own schemas (the project file, the catalogue, the gate
 * policy, the results model). Compiled on its first use, once per schema: Ajv's standalone code is
 * kept on disk by the hash of the schema and its options, and later processes load that module
 * instead of loading Ajv and compiling again (tens of milliseconds per schema).
 */
export function ownSchemaValidator<T>(schema: object, options: Options = {}): OwnSchemaValidator<T> {
  const schemaKey = contentKey(AJV_VERSION, JSON.stringify(options), JSON.stringify(schema));
  let real: ValidateFunction<T> | undefined;
  const validate = Object.assign(
    (data: unknown): data is T => {
      real ??= loadOrCompile<T>(schemaKey, schema, options);
      const valid = real(data);
      validate.errors = real.errors ?? null;
      return valid;
    },
    { schemaKey },
  ) as OwnSchemaValidator<T>;
  validate.errors = null;
  return validate;
}

function loadOrCompile<T>(schemaKey: string, schema: object, options: Options): ValidateFunction<T> {
  return standaloneValidator(path.join(cacheDir(), `validator-${schemaKey}.cjs`), () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a schema is new
    const { default: Ajv } = require('ajv') as { default: typeof AjvClass };
    const ajv = new Ajv({ ...options, code: { ...options.code, source: true } });
    return { ajv, validate: ajv.compile<T>(schema) };
  });
}
