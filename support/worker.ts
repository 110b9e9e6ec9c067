import { WorkerBrowser } from './browser/worker-browser';
import { config, type HarnessConfig } from './config/config';
import { ExitCode, outliveReaders } from './errors';
import { serviceProblem } from './preflight/service-check';
import { ServiceWatch } from './service-watch';
import { loadServiceContracts } from './services/contracts';
import type { Services } from './services/services';
import { openTarget, type Target } from './target';

/**
 * What one cucumber worker process shares between its scenarios: the services (each contract
 * parsed and its validators compiled once), the target they run on, and the browser. Scenario
 * state lives in the World, never here.
 */
export interface WorkerResources {
  readonly config: HarnessConfig;
  readonly services: Services;
  readonly target: Target;
  readonly browser: WorkerBrowser;
  /** Notices when a service has gone, so that the scenarios after fail fast. */
  readonly watch: ServiceWatch;
}

let opening: Promise<WorkerResources> | undefined;
/** The same resources once they are open. */
let opened: WorkerResources | undefined;

// A worker of a parallel run writes to the run's own output (a step's console.log): a reader that
// goes away (`npm run spec | head`) must not crash it either.
outliveReaders();

/**
 * A worker process of a parallel run whose coordinator is gone (the run was interrupted: the
 * coordinator ends at the signal) stops at once: it starts no other scenario, and neither its
 * embedded service nor its browser outlives the run.
 */
function stopWhenOrphaned(): void {
  if (process.send) process.once('disconnect', () => process.exit(ExitCode.unusable));
}

export function openWorkerResources(): Promise<WorkerResources> {
  opening ??= (async () => {
    stopWhenOrphaned();
    const settings = config();
    const contracts = await loadServiceContracts(settings);
    const target = await openTarget(
      settings,
      contracts.map((entry) => entry.contract),
    );
    const { services } = target;
    opened = {
      config: settings,
      services,
      target,
      browser: new WorkerBrowser(settings),
      watch: new ServiceWatch(async () => {
        for (const service of services.list) {
          const problem = await serviceProblem(service.apiRoot, service.contract, {
            waitMs: 0,
            attemptTimeoutMs: 1_000,
          });
          if (problem) return services.several ? `${service.name}: ${problem}` : problem;
        }
        return undefined;
      }),
    };
    return opened;
  })();
  return opening;
}

/** The worker's resources when they are open already: what a step can use without waiting. */
export function openedWorkerResources(): WorkerResources | undefined {
  return opened;
}

export async function closeWorkerResources(): Promise<void> {
  if (!opening) return;
  const resources = await opening.catch(() => undefined);
  opening = undefined;
  opened = undefined;
  await resources?.browser.close();
  await resources?.target.close();
}
