import type { Contract } from '../contract/load';
import { heading, oneLineOf, requirementId, slug } from './names';
import { planOperation, type OperationPlan } from './operation-plan';

/** One tag of the contract: a capability folder, a feature and a requirement. */
export interface Capability {
  /** `order-history`: the folder, the feature file and the requirement id come from it. */
  readonly slug: string;
  /** The tag as the contract writes it (the requirement's capability). */
  readonly tag: string;
  readonly requirementId: string;
  /** The feature's name. */
  readonly name: string;
  /** The requirement's title: the first line of the tag's description, else its name. */
  readonly title: string;
  /** The tag's description as written, for the narrative. */
  readonly description: string;
  readonly operations: readonly OperationPlan[];
}

interface Group {
  tag: string;
  description: string;
  title: string;
  name: string;
  operations: OperationPlan[];
}

/**
 * The contract's operations by tag, in the order the contract declares its tags (tags it uses
 * without declaring them follow, as they first appear); operations without a tag form one group
 * named after the service. An operation with several tags belongs to its first, so each operation
 * has one scenario. Tags whose slugs coincide share a group.
 */
export function capabilitiesOf(contract: Contract, service: string): Capability[] {
  const declared = new Map((contract.document.tags ?? []).map((tag) => [tag.name, tag.description ?? '']));
  const groups = new Map<string, Group>();
  // A tag with no Latin letters or digits (`訂單`) is numbered: `tag-3`, the same each time it is met.
  const unnamed = new Map<string, string>();
  const keyOf = (tag: string): string => {
    const named = slug(tag);
    if (named) return named;
    const key = unnamed.get(tag) ?? `tag-${unnamed.size + 1}`;
    unnamed.set(tag, key);
    return key;
  };
  const groupFor = (tag: string | undefined): Group => {
    const key = tag === undefined ? slug(service) : keyOf(tag);
    let group = groups.get(key);
    if (!group) {
      const description = tag === undefined ? '' : (declared.get(tag) ?? '');
      group = {
        tag: tag ?? service,
        description,
        title:
          tag === undefined
            ? `${contract.title}: the operations no tag groups`
            : oneLineOf(description.trim().split('\n')[0]).replace(/\.$/, '') || heading(tag),
        name: tag === undefined ? `${contract.title}: operations without a tag` : heading(tag),
        operations: [],
      };
      groups.set(key, group);
    }
    return group;
  };
  for (const tag of declared.keys()) groupFor(tag);
  for (const operation of contract.operations) {
    groupFor(operation.definition.tags?.[0]).operations.push(planOperation(operation, contract, service));
  }
  return [...groups]
    .filter(([, group]) => group.operations.length > 0)
    .map(([key, group]) => ({ slug: key, requirementId: requirementId(key), ...group }));
}

/** The driven operations of every capability: one scenario each. */
export function scenarioCount(capabilities: readonly Capability[]): number {
  return capabilities
    .flatMap((capability) => capability.operations)
    .filter((plan) => plan.kind === 'scenario').length;
}
