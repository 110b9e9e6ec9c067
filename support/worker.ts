import { WorkerBrowser } from './browser/worker-browser';
import { config, type HarnessConfig } from './config/config';
import { ContractInspector } from './contract/inspector';
import { loadContract, type Contract } from './contract/load';
import { serviceProblem } from './preflight/service-check';
import { ServiceWatch } from './service-watch';
import { openTarget, type Target } from './target';
import { loadRequirements, type RequirementCatalog } from './trace/requirements';

/**
 * What one cucumber worker process shares between its scenarios: the contract (parsed and its
 * validators compiled once), the target service, and the browser. Scenario state lives in the
 * World, never here.
 */
export interface WorkerResources {
  readonly config: HarnessConfig;
  readonly contract: Contract;
  readonly catalog: RequirementCatalog;
  readonly inspector: ContractInspector;
  readonly target: Target;
  readonly browser: WorkerBrowser;
  /** Notices when the service has gone, so that the scenarios after fail fast. */
  readonly watch: ServiceWatch;
}

let opening: Promise<WorkerResources> | undefined;

export function openWorkerResources(): Promise<WorkerResources> {
  opening ??= (async () => {
    const settings = config();
    const contract = await loadContract(settings.openapiSpec);
    const catalog = loadRequirements(settings.requirementsFile);
    const target = await openTarget(settings, contract.basePath);
    return {
      config: settings,
      contract,
      catalog,
      inspector: new ContractInspector(contract, target.apiBaseUrl.pathname.replace(/\/$/, '')),
      target,
      browser: new WorkerBrowser(settings),
      watch: new ServiceWatch(() =>
        serviceProblem(target.apiBaseUrl, contract, { waitMs: 0, attemptTimeoutMs: 1_000 }),
      ),
    };
  })();
  return opening;
}

export async function closeWorkerResources(): Promise<void> {
  if (!opening) return;
  const resources = await opening.catch(() => undefined);
  opening = undefined;
  await resources?.browser.close();
  await resources?.target.close();
}
