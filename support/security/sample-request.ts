import { sample } from 'openapi-sampler';
import type { OpenAPIV3 } from 'openapi-types';
import type { Operation } from '../contract/load';
import type { ApiRequest, HttpMethod } from '../http/client';

/** Path parameters that name the account an operation acts on: the account holder fills them in. */
export const ACCOUNT_PARAMETERS: readonly string[] = ['username', 'userId', 'user', 'accountId', 'owner'];

type Schema = OpenAPIV3.SchemaObject;

/**
 * A well-formed request for an operation, made from its contract alone: the examples it gives,
 * else values sampled from its schemas (patterns included); account parameters name `owner`.
 * Only required query and header parameters are sent.
 */
export function sampleRequest(operation: Operation, owner: string): ApiRequest {
  const values = (location: string, requiredOnly: boolean): [string, string][] =>
    operation.parameters
      .filter((parameter) => parameter.in === location && (parameter.required || !requiredOnly))
      .map((parameter) => [
        parameter.name,
        ACCOUNT_PARAMETERS.includes(parameter.name) ? owner : String(exampleOf(parameter)),
      ]);
  const pathValues = new Map(values('path', false));
  const path = operation.pathTemplate.replace(/\{([^}]+)\}/g, (_whole, name: string) =>
    encodeURIComponent(pathValues.get(name) ?? 'x'),
  );
  const body = sampleBody(operation);
  return {
    method: operation.method as HttpMethod,
    path,
    query: Object.fromEntries(values('query', true)),
    headers: Object.fromEntries(values('header', true)),
    ...(body === undefined ? {} : { body }),
  };
}

/** The JSON request body the contract describes, as its example or a sample of its schema. */
export function sampleBody(operation: Operation): unknown {
  const content = (operation.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content;
  const json = Object.entries(content ?? {}).find(([type]) => /json/i.test(type))?.[1];
  if (!json) return undefined;
  if (json.example !== undefined) return json.example as unknown;
  return json.schema ? sampleOf(json.schema as Schema, { skipReadOnly: true }) : {};
}

/** Does the operation take a JSON body? */
export function takesBody(operation: Operation): boolean {
  return sampleBody(operation) !== undefined;
}

function exampleOf(parameter: OpenAPIV3.ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const schema = parameter.schema as Schema | undefined;
  if (schema?.example !== undefined) return schema.example;
  return schema ? sampleOf(schema, {}) : 'x';
}

function sampleOf(schema: Schema, options: { skipReadOnly?: boolean }): unknown {
  return sample(schema as Parameters<typeof sample>[0], { ...options, enablePatterns: true, quiet: true });
}
