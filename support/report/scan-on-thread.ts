/** The report scan's thread (scan-aside.ts): scans once and answers. */
import { parentPort } from 'node:worker_threads';
import { threadData } from '../config/harness-thread';
import type { ScanAnswer, ScanRequest } from './scan-aside';
import { scanReports } from './secret-scan';

const { reportsDir, secrets } = threadData<ScanRequest>();
scanReports(reportsDir, secrets).then(
  (hits) => parentPort?.postMessage({ hits } satisfies ScanAnswer),
  (error: unknown) =>
    parentPort?.postMessage({
      error: error instanceof Error ? error : new Error(String(error)),
    } satisfies ScanAnswer),
);
