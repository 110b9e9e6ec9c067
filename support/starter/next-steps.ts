import { envSuffix } from '../config/project-file';
import type { Credential } from './operation-plan';
import { harnessConfigPrefix } from './shell-words';

export interface NextStepsInput {
  readonly projectFile: string;
  readonly service: string;
  readonly credentials: readonly Credential[];
  /** The path of the contract's server (`/v3`), '' at the root: where a deployment serves the API. */
  readonly contractBasePath: string;
}

/** A value Prism accepts for a credential (it checks the form, not the secret). */
function demoValue(credential: Credential): string {
  return credential.what.includes('user:password') ? 'demo:demo' : 'demo';
}

/** What to do after `npm run init`: the two-terminal flow with the exact commands, and what the credentials are. */
export function nextSteps({ projectFile, service, credentials, contractBasePath }: NextStepsInput): string[] {
  const config = harnessConfigPrefix(projectFile);
  const secrets = credentials
    .map((credential) => `${credential.variable}=${demoValue(credential)} `)
    .join('');
  const suffix = envSuffix(service);
  const lines = [
    'Next steps, in two terminals (npm runs every command in the harness folder):',
    `  1. serve the contract with Prism:  ${config}npm run mock`,
    `  2. run the features against it:    ${secrets}${config}npm run spec`,
  ];
  if (credentials.length > 0) {
    lines.push(
      'The scenarios read their credentials from the environment (never from a file); Prism accepts any well-formed value:',
      ...credentials.map(
        (credential) => `  ${credential.variable}: ${credential.what} for the scheme "${credential.scheme}"`,
      ),
    );
  }
  lines.push(
    `Against a deployment: BASE_URL_${suffix}=https://… API_BASE_PATH_${suffix}=${contractBasePath || '/'} ${secrets}${config}npm run spec`,
    `Then: ${config}npm run lint:features, ${config}npm run docs; raise contract-coverage in gate.config.yaml as scenarios cover the error responses.`,
  );
  return lines;
}
