import path from 'node:path';
import { startHarnessThread } from '../config/harness-thread';
import type { SecretHit } from './secret-scan';

/** What the scanning thread is given: the folder, and the secrets, in memory only. */
export interface ScanRequest {
  readonly reportsDir: string;
  readonly secrets: readonly string[];
}

/** What it answers: the hits, or what stopped it (an Error, its name and message kept). */
export type ScanAnswer = { readonly hits: SecretHit[] } | { readonly error: Error };

/** A scan of the reports going on beside the caller. */
export interface ScanAside {
  /** The hits `scanReports` finds; rejects with what stopped the scan. */
  readonly hits: Promise<SecretHit[]>;
  /** The scan is not wanted after all. */
  stop(): void;
}

/**
 * `scanReports` (secret-scan.ts) on a thread of its own, so that the gate reads the run's model
 * meanwhile: at 5,000 scenarios the scan reads about 50 MB of reports, about 0.45 s, and reading
 * the model about 0.25 s more.
 */
export function scanReportsAside(reportsDir: string, secrets: readonly string[]): ScanAside {
  const request: ScanRequest = { reportsDir, secrets };
  const thread = startHarnessThread(path.join(__dirname, 'scan-on-thread.ts'), request);
  const hits = new Promise<SecretHit[]>((resolve, reject) => {
    thread.once('message', (answer: ScanAnswer) => {
      if ('hits' in answer) resolve(answer.hits);
      else reject(answer.error);
    });
    thread.once('error', reject);
    thread.once('exit', (code) =>
      reject(new Error(`the report scan ended (exit code ${code}) before it answered`)),
    );
  });
  // Never an unhandled rejection: whoever awaits the hits still gets what stopped the scan.
  hits.catch(() => undefined);
  return { hits, stop: () => void thread.terminate() };
}
