import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { startEmbeddedService } from '../../support/embedded-service';
import { REGISTER, ROOT } from '../helpers/run-harness';

const API = '/api/v1';

async function signUp(origin: string, username: string): Promise<number> {
  const response = await fetch(`${origin}${API}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'long-enough-password' }),
  });
  return response.status;
}

describe('the embedded service on its own thread', () => {
  it('answers, resets to its seed data when asked, and closes', async () => {
    const service = await startEmbeddedService(undefined);
    try {
      assert.equal((await fetch(`${service.origin}${API}/health`)).status, 200);
      assert.equal(await signUp(service.origin, 'thread-user'), 201);
      assert.equal(await signUp(service.origin, 'thread-user'), 409, 'the account exists until a reset');
      await service.reset();
      assert.equal(await signUp(service.origin, 'thread-user'), 201, 'the reset removed it');
      assert.equal(await startEmbeddedService(undefined), service, 'one service per process');
    } finally {
      await service.close();
    }
    await assert.rejects(fetch(`${service.origin}${API}/health`), 'closed: nothing listens any more');
    await assert.rejects(
      service.reset(),
      /^UsageError: the embedded service stopped: its thread exited \(code \d+\)$/,
    );
  });

  it('runs with the faults it is given, and refuses an unknown one in one line', async () => {
    const faulty = await startEmbeddedService('health-text-plain');
    try {
      const health = await fetch(`${faulty.origin}${API}/health`);
      assert.match(health.headers.get('content-type') ?? '', /^text\/plain/);
    } finally {
      await faulty.close();
    }
    await assert.rejects(
      startEmbeddedService('no-such-fault'),
      /^Error: SUT_FAULTS: unknown fault "no-such-fault" \(known: /,
    );
  });

  it('does not keep a process alive that never closes it', () => {
    const probe = `require(${JSON.stringify(`${ROOT}/support/embedded-service.ts`)})
      .startEmbeddedService(undefined).then((service) => console.log(service.origin.startsWith('http://127.0.0.1:')));`;
    const run = spawnSync(process.execPath, ['-r', REGISTER, '-e', probe], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.signal, null, 'the process ended by itself');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'true');
  });
});
