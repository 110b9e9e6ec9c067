import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_BASE_PATH, createApp } from './app';
import { Store } from './domain/store';
import type { Fault } from './faults';

export interface SutOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Deliberate defects, for the harness's own tests only. */
  faults?: readonly Fault[];
  /** Creates the `demo` account with this password; there is no demo account without it. */
  demoPassword?: string;
  /** The clock for timestamps and token expiry; default the system clock. */
  now?: () => Date;
}

export interface RunningSut {
  /** `http://127.0.0.1:41234` */
  origin: string;
  /** `http://127.0.0.1:41234/api/v1` */
  apiBaseUrl: string;
  /** Back to the seed data: every account, token, report and block list entry a test made is gone. */
  reset(): void;
  /** Stops listening and closes every connection, idle, keep-alive or hanging. */
  close(): Promise<void>;
}

/** Starts the caller-ID service: the JSON API under /api/v1 and the web UI at /. */
export async function startSut(options: SutOptions = {}): Promise<RunningSut> {
  const startedAt = process.hrtime.bigint();
  const store = new Store(options.now ?? (() => new Date()), options.demoPassword || undefined);
  const app = createApp({
    store,
    faults: new Set(options.faults ?? []),
    uptimeSeconds: () => Number((process.hrtime.bigint() - startedAt) / 1_000_000n) / 1000,
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    apiBaseUrl: `${origin}${API_BASE_PATH}`,
    reset: () => store.reset(),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
