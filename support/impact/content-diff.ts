import type { OpenAPIV3 } from 'openapi-types';
import type { Emit, Schema } from './change';
import { diffSchema, schemaWalk } from './schema-diff';

/** The media types of a request body or a response, and the schema of each. */
export function diffContent(
  before: Record<string, OpenAPIV3.MediaTypeObject>,
  after: Record<string, OpenAPIV3.MediaTypeObject>,
  where: string,
  direction: 'request' | 'response',
  emit: Emit,
): void {
  for (const type of Object.keys(after))
    if (!(type in before))
      emit({
        kind: 'media-type-added',
        direction,
        where,
        text: `media type ${type} added`,
        breaksClients: false,
        breaksProvider: direction === 'request',
      });
  for (const [type, media] of Object.entries(before)) {
    const now = after[type];
    if (!now) {
      emit({
        kind: 'media-type-removed',
        direction,
        where,
        text: `media type ${type} removed`,
        // Clients sent or asked for it; a provider that still returns it no longer conforms.
        breaksClients: true,
        breaksProvider: direction === 'response',
      });
      continue;
    }
    diffSchema(
      media.schema as Schema,
      now.schema as Schema,
      `${where} (${type})`,
      schemaWalk(direction, emit),
    );
  }
}
