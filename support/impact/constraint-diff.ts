import { breaks, type Schema, type Walk } from './change';

/** Bounds: a lower bound that goes up, or an upper one that goes down, narrows what is valid. */
const LOWER = ['minimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

function boundChanges(before: Schema, after: Schema, where: string, walk: Walk): void {
  for (const [names, tighter] of [
    [LOWER, (old: number, now: number) => now > old],
    [UPPER, (old: number, now: number) => now < old],
  ] as const) {
    for (const name of names) {
      const old = typeof before[name] === 'number' ? before[name] : undefined;
      const now = typeof after[name] === 'number' ? after[name] : undefined;
      if (old === now) continue;
      const narrower = old === undefined || (now !== undefined && tighter(old, now));
      walk.emit({
        kind: narrower ? 'constraint-narrowed' : 'constraint-widened',
        direction: walk.direction,
        where,
        text: `${name} ${old ?? 'none'} → ${now ?? 'none'}`,
        ...breaks(walk.direction, narrower ? 'narrower' : 'wider'),
      });
    }
  }
}

/** `pattern` and `format` added narrow, removed widen, changed may do both. */
function formatChanges(before: Schema, after: Schema, where: string, walk: Walk): void {
  for (const name of ['pattern', 'format'] as const) {
    const old = typeof before[name] === 'string' ? before[name] : undefined;
    const now = typeof after[name] === 'string' ? after[name] : undefined;
    if (old === now) continue;
    const effect = old === undefined ? 'narrower' : now === undefined ? 'wider' : 'both';
    walk.emit({
      kind:
        effect === 'narrower'
          ? 'constraint-narrowed'
          : effect === 'wider'
            ? 'constraint-widened'
            : 'constraint-changed',
      direction: walk.direction,
      where,
      text: `${name} ${old === undefined ? 'none' : JSON.stringify(old)} → ${now === undefined ? 'none' : JSON.stringify(now)}`,
      ...breaks(walk.direction, effect),
    });
  }
}

/**
 * `additionalProperties: false` dropped or added. In a response, more properties allowed breaks
 * nobody (clients are tolerant readers, as for a property added).
 */
function additionalChanges(before: Schema, after: Schema, where: string, walk: Walk): void {
  const closed = (schema: Schema): boolean => schema.additionalProperties === false;
  if (closed(before) === closed(after)) return;
  const narrower = closed(after);
  const response = walk.direction === 'response';
  walk.emit({
    kind: narrower ? 'constraint-narrowed' : 'constraint-widened',
    direction: walk.direction,
    where,
    text: narrower ? 'no longer allows other properties' : 'now allows other properties',
    ...(response && !narrower
      ? { breaksClients: false, breaksProvider: false }
      : breaks(walk.direction, narrower ? 'narrower' : 'wider')),
  });
}

/** Bounds, `pattern`, `format` and `additionalProperties: false` between two versions of a schema. */
export function constraintChanges(before: Schema, after: Schema, where: string, walk: Walk): void {
  boundChanges(before, after, where, walk);
  formatChanges(before, after, where, walk);
  additionalChanges(before, after, where, walk);
}
