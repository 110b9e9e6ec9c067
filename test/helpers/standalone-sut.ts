import { spawn } from 'node:child_process';
import { ROOT } from './run-harness';

export interface StandaloneSut {
  readonly origin: string;
  stop(): void;
}

/** `npm run sut` on a free port, as a person would start it; resolves once it is listening. */
export function startStandaloneSut(env: NodeJS.ProcessEnv = {}): Promise<StandaloneSut> {
  const child = spawn('npm', ['run', '--silent', 'sut'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = (): void => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      stop();
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
