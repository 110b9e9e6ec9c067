import { sample } from 'openapi-sampler';
import type { OpenAPIV3 } from 'openapi-types';
import type { Operation } from '../contract/operation';
import type { PreparedCall } from '../contract/operation-call';

/** Path parameters that name the account an operation acts on: the account holder fills them in. */
export const ACCOUNT_PARAMETERS: readonly string[] = ['username', 'userId', 'user', 'accountId', 'owner'];

type Schema = OpenAPIV3.SchemaObject;

/**
 * A well-formed call of an operation, made from its contract alone — what the generic contract
 * steps would prepare: the examples it gives, else values sampled from its schemas (patterns
 * included); account parameters name `owner`. Path parameters and required query and header
 * parameters are given. `buildRequest` turns it into the request.
 */
export function sampleCall(operation: Operation, owner: string): PreparedCall {
  const parameters = new Map(
    operation.parameters
      .filter((parameter) => parameter.in === 'path' || (parameter.required && parameter.in !== 'cookie'))
      .map((parameter) => [
        parameter.name,
        ACCOUNT_PARAMETERS.includes(parameter.name) ? owner : String(exampleOf(parameter)),
      ]),
  );
  const body = sampleBody(operation);
  return { headers: {}, parameters, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
}

/** The JSON request body the contract describes, as its example or a sample of its schema. */
export function sampleBody(operation: Operation): unknown {
  const content = (operation.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content;
  const json = Object.entries(content ?? {}).find(([type]) => /json/i.test(type))?.[1];
  if (!json) return undefined;
  if (json.example !== undefined) return json.example as unknown;
  return json.schema ? sampleOf(json.schema as Schema, { skipReadOnly: true }) : {};
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
