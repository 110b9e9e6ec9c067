import { Document, isMap, isSeq } from 'yaml';
import type { Capability } from './capabilities';
import { acceptanceLine } from './operation-plan';

const HEADER = [
  ' The requirement catalogue: what the product must do, and who answers for it.',
  ' Written by npm run init from {contract}:',
  " one requirement per tag of the contract. Yours to edit: titles in the business's words, owners,",
  ' priorities, acceptance criteria, the tracker.',
  ' Scenarios prove requirements through @REQ-<id> tags (on a Feature, Rule or Scenario).',
  ' status: planned (not built yet) | active (built, must be proven) | retired (must not be tested)',
  ' layers: the layers a requirement must be proven at ([api, ui] = both).',
].join('\n');

/** A requirement is active when a scenario proves it; planned while none can (the gate counts active ones). */
function hasScenario(capability: Capability): boolean {
  return capability.operations.some((plan) => plan.kind === 'scenario');
}

/** `specs/requirements.yaml`: one requirement per capability, in the harness's catalogue format. */
export function catalogueText(capabilities: readonly Capability[], contractShown: string): string {
  const document = new Document({
    trackers: { default: 'https://tracker.example/browse/{id}' },
    requirements: capabilities.map((capability) => ({
      id: capability.requirementId,
      title: capability.title,
      capability: capability.tag,
      priority: 'medium',
      owner: 'team',
      status: hasScenario(capability) ? 'active' : 'planned',
      layers: ['api'],
      acceptance: capability.operations.map((plan) => acceptanceLine(plan.operation)),
    })),
  });
  document.commentBefore = HEADER.replace('{contract}', contractShown);
  const trackers = document.get('trackers');
  if (isMap(trackers)) {
    const template = trackers.get('default', true);
    if (template) template.comment = " TODO: your tracker's address of an issue, {id} standing for its id";
  }
  const requirements = document.get('requirements');
  if (isSeq(requirements)) {
    requirements.items.forEach((item, index) => {
      const capability = capabilities[index];
      if (!isMap(item) || !capability) return;
      const layers = item.get('layers', true);
      if (layers && isSeq(layers)) layers.flow = true;
      if (!hasScenario(capability)) {
        item.commentBefore =
          ' planned: the generic steps cannot call any of its operations yet (the feature says why);' +
          '\n make it active when a scenario proves it';
      }
      if (index > 0) item.spaceBefore = true;
    });
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
}

/** The requirement ids a catalogue file's text lists: to say which a kept catalogue lacks. */
export function requirementIdsIn(parsed: unknown): Set<string> {
  const requirements = (parsed as { requirements?: unknown } | null)?.requirements;
  const ids = Array.isArray(requirements)
    ? requirements
        .map((entry) => (entry as { id?: unknown } | null)?.id)
        .filter((id): id is string => typeof id === 'string')
    : [];
  return new Set(ids);
}
