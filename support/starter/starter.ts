import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadContract } from '../contract/load';
import { UsageError, displayPath } from '../errors';
import { capabilitiesOf, scenarioCount, type Capability } from './capabilities';
import { catalogueText, requirementIdsIn } from './catalogue-text';
import { featureText } from './feature-text';
import { coveredShare, gateText } from './gate-text';
import { serviceNameFor } from './names';
import { nextSteps } from './next-steps';
import type { Credential } from './operation-plan';
import { projectFileText, withService } from './project-file-text';
import { readmeText } from './readme-text';
import { writeNew, writeOver, type FileReport } from './write-new';

export interface StarterOptions {
  readonly contractFile: string;
  /** The service's name; a slug of the contract's title when not given. */
  readonly name?: string;
  /** The project's folder; `projects/<name>` in the working folder when not given. */
  readonly out?: string;
}

export interface StarterResult {
  readonly service: string;
  readonly outDir: string;
  readonly projectFile: string;
  readonly files: readonly FileReport[];
  readonly capabilities: readonly Capability[];
  readonly scenarios: number;
  readonly contractCoverageMin: number;
  /** What to do next: the commands, with the credentials' variables. */
  readonly nextSteps: readonly string[];
}

/**
 * The contract as the project file names it: relative to the project (`../specs/shop.yaml`), with
 * forward slashes whatever the platform; absolute when the two share nothing but the filesystem's
 * root (a project in /tmp for a contract in a checkout), where a relative path would only break.
 */
function contractPath(projectDir: string, contract: string): string {
  const relative = path.relative(projectDir, contract);
  const climbs = relative.split(path.sep).filter((part) => part === '..').length;
  const depth = projectDir.split(path.sep).filter(Boolean).length;
  return climbs >= depth ? contract : relative.split(path.sep).join('/');
}

/**
 * A project for a team's own contract: the project file, a requirement catalogue with one
 * requirement per tag, a feature and narrative per tag, the gate's policies and a reports folder.
 * Nothing that exists is overwritten: an existing project file only gains the service when it
 * lacks it; every other file there is kept as it is.
 */
export async function createStarter(options: StarterOptions): Promise<StarterResult> {
  const contract = await loadContract(path.resolve(options.contractFile));
  if (contract.operations.length === 0) {
    throw new UsageError(
      `${displayPath(contract.file)}: the contract has no operations (paths) to write scenarios for`,
    );
  }
  const service = serviceNameFor(options.name, contract.title);
  const outDir = path.resolve(options.out ?? path.join('projects', service));
  const capabilities = capabilitiesOf(contract, service);
  const contractShown = contractPath(outDir, contract.file);
  const source = `${path.basename(contract.file)} (${contract.title} ${contract.version})`;
  const at = (file: string): string => path.join(outDir, file);
  const files: FileReport[] = [
    projectFile(at('harness.config.yaml'), contract.title, service, contractShown),
  ];
  files.push(catalogue(at('specs/requirements.yaml'), capabilities, source));
  const min = coveredShare(capabilities);
  files.push(writeNew(at('gate.config.yaml'), gateText(min)));
  for (const capability of capabilities) {
    const feature = `${capability.slug}.feature`;
    files.push(writeNew(at(`features/${capability.slug}/README.md`), readmeText(capability, feature)));
    files.push(writeNew(at(`features/${capability.slug}/${feature}`), featureText(capability, source)));
  }
  files.push(writeNew(at('reports/.gitignore'), '*\n!.gitignore\n'));
  const credentials = new Map<string, Credential>();
  for (const plan of capabilities.flatMap((capability) => capability.operations)) {
    if (plan.kind === 'scenario') for (const each of plan.credentials) credentials.set(each.variable, each);
  }
  return {
    service,
    outDir,
    projectFile: at('harness.config.yaml'),
    files,
    capabilities,
    scenarios: scenarioCount(capabilities),
    contractCoverageMin: min,
    nextSteps: nextSteps({
      projectFile: at('harness.config.yaml'),
      service,
      credentials: [...credentials.values()].sort((a, b) => a.variable.localeCompare(b.variable)),
      contractBasePath: contract.basePath,
    }),
  };
}

function projectFile(file: string, title: string, service: string, contract: string): FileReport {
  const entry = { name: service, contract };
  if (!fs.existsSync(file)) return writeNew(file, projectFileText(`${title} — living specification`, entry));
  const addition = withService(fs.readFileSync(file, 'utf8'), displayPath(file), entry);
  if (!addition.added) return { file, outcome: 'kept', note: `it has the service ${service} already` };
  writeOver(file, addition.text);
  return { file, outcome: 'updated', note: `added the service ${service}, its comments kept` };
}

/** A kept catalogue may lack the new features' requirements: the report says which, for the lint. */
function catalogue(file: string, capabilities: readonly Capability[], contract: string): FileReport {
  const report = writeNew(file, catalogueText(capabilities, contract));
  if (report.outcome !== 'kept') return report;
  let listed: Set<string>;
  try {
    listed = requirementIdsIn(parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return report;
  }
  const missing = capabilities.map((capability) => capability.requirementId).filter((id) => !listed.has(id));
  return missing.length === 0
    ? report
    : { ...report, note: `it lacks ${missing.join(', ')}, which the new features name: add them` };
}
