import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

const RESOLVE_CACHE = path.join(ROOT, 'support/resolve-cache.cjs');

/** A project with one package (`pkg`, whose `index.js` and `other.js` say which they are) and a file of its own. */
function project(): { root: string; cache: string } {
  // Node names modules by their real path (a temporary folder may be behind a link, as on macOS).
  const root = fs.realpathSync(tempDir('sbe-resolve-project-'));
  const pkg = path.join(root, 'node_modules/pkg');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'index.js'), 'module.exports = "index";\n');
  fs.writeFileSync(path.join(pkg, 'other.js'), 'module.exports = "other";\n');
  fs.writeFileSync(path.join(root, 'node_modules/.package-lock.json'), '{"lockfileVersion":3}\n');
  fs.writeFileSync(path.join(root, 'own.js'), 'module.exports = "own";\n');
  // Another install inside the project (a team's own project, say): npm's record above says nothing of it.
  fs.mkdirSync(path.join(root, 'team/node_modules/dep'), { recursive: true });
  fs.writeFileSync(path.join(root, 'team/node_modules/dep/index.js'), 'module.exports = "dep";\n');
  fs.writeFileSync(path.join(root, 'team/steps.js'), 'module.exports = require("dep");\n');
  fs.writeFileSync(
    path.join(root, 'main.js'),
    'console.log(JSON.stringify([require("pkg"), require("./own"), require("./team/steps")]));\n',
  );
  return { root, cache: tempDir('sbe-resolve-cache-') };
}

/** `main.js` of the project in a process of its own, resolving through the cache; what it loaded. */
function run(root: string, cache: string): string[] {
  const script = `require(${JSON.stringify(RESOLVE_CACHE)}).cacheResolutions(${JSON.stringify(cache)}, ${JSON.stringify(root)}); require(${JSON.stringify(path.join(root, 'main.js'))});`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as string[];
}

function savedFile(cache: string): string {
  const [file] = fs.readdirSync(cache).filter((name) => /^resolved-.*\.json$/.test(name));
  assert.ok(file, `no saved resolutions in ${cache}`);
  return path.join(cache, file);
}

/** Points the saved answer for `pkg` at `other.js`: a process that uses it loads "other". */
function redirect(cache: string, root: string): void {
  const file = savedFile(cache);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { paths: Record<string, string> };
  const key = `${root}\0pkg`;
  assert.equal(saved.paths[key], path.join(root, 'node_modules/pkg/index.js'));
  saved.paths[key] = path.join(root, 'node_modules/pkg/other.js');
  fs.writeFileSync(file, JSON.stringify(saved));
}

describe('support/resolve-cache.cjs: where packages resolve, remembered between processes', () => {
  it('answers a package name from what an earlier process found', () => {
    const { root, cache } = project();
    assert.deepEqual(run(root, cache), ['index', 'own', 'dep']);
    redirect(cache, root);
    assert.deepEqual(run(root, cache), ['other', 'own', 'dep'], 'the second process used the saved answer');
  });

  it("never remembers the project's own files, nor another install's packages", () => {
    const { root, cache } = project();
    run(root, cache);
    const saved = JSON.parse(fs.readFileSync(savedFile(cache), 'utf8')) as { paths: Record<string, string> };
    assert.deepEqual(Object.keys(saved.paths), [`${root}\0pkg`]);
  });

  it('forgets every answer when packages are installed again', () => {
    const { root, cache } = project();
    run(root, cache);
    redirect(cache, root);
    // What npm does at every install: it rewrites its record of node_modules.
    fs.writeFileSync(
      path.join(root, 'node_modules/.package-lock.json'),
      '{"lockfileVersion":3,"packages":{}}\n',
    );
    assert.deepEqual(run(root, cache), ['index', 'own', 'dep']);
  });

  it('resolves as Node does where npm keeps no record of the install', () => {
    const { root, cache } = project();
    fs.rmSync(path.join(root, 'node_modules/.package-lock.json'));
    assert.deepEqual(run(root, cache), ['index', 'own', 'dep']);
    assert.deepEqual(fs.readdirSync(cache), []);
  });
});
