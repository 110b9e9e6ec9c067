import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openSecretChannel, SECRET_CHANNEL_VARIABLE } from '../../support/report/secret-channel';
import { tempDir } from '../helpers/temp';

/** A stand-in for a cucumber worker: registers secrets, closes its channel, exits. */
function workerScript(): string {
  const file = path.join(tempDir('sbe-worker-'), 'worker.js');
  const load = (module: string): string => `require(${JSON.stringify(require.resolve(module))})`;
  fs.writeFileSync(
    file,
    `${load('../../support/register.cjs')};
     const { registerRunSecret } = ${load('../../support/report/run-secrets')};
     const { closeCoordinatorChannel } = ${load('../../support/report/secret-channel')};
     for (let i = 0; i < 500; i++) registerRunSecret('pw-worker-' + i);
     registerRunSecret('Dm0"Pa\\\\ss<&+%Xq9');
     closeCoordinatorChannel().then(() => process.exit(0));`,
  );
  return file;
}

describe('the secret channel: a parallel worker hands its secrets to the coordinator in memory', () => {
  it('delivers every secret a worker process registers before it exits, and leaves no file', async () => {
    const received: string[] = [];
    const channel = await openSecretChannel((value) => received.push(value));
    const socket = process.env[SECRET_CHANNEL_VARIABLE];
    try {
      assert.ok(socket);
      const child = fork(workerScript(), [], { env: { ...process.env, CUCUMBER_PARALLEL: 'true' } });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 0);
    } finally {
      await channel.close();
    }
    assert.equal(received.length, 501);
    assert.ok(received.includes('Dm0"Pa\\ss<&+%Xq9'));
    assert.equal(process.env[SECRET_CHANNEL_VARIABLE], undefined);
    assert.ok(!fs.existsSync(path.dirname(socket)), 'the socket folder stays');
  });

  it('removes its folder when the coordinator exits without closing it (an interrupted run)', async () => {
    const script = path.join(tempDir('sbe-coordinator-'), 'coordinator.js');
    const load = (module: string): string => `require(${JSON.stringify(require.resolve(module))})`;
    fs.writeFileSync(
      script,
      `${load('../../support/register.cjs')};
       const { openSecretChannel } = ${load('../../support/report/secret-channel')};
       openSecretChannel(() => undefined).then(() => {
         process.stdout.write(process.env.${SECRET_CHANNEL_VARIABLE});
         process.exit(130);
       });`,
    );
    const child = fork(script, [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let printed = '';
    child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 130);
    assert.match(printed, /sbe-secrets-.*channel\.sock$/);
    assert.ok(!fs.existsSync(path.dirname(printed)), `${path.dirname(printed)} stays after the exit`);
  });
});
