import fs from 'node:fs';
import type { HarnessConfig } from '../config/config';
import { loadContract, type Contract } from '../contract/load';
import { SpecError, displayPath } from '../errors';

/** A service's name with its contract: what coverage, reports and the preflight read. */
export interface ServiceContract {
  readonly name: string;
  readonly contract: Contract;
}

/** The contract of every service of the project, in the project file's order (each read once). */
export async function loadServiceContracts(config: HarnessConfig): Promise<ServiceContract[]> {
  const contracts: ServiceContract[] = [];
  for (const service of config.services) {
    // Named with the setting that points there: with several services, which one is wrong.
    if (!fs.existsSync(service.contractFile)) {
      throw new SpecError(
        `${displayPath(service.contractFile)}: the contract of service "${service.name}" is not there (named by ${service.contractFrom})`,
      );
    }
    contracts.push({ name: service.name, contract: await loadContract(service.contractFile) });
  }
  return contracts;
}
