import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Names the coordinator's socket to the workers it forks (a path, never a secret). */
export const SECRET_CHANNEL_VARIABLE = 'SBE_SECRET_CHANNEL';

export interface SecretChannel {
  /** Stops listening and waits until every worker's connection has ended and been read. */
  close(): Promise<void>;
}

/**
 * How the secrets of a parallel run's workers reach the coordinator, which scans the reports at the
 * end: a Unix socket in a folder only this user can open, line by line, in memory. Nothing of it is
 * written to disk; the folder goes when the channel closes. (Cucumber's own IPC channel refuses
 * messages it does not know.)
 */
export async function openSecretChannel(onSecret: (value: string) => void): Promise<SecretChannel> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbe-secrets-'));
  fs.chmodSync(dir, 0o700);
  const socket = path.join(dir, 'channel.sock');
  // An interrupted run (Ctrl-C, a crash) exits without closing: the folder goes all the same.
  const remove = (): void => fs.rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove);
  const server = net.createServer((connection) => {
    let buffered = '';
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line) onSecret(JSON.parse(line) as string);
    });
    connection.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, resolve);
  });
  process.env[SECRET_CHANNEL_VARIABLE] = socket;
  return {
    close: () =>
      new Promise<void>((resolve) => {
        delete process.env[SECRET_CHANNEL_VARIABLE];
        server.close(() => {
          remove();
          process.off('exit', remove);
          resolve();
        });
      }),
  };
}

let connection: net.Socket | undefined;

/** In a worker of a parallel run: sends a secret to the coordinator (nothing elsewhere). */
export function sendToCoordinator(value: string): void {
  const socket = process.env[SECRET_CHANNEL_VARIABLE];
  if (!socket || process.env.CUCUMBER_PARALLEL !== 'true') return;
  if (!connection) {
    connection = net.createConnection(socket);
    // A coordinator that is gone has no report left to scan.
    connection.on('error', () => undefined);
  }
  connection.write(`${JSON.stringify(value)}\n`);
}

/** At the end of a worker: everything sent has reached the coordinator before the worker exits. */
export function closeCoordinatorChannel(): Promise<void> {
  const open = connection;
  connection = undefined;
  if (!open) return Promise.resolve();
  return new Promise((resolve) => {
    open.once('close', () => resolve());
    open.end();
  });
}
