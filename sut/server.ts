import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_BASE_PATH, createApp } from './app';
import { Store } from './domain/store';
import { RULES } from './domain/spam-level';
import type { Fault } from './faults';

export interface SutOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly faults?: readonly Fault[];
  /** Creates the `demo` account with this password; no demo account without it. */
  readonly demoPassword?: string;
  readonly now?: () => Date;
}

export interface RunningSut {
  /** `http://127.0.0.1:41234` */
  readonly origin: string;
  /** `http://127.0.0.1:41234/api/v1` */
  readonly apiBaseUrl: string;
  /** Back to the seed data: every account, token, report and block list a test made is gone. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the caller-ID service: the JSON API under /api/v1 and the web UI at /. */
export async function startSut(options: SutOptions = {}): Promise<RunningSut> {
  const now = options.now ?? (() => new Date());
  const store = new Store(
    now,
    options.demoPassword ? { username: 'demo', password: options.demoPassword } : undefined,
  );
  const app = createApp({
    store,
    rules: RULES,
    faults: new Set(options.faults ?? []),
    startedAt: now().getTime(),
    now,
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    apiBaseUrl: `${origin}${API_BASE_PATH}`,
    reset: () => store.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
