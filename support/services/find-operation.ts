import type { Contract } from '../contract/load';
import type { Operation } from '../contract/operation';
import { UsageError } from '../errors';

/** Something with a name and a contract: a running service, or a service's contract before a run. */
export interface NamedContract {
  readonly name: string;
  readonly contract: Contract;
}

/**
 * The operation called `operationId`: in the named service, or else in the one service that has
 * it. An id two services share must name its service (`When I call "x" on "billing"`). Errors are
 * one line listing what there is.
 */
export function findOperation<S extends NamedContract>(
  services: readonly S[],
  operationId: string,
  serviceName?: string,
): { readonly service: S; readonly operation: Operation } {
  if (serviceName !== undefined) {
    const service = services.find((candidate) => candidate.name === serviceName);
    if (!service) {
      throw new UsageError(
        `unknown service "${serviceName}"; the project's services are: ${services.map((each) => each.name).join(', ')}`,
      );
    }
    return { service, operation: service.contract.operation(operationId) };
  }
  const owners = services.filter((service) =>
    service.contract.operations.some((operation) => operation.operationId === operationId),
  );
  if (owners.length > 1) {
    const names = owners.map((service) => `"${service.name}"`);
    throw new UsageError(
      `operation "${operationId}" is in several services (${names.join(', ')}): say which, as in When I call "${operationId}" on ${names[0]}`,
    );
  }
  const [owner] = owners;
  if (owner) return { service: owner, operation: owner.contract.operation(operationId) };
  const [only] = services;
  // One service: its contract says what it has.
  if (only && services.length === 1)
    return { service: only, operation: only.contract.operation(operationId) };
  throw new UsageError(
    `unknown operation "${operationId}": no service of the project has it (${services
      .map(
        (service) => `${service.name}: ${service.contract.operations.map((op) => op.operationId).join(', ')}`,
      )
      .join('; ')})`,
  );
}
