import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REGISTER } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

/** A TypeScript file whose types take lines the JavaScript does not have: line 13 throws. */
const SOURCE = [
  'interface Shape {',
  '  readonly name: string;',
  '  readonly sides: number;',
  '}',
  '',
  'type Named = Pick<Shape, "name">;',
  '',
  'const square: Shape & Named = { name: "square", sides: 4 };',
  'const transpilerLoaded = Object.keys(require.cache).some((file) => /node_modules.sucrase.dist./.test(file));',
  'console.log(JSON.stringify({ sides: square.sides, transpilerLoaded }));',
  '',
  'function fail(): never {',
  '  throw new Error(`no ${square.name}`);',
  '}',
  'if (process.argv[2] === "fail") fail();',
  '',
].join('\n');

function run(file: string, cache: string, ...args: string[]) {
  return spawnSync(process.execPath, ['-r', REGISTER, file, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SBE_HARNESS_CACHE_DIR: cache },
  });
}

describe('support/register.cjs: TypeScript as it is saved', () => {
  it('transpiles a file once; later processes run it from the cache, without the transpiler', () => {
    const cache = tempDir('sbe-register-cache-');
    const file = path.join(tempDir('sbe-register-'), 'shape.ts');
    fs.writeFileSync(file, SOURCE);
    assert.deepEqual(JSON.parse(run(file, cache).stdout), { sides: 4, transpilerLoaded: true });
    assert.deepEqual(JSON.parse(run(file, cache).stdout), { sides: 4, transpilerLoaded: false });
    fs.writeFileSync(file, SOURCE.replace('sides: 4 }', 'sides: 5 }'));
    assert.deepEqual(
      JSON.parse(run(file, cache).stdout),
      { sides: 5, transpilerLoaded: true },
      'an edit is seen',
    );
  });

  it('transpiles ahead (npm run setup): the first process to load a file runs it from the cache', () => {
    const cache = tempDir('sbe-register-cache-');
    const file = path.join(tempDir('sbe-register-'), 'shape.ts');
    fs.writeFileSync(file, SOURCE);
    const ahead = spawnSync(
      process.execPath,
      [
        '-r',
        REGISTER,
        '-e',
        `require(${JSON.stringify(REGISTER)}).transpileAhead([${JSON.stringify(file)}])`,
      ],
      { encoding: 'utf8', env: { ...process.env, SBE_HARNESS_CACHE_DIR: cache } },
    );
    assert.equal(ahead.status, 0, ahead.stderr);
    assert.deepEqual(JSON.parse(run(file, cache).stdout), { sides: 4, transpilerLoaded: false });
  });

  it("names the .ts file's own lines in a stack trace, from the cache too (no source map needed)", () => {
    const cache = tempDir('sbe-register-cache-');
    const file = path.join(tempDir('sbe-register-'), 'shape.ts');
    fs.writeFileSync(file, SOURCE);
    for (let time = 0; time < 2; time += 1) {
      const failed = run(file, cache, 'fail');
      assert.notEqual(failed.status, 0);
      assert.match(failed.stderr, new RegExp(`at fail \\(${file.replace(/[.]/g, '\\.')}:13:9\\)`));
    }
  });
});

describe('NODE_OPTIONS for the processes and threads started from the project’s folder', () => {
  it('names each preload given by a relative path from where the command started', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { absoluteNodeOptions } = require(REGISTER) as {
      absoluteNodeOptions: (options: string, cwd: string) => string;
    };
    assert.equal(
      absoluteNodeOptions(
        '--max-old-space-size=500 -r ./p.js --require ../q.js --require=./r.js -r pkg --require=/a.js',
        '/h/x',
      ),
      '--max-old-space-size=500 -r /h/x/p.js --require /h/q.js --require=/h/x/r.js -r pkg --require=/a.js',
    );
  });
});
