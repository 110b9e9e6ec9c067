/**
 * `npm run sut`: the caller-ID service on its own, to click around in or to point the harness at
 * (`BASE_URL=http://127.0.0.1:8080 npm run spec`). Reads PORT (default 8080), HOST (default
 * 127.0.0.1), SUT_FAULTS and SUT_DEMO_PASSWORD. Never prints a password or a token.
 */
import { parseFaults, startSut } from './index';

class UsageError extends Error {}

const HOST = process.env.HOST || '127.0.0.1';
const PORT = process.env.PORT ?? '8080';

function portFrom(raw: string): number {
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`PORT: "${raw}" is not a port number (0-65535)`);
  return port;
}

async function main(): Promise<void> {
  const port = portFrom(PORT);
  let faults;
  try {
    faults = parseFaults(process.env.SUT_FAULTS);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const demoPassword = process.env.SUT_DEMO_PASSWORD || undefined;
  const sut = await startSut({ port, host: HOST, faults, ...(demoPassword ? { demoPassword } : {}) });
  console.log(`Caller ID service listening on ${sut.origin} (API ${sut.apiBaseUrl})`);
  if (demoPassword) console.log('Demo account: demo (password from SUT_DEMO_PASSWORD)');
  if (faults.length > 0) console.log(`Deliberate faults on: ${faults.join(', ')}`);
  const stop = (): void => {
    void sut.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function oneLine(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${HOST}:${PORT}`;
  if (code === 'EADDRINUSE') return `cannot listen on ${where}: the port is already in use`;
  if (code === 'EACCES') return `cannot listen on ${where}: permission denied`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `cannot listen on ${where}: no such address`;
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

main().catch((error: unknown) => {
  console.error(`sut: ${oneLine(error)}`);
  process.exitCode = 2;
});
