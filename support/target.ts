import type { HarnessConfig } from './config/config';
import { EMBEDDED } from './config/project-file';
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
  reset(): void;
  close(): Promise<void>;
}

/**
 * Finds every service of the project: the embedded caller-ID service is started here (one per
 * worker) when the project asks for it; any other service is where its settings say.
 */
export async function openTarget(config: HarnessConfig, contracts: readonly Contract[]): Promise<Target> {
  let sut: { origin: string; reset(): void; close(): Promise<void> } | undefined;
  if (config.services.some((service) => service.baseUrl === EMBEDDED)) {
    // Loaded only when needed, so runs against deployments never load the service's code.
    const { startSut, parseFaults } = await import('../sut');
    sut = await startSut({ port: 0, faults: parseFaults(config.sutFaults) });
  }
  const services = new Services(
    config.services.map((service, index) =>
      openService(service.name, contracts[index]!, apiRootOf(service, contracts[index]!, sut?.origin)),
    ),
  );
  return {
    services,
    uiBaseUrl: config.uiBaseUrl ?? new URL(sut?.origin ?? services.first.apiRoot.origin),
    embedded: sut !== undefined,
    reset: () => sut?.reset(),
    close: () => sut?.close() ?? Promise.resolve(),
  };
}
