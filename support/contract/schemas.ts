import fs from 'node:fs';
import path from 'node:path';
import type * as AjvModule from 'ajv';
import type { default as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import type * as Ajv2020Module from 'ajv/dist/2020';
import type { default as Ajv2020Class } from 'ajv/dist/2020';
import type addFormatsTo from 'ajv-formats';
import type { OpenAPIV3 } from 'openapi-types';
import { cacheDir, contentKey } from '../config/disk-cache';
import { AJV_VERSION, standaloneValidator } from '../config/standalone-validator';
import type { Dialect } from './load';
import { OPENAPI_FORMATS } from './openapi-formats';

/** Which side sends the value: readOnly properties belong to responses, writeOnly ones to requests. */
export type Direction = 'request' | 'response';

type Schema = OpenAPIV3.SchemaObject & Record<string, unknown>;
type JsonSchema = Record<string, unknown> | boolean;

/** Keywords OpenAPI allows in a schema that JSON Schema validation ignores. */
const ANNOTATIONS = ['example', 'xml', 'externalDocs'];

/** Keywords whose value is one schema, in either dialect (3.0 knows the first few only). */
const ONE_SCHEMA = new Set([
  'items',
  'not',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names (or patterns) to schemas; `properties` has its own case. */
const SCHEMA_MAPS = new Set(['patternProperties', 'dependentSchemas']);
/** A 3.1 `schema: true` / `false`, as objects the validator cache can hold. */
const ANYTHING: OpenAPIV3.SchemaObject = {};
const NOTHING: OpenAPIV3.SchemaObject = { not: {} };

/**
 * 3.1 keywords that name or collect schemas for `$ref`s. The parser has already inlined every
 * `$ref`, so nothing points at them any more — and the same `$id` compiled once per direction
 * would be refused by Ajv as a duplicate. `$schema` goes too: the whole contract is 2020-12.
 */
const REFERENCE_TARGETS = new Set(['$id', '$schema', '$anchor', '$dynamicAnchor', '$defs', 'definitions']);

export interface SchemaProblem {
  /** JSON pointer into the validated value ('' is the value itself). */
  readonly pointer: string;
  readonly rule: string;
  readonly message: string;
}

/** Where the kept validators find the formats they check: this process's module, by its path. */
const FORMATS_MODULE = require.resolve('./openapi-formats');

/** Ajv's options for a contract's schemas (and where its code finds the formats: see `ajv()`). */
const OPTIONS = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  validateFormats: true,
} as const;
/**
 * 2020-12 makes a keyword it does not define an annotation, so a 3.1 schema may carry any; 3.0
 * defines a closed list, so there an unknown keyword is a mistake worth stopping on. And 2020-12
 * contracts say "then certifier is required" (`then: { required: [certifier] }`) without
 * repeating the property beside it, which strict mode would refuse.
 */
const OPTIONS_31 = { strictSchema: false, strictRequired: false } as const;

/**
 * Everything besides the schema that shapes the code Ajv writes, part of every kept validator's
 * key: a change to any of it is a new entry. Ajv writes a pattern format into the code itself, so
 * each format is named with its text.
 */
const COMPILER = JSON.stringify({
  entry: 'contract-validator-2',
  ajv: AJV_VERSION,
  ajvFormats: versionOf('ajv-formats'),
  formatsModule: FORMATS_MODULE,
  options: OPTIONS,
  options31: OPTIONS_31,
  annotations: ANNOTATIONS,
  formats: Object.entries(OPENAPI_FORMATS).map(([name, format]) => [name, formatText(format)]),
});

function versionOf(name: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string })
    .version;
}

/** A format as its code reads: a pattern's or a function's text, a definition's fields so written. */
function formatText(format: unknown): unknown {
  if (format instanceof RegExp || typeof format === 'function') return String(format);
  if (typeof format !== 'object' || format === null) return format;
  return Object.fromEntries(Object.entries(format).map(([field, value]) => [field, formatText(value)]));
}

/**
 * Compiles OpenAPI schemas into Ajv validators, each schema once per direction, and validates
 * values without changing them (no coercion, no defaults, nothing removed). A 3.0 contract is
 * compiled as the draft-04-flavoured subset 3.0 defines, a 3.1 contract as JSON Schema 2020-12.
 * Each validator is kept on disk as Ajv's standalone code, by the hash of the JSON Schema it was
 * compiled from: a later process checking the same contract loads it instead of loading Ajv and
 * compiling (tens of milliseconds per response kind, at every start).
 */
export class SchemaValidators {
  private compiler: AjvClass | Ajv2020Class | undefined;
  private readonly cache: Record<Direction, WeakMap<object, ValidateFunction>> = {
    request: new WeakMap(),
    response: new WeakMap(),
  };
  /** How many validators were made (compiled, or loaded from disk): flat after warm-up (the benchmark checks it). */
  compilations = 0;

  constructor(
    private readonly document: OpenAPIV3.Document,
    private readonly dialect: Dialect,
  ) {}

  validate(schema: OpenAPIV3.SchemaObject, value: unknown, direction: Direction): SchemaProblem[] {
    // A 3.1 `schema: true` / `false`: one shared object each, so they are compiled once too.
    const compiled =
      (schema as unknown) === true ? ANYTHING : (schema as unknown) === false ? NOTHING : schema;
    const validator = this.validator(compiled, direction);
    if (validator(value)) return [];
    return withoutNoise(validator.errors ?? []).map((error) => describe(error, value));
  }

  private validator(schema: OpenAPIV3.SchemaObject, direction: Direction): ValidateFunction {
    const cached = this.cache[direction].get(schema);
    if (cached) return cached;
    const jsonSchema = this.toJsonSchema(schema as Schema, direction, new Set()) as object;
    const key = contentKey(COMPILER, this.dialect, JSON.stringify(jsonSchema));
    const made = standaloneValidator(path.join(cacheDir(), `contract-validator-${key}.cjs`), () => {
      const ajv = this.ajv();
      return { ajv, validate: ajv.compile(jsonSchema) };
    });
    this.compilations += 1;
    this.cache[direction].set(schema, made);
    return made;
  }

  /** The compiler, made when a schema is first compiled in this process (loaded validators need none). */
  private ajv(): AjvClass | Ajv2020Class {
    if (this.compiler) return this.compiler;
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when a schema is new */
    const { default: Ajv, _ } = require('ajv') as typeof AjvModule;
    const { default: Ajv2020 } = require('ajv/dist/2020') as typeof Ajv2020Module;
    const addFormats = require('ajv-formats') as typeof addFormatsTo;
    /* eslint-enable @typescript-eslint/no-require-imports */
    // The kept code names the formats by this module, as the process that loads it has them.
    const options = {
      ...OPTIONS,
      code: { source: true, formats: _`require(${FORMATS_MODULE}).OPENAPI_FORMATS` },
    };
    const ajv = this.dialect === '3.1' ? new Ajv2020({ ...options, ...OPTIONS_31 }) : new Ajv(options);
    // ajv-formats' keywords (`formatMinimum`, …); its formats are all in OPENAPI_FORMATS, OpenAPI's own as OpenAPI has them.
    addFormats(ajv);
    for (const [name, format] of Object.entries(OPENAPI_FORMATS)) ajv.addFormat(name, format);
    ajv.addVocabulary(ANNOTATIONS);
    this.compiler = ajv;
    return ajv;
  }

  /** OpenAPI schema → JSON Schema for Ajv, for one direction. */
  private toJsonSchema(schema: Schema, direction: Direction, stack: Set<object>): JsonSchema {
    // A dereferenced recursive schema is an object cycle; below the first repetition anything goes.
    if (stack.has(schema)) return true;
    stack.add(schema);
    try {
      return this.convert(schema, direction, stack);
    } finally {
      stack.delete(schema);
    }
  }

  private convert(schema: Schema, direction: Direction, stack: Set<object>): JsonSchema {
    const out: Record<string, unknown> = {};
    // 3.1 allows `true` and `false` wherever a schema goes.
    const child = (value: unknown): JsonSchema =>
      typeof value === 'boolean' ? value : this.toJsonSchema(value as Schema, direction, stack);
    for (const [keyword, value] of Object.entries(schema)) {
      if (keyword.startsWith('x-') || keyword === 'nullable' || keyword === 'discriminator') continue;
      if (this.dialect === '3.1' && REFERENCE_TARGETS.has(keyword)) continue;
      if (ONE_SCHEMA.has(keyword)) out[keyword] = child(value);
      else if (SCHEMA_LISTS.has(keyword)) out[keyword] = (value as unknown[]).map(child);
      else if (SCHEMA_MAPS.has(keyword)) out[keyword] = mapValues(value, child);
      else if (keyword === 'properties') {
        out.properties = mapValues(value, (property) =>
          excluded(property, direction) ? false : child(property),
        );
      } else if (keyword === 'required') {
        out.required = (value as string[]).filter((name) => {
          const property = schema.properties?.[name];
          return !property || !excluded(property, direction);
        });
      } else if (keyword === 'format') {
        // OpenAPI formats are open-ended: one Ajv does not know is an annotation, not an error.
        if (Object.hasOwn(OPENAPI_FORMATS, value as string)) out.format = value;
      } else out[keyword] = value;
    }
    if (this.dialect === '3.0') exclusiveBounds(out);
    const discriminated = this.discriminate(schema, out, child);
    // `nullable` is 3.0's way to admit null. 3.1 dropped it for `type: [..., "null"]`, and 2020-12
    // makes it an annotation: a 3.1 contract still carrying it is judged as every 3.1 tool reads
    // it (null refused), rather than as the 3.0 document it once was.
    return this.dialect === '3.0' && schema.nullable ? allowNull(discriminated) : discriminated;
  }

  /**
   * `discriminator` picks the one subschema the value must match, by its property value through
   * `mapping` (or the component name when there is no mapping), so an error names the real branch
   * instead of every `oneOf` alternative.
   */
  private discriminate(
    schema: Schema,
    out: Record<string, unknown>,
    child: (value: unknown) => JsonSchema,
  ): Record<string, unknown> {
    const discriminator = schema.discriminator;
    const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    if (!discriminator || !alternatives) return out;
    const branches = new Map<string, Schema>();
    for (const [value, ref] of Object.entries(discriminator.mapping ?? {})) {
      const target = this.resolve(ref);
      if (target) branches.set(value, target);
    }
    if (branches.size === 0) {
      for (const [name, component] of Object.entries(this.document.components?.schemas ?? {})) {
        if (alternatives.includes(component as Schema)) branches.set(name, component as Schema);
      }
    }
    const property = discriminator.propertyName;
    delete out.oneOf;
    delete out.anyOf;
    return {
      ...out,
      type: 'object',
      required: [...new Set([...((out.required as string[]) ?? []), property])],
      properties: { ...(out.properties as object), [property]: { enum: [...branches.keys()] } },
      allOf: [
        ...((out.allOf as JsonSchema[]) ?? []),
        ...[...branches].map(([value, branch]) => ({
          if: { properties: { [property]: { const: value } }, required: [property] },
          then: child(branch),
        })),
      ],
    };
  }

  private resolve(ref: string): Schema | undefined {
    if (!ref.startsWith('#/')) {
      return this.document.components?.schemas?.[ref] as Schema | undefined;
    }
    let node: unknown = this.document;
    for (const segment of ref.slice(2).split('/')) {
      node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node as Schema | undefined;
  }
}

function excluded(property: unknown, direction: Direction): boolean {
  if (typeof property !== 'object' || property === null) return false;
  const { readOnly, writeOnly } = property as Schema;
  return direction === 'request' ? readOnly === true : writeOnly === true;
}

function mapValues(value: unknown, each: (schema: unknown) => JsonSchema): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(value as Record<string, unknown>)) out[name] = each(schema);
  return out;
}

/**
 * 3.0 took `exclusiveMinimum` / `exclusiveMaximum` from draft-04: a boolean that makes `minimum` /
 * `maximum` exclusive. Ajv speaks the later, numeric form, the bound itself.
 */
function exclusiveBounds(out: Record<string, unknown>): void {
  for (const [bound, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    if (typeof out[exclusive] !== 'boolean') continue;
    if (out[exclusive] === true && typeof out[bound] === 'number') {
      out[exclusive] = out[bound];
      delete out[bound];
    } else delete out[exclusive];
  }
}

function allowNull(schema: Record<string, unknown>): JsonSchema {
  const type = schema.type;
  if (typeof type === 'string') {
    const widened: Record<string, unknown> = { ...schema, type: [type, 'null'] };
    if (Array.isArray(schema.enum)) widened.enum = [...(schema.enum as unknown[]), null];
    return widened;
  }
  return { anyOf: [{ type: 'null' }, schema] };
}

/**
 * Combinator errors (`anyOf`, `oneOf`, a discriminator's `if`) and the `null` branch of a nullable
 * schema only repeat what the specific errors beside them say.
 */
function withoutNoise(errors: ErrorObject[]): ErrorObject[] {
  const noise = (error: ErrorObject): boolean =>
    ['if', 'anyOf', 'oneOf'].includes(error.keyword) ||
    (error.keyword === 'type' && (error.params as { type?: unknown }).type === 'null');
  const specific = errors.filter((error) => !noise(error));
  return specific.length > 0 ? specific : errors;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointer.split('/').slice(1)) {
    node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const text = json.length > 80 ? `${json.slice(0, 77)}...` : json;
  return `${text} (${type})`;
}

/** An Ajv error as a person can act on it: where, which rule, expected vs actual. */
function describe(error: ErrorObject, root: unknown): SchemaProblem {
  const actual = valueAt(root, error.instancePath);
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = `missing required property "${String(params.missingProperty)}"`;
      break;
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const property = String(params.additionalProperty ?? params.unevaluatedProperty);
      pointer = `${pointer}/${property}`;
      message = `unexpected property "${property}" (${error.keyword}: false)`;
      break;
    }
    case 'false schema': {
      // readOnly/writeOnly properties become `false` for the direction they may not be sent in
      // (a contract's own `properties: { x: false }` reads the same); any other `false`, such as
      // a 3.1 `patternProperties: { "^_": false }`, is the contract's own.
      const name = pointer.split('/').pop() ?? '';
      message = /\/properties\/[^/]+\/false schema$/.test(error.schemaPath)
        ? `property "${name}" must not be sent in this direction (readOnly/writeOnly)`
        : `nothing is allowed here (false schema), actual ${show(actual)}`;
      break;
    }
    case 'type': {
      const types = Array.isArray(params.type) ? (params.type as unknown[]) : [params.type];
      message = `expected ${types.map(String).join(' or ')}, actual ${show(actual)}`;
      break;
    }
    case 'const':
      message = `expected ${JSON.stringify(params.allowedValue)}, actual ${show(actual)}`;
      break;
    case 'enum':
      message = `expected one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, actual ${show(actual)}`;
      break;
    case 'if':
      message = `does not match the "${String(params.failingKeyword)}" branch chosen by its discriminator`;
      break;
    default:
      message = `${error.message ?? 'is invalid'}, actual ${show(actual)}`;
  }
  return { pointer: pointer || '/', rule: error.keyword, message };
}
