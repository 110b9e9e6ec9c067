import type { OpenAPIV3 } from 'openapi-types';

/** One operation of a contract, its parameters merged: what routes, requests and checks are built from. */
export interface Operation {
  /** The operationId, or `METHOD /path` when the spec gives none. */
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly definition: OpenAPIV3.OperationObject;
  /** Path-level and operation-level parameters merged, the operation's winning. */
  readonly parameters: readonly OpenAPIV3.ParameterObject[];
  readonly security: readonly OpenAPIV3.SecurityRequirementObject[];
  readonly responses: Readonly<Record<string, OpenAPIV3.ResponseObject>>;
}

/** `lookUpNumber (GET /numbers/{number})`: how messages name an operation. */
export function operationName(operation: Operation): string {
  return `${operation.operationId} (${operation.method} ${operation.pathTemplate})`;
}
