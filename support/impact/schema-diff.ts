import { breaks, type ChangeDraft, type Direction, type Schema, type Walk } from './change';
import { constraintChanges } from './constraint-diff';

const asSchema = (value: unknown): Schema | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** `allOf` folded into one schema: properties, required and the rest merged. */
export function flatten(schema: Schema): Schema {
  const parts = Array.isArray(schema.allOf) ? schema.allOf.map(asSchema).filter((part) => part) : [];
  if (parts.length === 0) return schema;
  const merged: Schema = { ...schema };
  delete merged.allOf;
  const properties: Record<string, unknown> = { ...(asSchema(schema.properties) ?? {}) };
  const required = new Set(strings(schema.required));
  for (const part of parts.map((each) => flatten(each!))) {
    Object.assign(properties, asSchema(part.properties) ?? {});
    for (const name of strings(part.required)) required.add(name);
    for (const [key, value] of Object.entries(part))
      if (!['properties', 'required'].includes(key) && merged[key] === undefined) merged[key] = value;
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

/** The JSON types a schema allows; empty when it allows any. `nullable` (3.0) adds null. */
function types(schema: Schema): Set<string> {
  const found = new Set(
    typeof schema.type === 'string' ? [schema.type] : strings(schema.type).filter((type) => type),
  );
  if (found.size === 0 && asSchema(schema.properties)) found.add('object');
  if (found.size > 0 && schema.nullable === true) found.add('null');
  return found;
}

const subset = (small: Set<unknown>, large: Set<unknown>): boolean => [...small].every((x) => large.has(x));
const at = (where: string, next: string): string => (where ? `${where} › ${next}` : next);

function typeChange(before: Schema, after: Schema, where: string, walk: Walk): boolean {
  const old = types(before);
  const now = types(after);
  if (subset(old, now) && subset(now, old)) return false;
  // No type on one side allows anything: going to it widens, coming from it narrows.
  const effect =
    old.size === 0
      ? 'narrower'
      : now.size === 0 || subset(old, now)
        ? 'wider'
        : subset(now, old)
          ? 'narrower'
          : 'both';
  const shown = (set: Set<string>): string => (set.size === 0 ? 'any' : [...set].join(' | '));
  walk.emit({
    kind: 'type-changed',
    direction: walk.direction,
    where,
    text: `type ${shown(old)} → ${shown(now)}`,
    ...breaks(walk.direction, effect),
  });
  return effect === 'both';
}

function enumChange(before: Schema, after: Schema, where: string, walk: Walk): void {
  const old = Array.isArray(before.enum) ? new Set(before.enum.map((v) => JSON.stringify(v))) : undefined;
  const now = Array.isArray(after.enum) ? new Set(after.enum.map((v) => JSON.stringify(v))) : undefined;
  if (!old && !now) return;
  const lost = old ? [...old].filter((value) => !now || !now.has(value)) : [];
  const gained = now ? [...now].filter((value) => !old || !old.has(value)) : [];
  const direction = walk.direction;
  if ((now && !old) || (now && lost.length > 0))
    walk.emit({
      kind: 'enum-narrowed',
      direction,
      where,
      text: old ? `enum lost ${lost.join(', ')}` : `now limited to ${[...now].join(', ')}`,
      ...breaks(direction, 'narrower'),
    });
  if ((old && !now) || (old && gained.length > 0))
    walk.emit({
      kind: 'enum-widened',
      direction,
      where,
      text: now ? `enum gained ${gained.join(', ')}` : `no longer limited to ${[...old].join(', ')}`,
      ...breaks(direction, 'wider'),
    });
}

function propertyChanges(before: Schema, after: Schema, where: string, walk: Walk): void {
  const old = asSchema(before.properties) ?? {};
  const now = asSchema(after.properties) ?? {};
  const oldRequired = new Set(strings(before.required));
  const nowRequired = new Set(strings(after.required));
  const { direction, emit } = walk;
  const request = direction === 'request';
  for (const name of Object.keys(now)) {
    if (name in old) continue;
    const required = nowRequired.has(name);
    emit({
      kind: 'property-added',
      direction,
      where,
      text: `${required ? 'required' : 'optional'} property "${name}" added`,
      // Clients ignore response properties they do not know; a provider must now return a required one.
      breaksClients: request && required,
      breaksProvider: request || required,
    });
  }
  for (const name of Object.keys(old)) {
    if (!(name in now)) {
      emit({
        kind: 'property-removed',
        direction,
        where,
        text: `property "${name}" removed`,
        breaksClients: true,
        breaksProvider: false,
      });
      continue;
    }
    if (!oldRequired.has(name) && nowRequired.has(name))
      emit({
        kind: 'property-made-required',
        direction,
        where,
        text: `"${name}" made required`,
        ...breaks(direction, 'narrower'),
      });
    if (oldRequired.has(name) && !nowRequired.has(name))
      emit({
        kind: 'property-made-optional',
        direction,
        where,
        text: `"${name}" made optional`,
        ...breaks(direction, 'wider'),
      });
    diffSchema(asSchema(old[name]), asSchema(now[name]), at(where, name), walk);
  }
}

function variants(schema: Schema): Schema[] {
  const each = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [];
  return each.map(asSchema).filter((item): item is Schema => item !== undefined);
}

/**
 * Every change between two versions of one schema, in the direction the data flows. `where` names
 * the place (`response 200 (application/json) › items[] › label`).
 */
export function diffSchema(
  before: Schema | undefined,
  after: Schema | undefined,
  where: string,
  walk: Walk,
): void {
  if (!before || !after || before === after) return;
  const pairs = walk.seen.get(before) ?? new WeakSet<object>();
  if (pairs.has(after)) return;
  pairs.add(after);
  walk.seen.set(before, pairs);
  const old = flatten(before);
  const now = flatten(after);
  if (typeChange(old, now, where, walk)) return;
  enumChange(old, now, where, walk);
  constraintChanges(old, now, where, walk);
  propertyChanges(old, now, where, walk);
  diffSchema(asSchema(old.items), asSchema(now.items), `${where}[]`, walk);
  const oldVariants = variants(old);
  const nowVariants = variants(now);
  for (let index = 0; index < Math.min(oldVariants.length, nowVariants.length); index += 1)
    diffSchema(oldVariants[index], nowVariants[index], at(where, `variant ${index + 1}`), walk);
  if (oldVariants.length !== nowVariants.length && oldVariants.length > 0 && nowVariants.length > 0)
    walk.emit({
      kind: 'type-changed',
      direction: walk.direction,
      where,
      text: `${oldVariants.length} → ${nowVariants.length} alternatives`,
      ...breaks(walk.direction, nowVariants.length > oldVariants.length ? 'wider' : 'narrower'),
    });
}

/** A fresh walk for one side of one operation. */
export function schemaWalk(
  direction: Exclude<Direction, 'operation'>,
  emit: (change: ChangeDraft) => void,
): Walk {
  return { direction, emit, seen: new WeakMap() };
}
