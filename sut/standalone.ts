import { spawn } from 'node:child_process';
import path from 'node:path';

/** The project's folder, where `npm run sut` is defined. */
const ROOT = path.join(__dirname, '..');

export interface StandaloneSut {
  /** `http://127.0.0.1:41234` */
  readonly origin: string;
  /** Stops npm and the service under it (their process group) and waits until npm has exited. */
  stop(): Promise<void>;
}

/** `npm run sut` on a free port, as a person would start it; resolves once it is listening. */
export function startStandaloneSut(env: NodeJS.ProcessEnv = {}): Promise<StandaloneSut> {
  const child = spawn('npm', ['run', '--silent', 'sut'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`npm run sut did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const origin = /listening on (http:\/\/[^\s]+)/.exec(output)?.[1];
      if (origin) {
        clearTimeout(timer);
        resolve({ origin, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run sut exited with ${code}:\n${output}`));
    });
  });
}
