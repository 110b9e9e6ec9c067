/**
 * How reports name an operation: `lookUpNumber` in a one-service project, `billing:createInvoice`
 * when the project has several (an id may then be in two of them).
 */
export function operationLabel(operationId: string, service: string | undefined, several: boolean): string {
  return several && service ? `${service}:${operationId}` : operationId;
}
