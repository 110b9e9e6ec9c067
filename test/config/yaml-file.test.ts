import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REGISTER, ROOT } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

/**
 * A fresh process reading `file` with a small schema: its data or its one-line error, and whether
 * the YAML parser was loaded for it.
 */
function readInChild(cache: string, file: string): { result: string; yamlLoaded: boolean } {
  const probe = `
    const { ownSchemaValidator } = require(${JSON.stringify(path.join(ROOT, 'support/config/own-schema.ts'))});
    const { readValidatedYaml } = require(${JSON.stringify(path.join(ROOT, 'support/config/yaml-file.ts'))});
    const validate = ownSchemaValidator({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
    let result;
    try { result = JSON.stringify(readValidatedYaml(process.argv[1], validate, 'not there').data); }
    catch (error) { result = error.message; }
    const yamlLoaded = Object.keys(require.cache).some((loaded) => /node_modules\\/yaml\\//.test(loaded));
    console.log(JSON.stringify({ result, yamlLoaded }));`;
  const output = execFileSync(process.execPath, ['-r', REGISTER, '-e', probe, file], {
    cwd: ROOT,
    env: { ...process.env, SBE_HARNESS_CACHE_DIR: cache },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { result: string; yamlLoaded: boolean };
}

describe("the harness's YAML files: read back from the cache while they do not change", () => {
  it('parses a file once; later processes get the same data without the parser; an edit is seen', () => {
    const cache = tempDir('sbe-yaml-cache-');
    const file = path.join(tempDir('sbe-yaml-'), 'project.yaml');
    fs.writeFileSync(file, 'name: caller-id\nlist: [1, two, {three: 3}]\n');
    const first = readInChild(cache, file);
    assert.deepEqual(first, {
      result: '{"name":"caller-id","list":[1,"two",{"three":3}]}',
      yamlLoaded: true,
    });
    assert.deepEqual(readInChild(cache, file), { ...first, yamlLoaded: false });
    fs.writeFileSync(file, 'name: renamed\n');
    assert.deepEqual(readInChild(cache, file), { result: '{"name":"renamed"}', yamlLoaded: true });
  });

  it('never keeps a file that is wrong: its error, with its line, every time', () => {
    const cache = tempDir('sbe-yaml-cache-');
    const dir = tempDir('sbe-yaml-');
    const broken = path.join(dir, 'broken.yaml');
    const refused = path.join(dir, 'refused.yaml');
    fs.writeFileSync(broken, 'name: [unclosed\n');
    fs.writeFileSync(refused, 'other: 1\nname: 7\n');
    for (let time = 0; time < 2; time += 1) {
      assert.match(readInChild(cache, broken).result, /broken\.yaml:\d+:\d+: not valid YAML: /);
      assert.match(readInChild(cache, refused).result, /refused\.yaml:2:7: \/name must be string$/);
    }
    assert.deepEqual(
      fs.readdirSync(cache).filter((entry) => entry.startsWith('yaml-')),
      [],
    );
  });
});
