/**
 * One difference between a contract at the base and the working tree, classified for the two
 * sides of the API. The rule, after oasdiff's: on the request side, whatever narrows what clients
 * may send breaks clients and whatever widens it breaks the provider; on the response side,
 * whatever widens what the provider may return breaks clients and whatever narrows it breaks the
 * provider. Response properties added are the exception: clients are tolerant readers.
 */
export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-made-required'
  | 'parameter-made-optional'
  | 'request-body-added'
  | 'request-body-removed'
  | 'request-body-made-required'
  | 'request-body-made-optional'
  | 'property-added'
  | 'property-removed'
  | 'property-made-required'
  | 'property-made-optional'
  | 'type-changed'
  | 'enum-narrowed'
  | 'enum-widened'
  | 'constraint-narrowed'
  | 'constraint-widened'
  | 'constraint-changed'
  | 'header-added'
  | 'header-removed'
  | 'header-made-required'
  | 'header-made-optional'
  | 'status-added'
  | 'status-removed'
  | 'media-type-added'
  | 'media-type-removed'
  | 'security-added'
  | 'security-removed';

/** Which way the data flows where the change is. */
export type Direction = 'request' | 'response' | 'operation';

export interface Change {
  readonly kind: ChangeKind;
  readonly direction: Direction;
  /** The operation's id (or `METHOD /path` without one), as the working tree names it. */
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** Where in the operation: `request body (application/json) › category`; '' for the operation. */
  readonly where: string;
  /** What changed, in a phrase: `removed "label"`, `enum lost "scam"`. */
  readonly text: string;
  /** A client built on the base may fail against the working tree's contract. */
  readonly breaksClients: boolean;
  /** A provider built on the base may no longer conform to the working tree's contract. */
  readonly breaksProvider: boolean;
}

/** What a change says about its operation, before the operation is named. */
export type ChangeDraft = Omit<Change, 'operation' | 'method' | 'path'>;

/** Where the comparisons of one operation report what they find. */
export type Emit = (change: ChangeDraft) => void;

/** `narrower` / `wider` seen from the side the data comes from: who does it break? */
export function breaks(
  direction: Direction,
  effect: 'narrower' | 'wider' | 'both',
): Pick<Change, 'breaksClients' | 'breaksProvider'> {
  if (effect === 'both') return { breaksClients: true, breaksProvider: true };
  const request = direction === 'request';
  const narrower = effect === 'narrower';
  return { breaksClients: request === narrower, breaksProvider: request !== narrower };
}

/** `operation-removed GET /x`: how a change reads in one line. */
export function changeLine(change: Change): string {
  return `${change.operation}${change.where ? ` ${change.where}` : ''}: ${change.text}`;
}

/** A dereferenced JSON Schema (OpenAPI 3.0's subset or 3.1's), read loosely. */
export type Schema = Record<string, unknown>;

/** One comparison of a schema pair and all below it, in the direction its data flows. */
export interface Walk {
  readonly direction: 'request' | 'response';
  readonly emit: (change: ChangeDraft) => void;
  /** Pairs already compared: dereferenced documents may be circular. */
  readonly seen: WeakMap<object, WeakSet<object>>;
}
