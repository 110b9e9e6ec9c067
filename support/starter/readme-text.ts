import type { Capability } from './capabilities';

/**
 * The capability's narrative, for the living documentation to show above its feature: the tag's
 * description, and the business's words still to be written.
 */
export function readmeText(capability: Capability, featureFile: string): string {
  const driven = capability.operations.filter((plan) => plan.kind === 'scenario').length;
  return [
    `# ${capability.name}`,
    '',
    capability.description.trim() || `_The contract gives the tag "${capability.tag}" no description._`,
    '',
    '<!-- TODO: who needs this and why, in the words of the business:',
    'As a <role>',
    'I want <what these operations let them do>',
    'So that <what it brings them>',
    '-->',
    '',
    `Requirement **${capability.requirementId}** (specs/requirements.yaml). \`${featureFile}\` calls ` +
      `${driven} of the ${capability.operations.length} operation(s) tagged "${capability.tag}" with the ` +
      "contract's examples; its comments say why the others have no scenario yet.",
    '',
  ].join('\n');
}
