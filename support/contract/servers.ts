import type { OpenAPIV3 } from 'openapi-types';
import { UsageError, displayPath } from '../errors';

/** Which of the contract's `servers`, and values for its `{variables}`. */
export interface ServerChoice {
  readonly index?: number;
  readonly variables?: Readonly<Record<string, string>>;
}

/** What serverUrl needs of a contract: `Contract` has it, and so does a bare parsed document. */
export interface ServerSource {
  readonly file: string;
  readonly document: OpenAPIV3.Document;
}

/** OpenAPI's own default when a document lists no servers: the API lives at the root of its host. */
const DEFAULT_SERVER: OpenAPIV3.ServerObject = { url: '/' };

/**
 * The URL of the contract's server `index` (default 0), every `{name}` filled from `variables`,
 * else its default. A relative URL ('/api/v1') stays relative. No servers → '/'.
 */
export function serverUrl(contract: ServerSource, choice: ServerChoice = {}): string {
  const shown = displayPath(contract.file);
  const servers = contract.document.servers ?? [];
  const index = choice.index ?? 0;
  const server = servers.length === 0 && index === 0 ? DEFAULT_SERVER : servers[index];
  if (!server) throw new UsageError(`${shown}: no server ${index} (${listed(servers)})`);
  const declared = server.variables ?? {};
  const where = `${shown}: server ${index} (${server.url})`;
  for (const name of Object.keys(choice.variables ?? {})) {
    if (!(name in declared)) {
      throw new UsageError(`${where} declares no variable "${name}" (${declaredNames(declared)})`);
    }
  }
  return server.url.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const variable = declared[name];
    if (!variable) throw new UsageError(`${where} uses {${name}} but declares no variable "${name}"`);
    const value = choice.variables?.[name] ?? variable.default;
    if (variable.enum && !variable.enum.includes(value)) {
      throw new UsageError(
        `${where}: variable ${name} = "${value}" is not one of ${variable.enum.map((each) => `"${each}"`).join(', ')}`,
      );
    }
    return value;
  });
}

function listed(servers: readonly OpenAPIV3.ServerObject[]): string {
  if (servers.length === 0) return 'the contract lists no servers, so only server 0 (/) exists';
  const entries = servers.map((server, index) => `${index} ${server.url}`).join(', ');
  return `the contract lists ${servers.length} server${servers.length === 1 ? '' : 's'}: ${entries}`;
}

function declaredNames(declared: Record<string, OpenAPIV3.ServerVariableObject>): string {
  const names = Object.keys(declared);
  return names.length === 0 ? 'it declares none' : `it declares: ${names.join(', ')}`;
}
