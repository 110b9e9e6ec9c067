import type { OpenAPIV3 } from 'openapi-types';

type Schema = OpenAPIV3.SchemaObject;

/** A schema's properties, those of its `allOf` parts included (a multipart form extending a model). */
export function propertiesOf(schema: Schema | undefined): Record<string, Schema> {
  if (!schema) return {};
  const parts = (schema.allOf ?? []) as Schema[];
  return Object.assign({}, ...parts.map((part) => propertiesOf(part)), schema.properties ?? {}) as Record<
    string,
    Schema
  >;
}

/** A decoded form's text fields read as the types of the schema's properties. */
export function coerceForm(body: unknown, declared: unknown): unknown {
  const properties = propertiesOf(declared as Schema | undefined);
  if (typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(
    Object.entries(body as Record<string, string | string[]>).map(([name, value]) => {
      const property = properties[name];
      return [name, property ? coerceParameter(value, property) : value];
    }),
  );
}

/** Parameters arrive as text: read them as the types their schema declares, without guessing. */
export function coerceParameter(raw: string | string[] | Record<string, string>, schema: Schema): unknown {
  if (!Array.isArray(raw) && typeof raw === 'object') {
    const properties = propertiesOf(schema);
    return Object.fromEntries(
      Object.entries(raw).map(([key, value]) => {
        const property = properties[key];
        return [key, property ? coerceParameter(value, property) : value];
      }),
    );
  }
  if (schema.type === 'array') {
    const values = Array.isArray(raw) ? raw : raw.split(',');
    const items = (schema.items ?? {}) as Schema;
    return values.map((value) => coerceParameter(value, items));
  }
  if (Array.isArray(raw)) return raw;
  return coerceScalar(raw, schema);
}

/** One text read as the scalar type the schema declares; left as text when it is not one. */
export function coerceScalar(raw: string, schema: Schema): unknown {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    default:
      return raw;
  }
}
