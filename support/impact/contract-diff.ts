import type { Operation } from '../contract/operation';
import type { Change } from './change';
import { diffOperation } from './operation-diff';

/** Operations are the same one when method and path match, path parameters renamed or not. */
const identity = (operation: Operation): string =>
  `${operation.method} ${operation.pathTemplate.replace(/\{[^}]+\}/g, '{}')}`;

const named = (operation: Operation): Pick<Change, 'operation' | 'method' | 'path'> => ({
  operation: operation.operationId,
  method: operation.method,
  path: operation.pathTemplate,
});

/** Every change between the operations of a contract at the base and in the working tree. */
export function diffOperations(before: readonly Operation[], after: readonly Operation[]): Change[] {
  const old = new Map(before.map((operation) => [identity(operation), operation]));
  const now = new Map(after.map((operation) => [identity(operation), operation]));
  const changes: Change[] = [];
  for (const [key, operation] of now) {
    const previous = old.get(key);
    if (!previous) {
      changes.push({
        ...named(operation),
        kind: 'operation-added',
        direction: 'operation',
        where: '',
        text: `${operation.method} ${operation.pathTemplate} added`,
        breaksClients: false,
        breaksProvider: true,
      });
      continue;
    }
    for (const draft of diffOperation(previous, operation)) changes.push({ ...named(operation), ...draft });
  }
  for (const [key, operation] of old) {
    if (now.has(key)) continue;
    changes.push({
      ...named(operation),
      kind: 'operation-removed',
      direction: 'operation',
      where: '',
      text: `${operation.method} ${operation.pathTemplate} removed`,
      breaksClients: true,
      breaksProvider: false,
    });
  }
  return changes;
}
