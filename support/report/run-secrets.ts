import { sendToCoordinator } from './secret-channel';

/**
 * Every secret registered during the run, held in memory only and never written: what the report
 * scanner looks for once the run's files are down. The workers of a parallel run send theirs to
 * the coordinator over a socket (support/report/secret-channel.ts).
 */
const secrets = new Set<string>();

export function registerRunSecret(value: string): void {
  if (value.length === 0 || secrets.has(value)) return;
  secrets.add(value);
  sendToCoordinator(value);
}

export function runSecrets(): readonly string[] {
  return [...secrets];
}
