import { sample } from 'openapi-sampler';
import type { OpenAPIV3 } from 'openapi-types';

type Schema = OpenAPIV3.SchemaObject;

/**
 * The value a contract gives for something: its `example`, else the first of its `examples` — an
 * array in a 3.1 schema (JSON Schema's keyword), a map of named examples on parameters and media types.
 */
function firstExample(holder: { example?: unknown; examples?: unknown }): unknown {
  if (holder.example !== undefined) return holder.example;
  const { examples } = holder;
  if (Array.isArray(examples)) return examples[0];
  if (examples && typeof examples === 'object') {
    for (const each of Object.values(examples as Record<string, OpenAPIV3.ExampleObject>)) {
      // An externalValue is a file somewhere else: only inline values can go into a feature.
      if (each && typeof each === 'object' && each.value !== undefined) return each.value;
    }
  }
  return undefined;
}

/** A sample of a schema, as the contract's own words give it where they can (example, default, enum). */
export function sampleOfSchema(
  schema: Schema | undefined,
  options: { skipReadOnly?: boolean } = {},
): unknown {
  if (!schema) return undefined;
  const given: unknown = firstExample(schema) ?? schema.default ?? schema.enum?.[0];
  if (given !== undefined) return given;
  return sample(schema as Parameters<typeof sample>[0], {
    ...options,
    skipWriteOnly: false,
    enablePatterns: true,
    quiet: true,
  });
}

/**
 * The value a scenario gives a parameter: its example(s), else its schema's example, default or first
 * enum value, else a sample of its schema (`openapi-sampler`). A parameter described by `content`
 * takes its media type's example or schema the same way.
 */
export function parameterValue(parameter: OpenAPIV3.ParameterObject): string {
  let value = firstExample(parameter);
  if (value === undefined && parameter.content) {
    const media = Object.values(parameter.content)[0];
    value = media && (firstExample(media) ?? sampleOfSchema(media.schema as Schema | undefined));
    if (value !== undefined && typeof value !== 'string') return JSON.stringify(value);
  }
  value ??= sampleOfSchema(parameter.schema as Schema | undefined);
  return asText(value, parameter);
}

/**
 * How a value is written in a request: an array of an exploded query parameter is sent as its
 * first item (the steps give one value per name), else comma-separated as OpenAPI's `simple` and
 * `form` styles write it; numbers, booleans and objects as JSON.
 */
function asText(value: unknown, parameter: OpenAPIV3.ParameterObject): string {
  if (value === undefined || value === null) return 'example';
  if (Array.isArray(value)) {
    const exploded =
      parameter.explode ?? (parameter.style ?? (parameter.in === 'query' ? 'form' : 'simple')) === 'form';
    if (value.length === 0) return '';
    return exploded ? asText(value[0], parameter) : value.map((item) => asText(item, parameter)).join(',');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** JSON media types: `application/json`, `application/merge-patch+json`, with or without parameters. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/([\w.-]+\+)?json\s*(;.*)?$/i.test(mediaType.trim());
}

export type RequestBodyPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly mediaType: string; readonly value: unknown }
  | { readonly kind: 'unsupported'; readonly mediaTypes: readonly string[] };

/**
 * The JSON body a scenario sends: the media type's example or examples, else a sample of its
 * schema without its readOnly properties. `application/json` is preferred among several JSON media
 * types. A body that is not required is left out when it cannot be JSON.
 */
export function requestBodyPlan(operation: { definition: OpenAPIV3.OperationObject }): RequestBodyPlan {
  const body = operation.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const content = body?.content ?? {};
  const mediaTypes = Object.keys(content);
  if (mediaTypes.length === 0) return { kind: 'none' };
  const json =
    mediaTypes.find((type) => /^application\/json\s*(;.*)?$/i.test(type)) ?? mediaTypes.find(isJsonMediaType);
  if (!json) return body?.required ? { kind: 'unsupported', mediaTypes } : { kind: 'none' };
  const media = content[json]!;
  const value =
    firstExample(media) ?? sampleOfSchema(media.schema as Schema | undefined, { skipReadOnly: true }) ?? {};
  return { kind: 'json', mediaType: json, value };
}
