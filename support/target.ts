import type { HarnessConfig } from './config/config';
import { EMBEDDED } from './config/project-file';
import { startEmbeddedService } from './embedded-service';
import type { Contract } from './contract/load';
import { apiRootOf } from './services/api-root';
import { Services, openService } from './services/services';

/** The systems the scenarios run against: the project's services, deployed or embedded. */
export interface Target {
  readonly services: Services;
  /** Where the web UI is served. */
  readonly uiBaseUrl: URL;
  /** True when the harness started the embedded service itself and can reset its state. */
  readonly embedded: boolean;
  /** Restores the embedded service's seed data; a no-op against deployments. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

function usesEmbeddedService(config: HarnessConfig): boolean {
  return config.services.some((service) => service.baseUrl === EMBEDDED);
}

/**
 * Starts the embedded service ahead of the first scenario, for a run whose scenarios run in this
 * process: it loads on the other core while cucumber prepares. Its failure is told by openTarget.
 */
export function startTargetEarly(config: HarnessConfig): void {
  if (usesEmbeddedService(config)) startEmbeddedService(config.sutFaults).catch(() => undefined);
}

/**
 * Finds every service of the project: the embedded caller-ID service is started here (one per
 * worker) when the project asks for it; any other service is where its settings say.
 */
export async function openTarget(config: HarnessConfig, contracts: readonly Contract[]): Promise<Target> {
  // On a thread of its own, only when needed: runs against deployments never load its code.
  const sut = usesEmbeddedService(config) ? await startEmbeddedService(config.sutFaults) : undefined;
  const services = new Services(
    config.services.map((service, index) =>
      openService(service.name, contracts[index]!, apiRootOf(service, contracts[index]!, sut?.origin)),
    ),
  );
  return {
    services,
    uiBaseUrl: config.uiBaseUrl ?? new URL(sut?.origin ?? services.first.apiRoot.origin),
    embedded: sut !== undefined,
    reset: () => sut?.reset() ?? Promise.resolve(),
    close: () => sut?.close() ?? Promise.resolve(),
  };
}
