import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIV3 } from 'openapi-types';

/** Which side sends the value: readOnly properties belong to responses, writeOnly ones to requests. */
export type Direction = 'request' | 'response';

type Schema = OpenAPIV3.SchemaObject & Record<string, unknown>;
type JsonSchema = Record<string, unknown> | boolean;

/** Keywords OpenAPI allows in a schema that JSON Schema validation ignores. */
const ANNOTATIONS = ['example', 'xml', 'externalDocs'];

export interface SchemaProblem {
  /** JSON pointer into the validated value ('' is the value itself). */
  readonly pointer: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * Compiles OpenAPI 3.0 schemas into Ajv validators, each schema once per direction, and validates
 * values without changing them (no coercion, no defaults, nothing removed).
 */
export class SchemaValidators {
  private readonly ajv: Ajv;
  private readonly cache: Record<Direction, WeakMap<object, ValidateFunction>> = {
    request: new WeakMap(),
    response: new WeakMap(),
  };
  /** How many schemas were compiled: stays flat after warm-up (the benchmark checks it). */
  compilations = 0;

  constructor(private readonly document: OpenAPIV3.Document) {
    this.ajv = new Ajv({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      validateFormats: true,
    });
    addFormats(this.ajv);
    const anyNumber = { type: 'number' as const, validate: () => true };
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
    });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('float', anyNumber);
    this.ajv.addFormat('double', anyNumber);
    this.ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
    this.ajv.addFormat('binary', true);
    this.ajv.addFormat('password', true);
    this.ajv.addVocabulary(ANNOTATIONS);
  }

  validate(schema: OpenAPIV3.SchemaObject, value: unknown, direction: Direction): SchemaProblem[] {
    const validator = this.validator(schema, direction);
    if (validator(value)) return [];
    return withoutNoise(validator.errors ?? []).map((error) => describe(error, value));
  }

  private validator(schema: OpenAPIV3.SchemaObject, direction: Direction): ValidateFunction {
    const cached = this.cache[direction].get(schema);
    if (cached) return cached;
    const compiled = this.ajv.compile(this.toJsonSchema(schema as Schema, direction, new Set()) as object);
    this.compilations += 1;
    this.cache[direction].set(schema, compiled);
    return compiled;
  }

  /** OpenAPI 3.0 schema → JSON Schema for Ajv, for one direction. */
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
    const child = (value: unknown): JsonSchema => this.toJsonSchema(value as Schema, direction, stack);
    for (const [keyword, value] of Object.entries(schema)) {
      if (keyword.startsWith('x-') || keyword === 'nullable' || keyword === 'discriminator') continue;
      switch (keyword) {
        case 'properties': {
          const properties: Record<string, JsonSchema> = {};
          for (const [name, property] of Object.entries(value as Record<string, Schema>)) {
            properties[name] = excluded(property, direction) ? false : child(property);
          }
          out.properties = properties;
          break;
        }
        case 'required':
          out.required = (value as string[]).filter((name) => {
            const property = schema.properties?.[name] as Schema | undefined;
            return !property || !excluded(property, direction);
          });
          break;
        case 'items':
        case 'not':
          out[keyword] = child(value);
          break;
        case 'additionalProperties':
          out[keyword] = typeof value === 'boolean' ? value : child(value);
          break;
        case 'allOf':
        case 'anyOf':
        case 'oneOf':
          out[keyword] = (value as Schema[]).map(child);
          break;
        case 'format':
          // OpenAPI formats are open-ended: one Ajv does not know is an annotation, not an error.
          if (this.ajv.formats[value as string]) out.format = value;
          break;
        default:
          out[keyword] = value;
      }
    }
    const discriminated = this.discriminate(schema, out, child);
    return schema.nullable ? allowNull(discriminated) : discriminated;
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

function excluded(property: Schema, direction: Direction): boolean {
  return direction === 'request' ? property.readOnly === true : property.writeOnly === true;
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
      pointer = `${pointer}/${String(params.additionalProperty)}`;
      message = `unexpected property "${String(params.additionalProperty)}" (additionalProperties: false)`;
      break;
    case 'false schema': {
      const name = pointer.split('/').pop() ?? '';
      message = `property "${name}" must not be sent in this direction (readOnly/writeOnly)`;
      break;
    }
    case 'type':
      message = `expected ${String(params.type)}, actual ${show(actual)}`;
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
