import { Document, isMap, parseDocument, type Node } from 'yaml';
import { envSuffix } from '../config/project-file';
import { UsageError, yamlReason } from '../errors';

/** Where `npm run mock` serves a project's first service unless told otherwise. */
export const MOCK_URL = 'http://127.0.0.1:4010';

export interface StarterService {
  readonly name: string;
  /** The contract, relative to the project file. */
  readonly contract: string;
}

/** The service's entry: its contract, and Prism's address (`npm run mock`), its comments saying so. */
function serviceNode(document: Document, service: StarterService): Node {
  const node = document.createNode({ contract: service.contract, baseUrl: MOCK_URL, basePath: '/' });
  const suffix = envSuffix(service.name);
  if (isMap(node)) {
    const baseUrl = node.items.find((pair) => String((pair.key as { value?: unknown }).value) === 'baseUrl');
    if (baseUrl && baseUrl.key && typeof baseUrl.key === 'object') {
      (baseUrl.key as Node).commentBefore = [
        ' Where `npm run mock` serves the contract with Prism, which serves its paths at the root',
        ' (hence basePath /). A deployment instead: BASE_URL_' + suffix + '=https://… in the environment,',
        ' with API_BASE_PATH_' + suffix + '=/v1 when the API lives under /v1 there.',
      ].join('\n');
    }
  }
  return node;
}

/** A new `harness.config.yaml` for a project of one service. */
export function projectFileText(title: string, service: StarterService): string {
  const document = new Document({
    title,
    requirements: 'specs/requirements.yaml',
    gate: 'gate.config.yaml',
    features: 'features',
  });
  document.commentBefore = [
    ' The project: what the harness runs, checks and reports on. Written by npm run init; yours to',
    ' edit. Paths are relative to this file; HARNESS_CONFIG=<this file> makes the commands use it.',
    ' Your own step definitions, if the generic contract steps are not enough: steps: <folder>.',
  ].join('\n');
  const comments: Record<string, string> = {
    requirements: ' the requirement catalogue (@REQ-… tags)',
    gate: " the release gate's policies",
    features: ' the living specification',
  };
  const root = document.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      const key = String((pair.key as { value?: unknown }).value);
      const value = pair.value as Node | null;
      if (comments[key] && value && typeof value === 'object') value.comment = comments[key];
    }
  }
  document.setIn(['services', service.name], serviceNode(document, service));
  return document.toString({ lineWidth: 0, singleQuote: true });
}

export type ServiceAddition = { readonly added: true; readonly text: string } | { readonly added: false };

/**
 * An existing project file with the service added, its comments and layout kept (the `yaml`
 * Document API edits the file's own tree); nothing to add when it has the service already.
 */
export function withService(text: string, shown: string, service: StarterService): ServiceAddition {
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error) {
    const at = error.linePos?.[0];
    throw new UsageError(
      `${shown}:${at ? `${at.line}:${at.col}` : '1:1'}: not valid YAML: ${yamlReason(error.message)}`,
    );
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new UsageError(`${shown}: a project file is a mapping (title:, services: …); this one is not`);
  }
  const services = document.get('services', true);
  if (services !== undefined && services !== null && !isMap(services)) {
    throw new UsageError(`${shown}: services: must be a mapping of service names to their settings`);
  }
  if (isMap(services) && services.has(service.name)) return { added: false };
  document.setIn(['services', service.name], serviceNode(document, service));
  return { added: true, text: document.toString({ lineWidth: 0, singleQuote: true }) };
}
