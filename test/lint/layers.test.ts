import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../helpers/temp';

const ROOT = path.join(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** `npm run lint:layers`'s command, in `cwd`, on its folders that exist there. */
function cruise(cwd: string): { code: number | null; output: string } {
  const folders = ['support', 'steps', 'sut', 'bench'].filter((folder) =>
    fs.existsSync(path.join(cwd, folder)),
  );
  const run = spawnSync(process.execPath, [DEPCRUISE, ...folders, '--config', CONFIG], {
    cwd,
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A small project tree in a temporary folder: the files given, the harness's tsconfig and packages. */
function tree(files: Readonly<Record<string, string>>): string {
  const dir = tempDir('sbe-layers-');
  fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('the layer rules (npm run lint:layers)', () => {
  it('fail on a cycle, an import upwards, support importing a test, cucumber outside its layer, a folder in no layer', () => {
    const dir = tree({
      'support/config/settings.ts':
        "import { checked } from '../contract/checks';\nexport const settings = checked;\n",
      'support/contract/checks.ts':
        "import { settings } from '../config/settings';\nexport const checked = settings;\n",
      'support/gherkin/keywords.ts':
        "import { Given } from '@cucumber/cucumber';\nexport const given = Given;\n",
      'support/report/helper.ts':
        "import { made } from '../../test/helpers/made';\nexport const helper = made;\n",
      'test/helpers/made.ts': 'export const made = 1;\n',
      'support/unlayered/thing.ts':
        "import { settings } from '../config/settings';\nexport const thing = settings;\n",
    });
    const { code, output } = cruise(dir);
    assert.notEqual(code, 0, output);
    for (const expected of [
      /error no-circular: support\/config\/settings\.ts → \s*support\/contract\/checks\.ts/,
      /error no-folder-cycle: support\/(config|contract) → \s*support\/(contract|config)/,
      /error layer-foundation: support\/config\/settings\.ts → support\/contract\/checks\.ts/,
      /error cucumber-only-where-allowed: support\/gherkin\/keywords\.ts → \S*node_modules\/@cucumber\/cucumber\//,
      /error support-not-to-steps-test-bench: support\/report\/helper\.ts → test\/helpers\/made\.ts/,
      /error support-module-in-a-layer: support\/unlayered\/thing\.ts → support\/config\/settings\.ts/,
    ]) {
      assert.match(output, expected);
    }
  });

  it('fail on a private cucumber import and on a step file reaching past support/index.ts', () => {
    const dir = tree({
      'support/cucumber/formatter.ts':
        "import helpers from '@cucumber/cucumber/lib/formatter/helpers/index';\nexport const formatter = helpers;\n",
      'support/index.ts': 'export const entry = 1;\n',
      'support/errors.ts': 'export const errors = 1;\n',
      'steps/api/sample.steps.ts':
        "import { errors } from '../../support/errors';\nexport const sample = errors;\n",
    });
    const { code, output } = cruise(dir);
    assert.notEqual(code, 0, output);
    assert.match(output, /error no-private-cucumber: support\/cucumber\/formatter\.ts → /);
    assert.match(
      output,
      /error steps-through-the-entry: steps\/api\/sample\.steps\.ts → support\/errors\.ts/,
    );
  });

  it('pass on the harness as it is', () => {
    const { code, output } = cruise(ROOT);
    assert.equal(code, 0, output);
    assert.match(output, /no dependency violations found/);
  });
});
