import { spawn } from 'node:child_process';
import { ROOT, tsNode } from './run-process';

export interface StandaloneSut {
  /** `http://127.0.0.1:41234` */
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * The caller-ID service on its own (what `npm run sut` starts) on a free port: one service that
 * the harness (through BASE_URL) and the baseline both target, so they measure against the same.
 */
export function startStandaloneSut(): Promise<StandaloneSut> {
  const child = spawn(process.execPath, tsNode('sut/main.ts'), {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the standalone service did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const origin = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (origin) {
        clearTimeout(timer);
        resolve({ origin, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the standalone service exited with ${String(code)}:\n${output}`));
    });
  });
}
