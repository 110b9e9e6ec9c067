/**
 * `npm run sut` — the caller-ID service on its own, to click around in or to point the harness at
 * (`BASE_URL=http://127.0.0.1:8080 npm run spec`). PORT, HOST, SUT_DEMO_PASSWORD, SUT_FAULTS.
 */
import { parseFaults, startSut } from './index';

async function main(): Promise<void> {
  const rawPort = process.env.PORT ?? '8080';
  if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535)
    throw new Error(`PORT: "${rawPort}" is not a port number`);
  const demoPassword = process.env.SUT_DEMO_PASSWORD;
  const sut = await startSut({
    port: Number(rawPort),
    host: process.env.HOST ?? '127.0.0.1',
    faults: parseFaults(process.env.SUT_FAULTS),
    ...(demoPassword ? { demoPassword } : {}),
  });
  console.log(`Caller ID service listening on ${sut.origin} (API ${sut.apiBaseUrl})`);
  console.log(
    demoPassword
      ? 'Demo account: demo (password from SUT_DEMO_PASSWORD)'
      : 'No demo account (set SUT_DEMO_PASSWORD for one); create an account at /sign-up',
  );
  const stop = (): void => {
    void sut.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `sut: ${message.includes('EADDRINUSE') ? `port ${process.env.PORT ?? '8080'} is already in use` : message}`,
  );
  process.exitCode = 2;
});
