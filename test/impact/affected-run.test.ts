/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the test edits the contract as untyped YAML */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../support/config/config';
import { affectedPaths, cucumberPaths } from '../../support/impact/affected-run';
import { scenariosOf } from '../../support/impact/gherkin-diff';
import { tempDir } from '../helpers/temp';
import { at, project } from './contract-repo';

describe('what --affected-by runs', () => {
  it('scenario refs become one cucumber path per file, its lines in order', () => {
    assert.deepEqual(cucumberPaths(['b.feature:9', 'a.feature:30', 'a.feature:4'], '/p'), [
      '/p/a.feature:4:30',
      '/p/b.feature:9',
    ]);
  });

  it('the scenarios of the changed operation, and those reworded since the ref; nothing else', async () => {
    const repo = project();
    repo.edit((document) => {
      at(document, 'components', 'schemas', 'SmsReceipt').properties.reviewer = { type: 'string' };
    });
    const partner = path.join(repo.dir, 'features/contract/partner-lookup.feature');
    const text = fs.readFileSync(partner, 'utf8');
    const [first, second] = scenariosOf('x', text);
    assert.ok(first && second, 'partner-lookup.feature has two scenarios');
    fs.writeFileSync(partner, text.replace(`: ${second.name}\n`, ': Reworded by the test\n'));

    const settings = loadConfig(
      { ...process.env, HARNESS_CONFIG: path.join(repo.dir, 'harness.config.yaml'), REPORTS_DIR: tempDir() },
      repo.dir,
    );
    const printed: string[] = [];
    const paths = await affectedPaths(settings, 'v1', (line) => printed.push(line));
    const sms = scenariosOf(
      'x',
      fs.readFileSync(path.join(repo.dir, 'features/contract/sms-reports.feature'), 'utf8'),
    )
      .filter((scenario) => scenario.lines.some((line) => line.includes('"reportBySms"')))
      .map((scenario) => scenario.line);
    assert.deepEqual(paths, [
      `${partner}:${second.line}`,
      `${path.join(repo.dir, 'features/contract/sms-reports.feature')}:${sms.join(':')}`,
    ]);
    assert.match(printed[0] ?? '', /, \+ 1 scenario\(s\) added or reworded since, \+ 0 other @critical/);
    assert.ok(
      fs.existsSync(path.join(settings.reportsDir, 'impact.json')),
      'the impact is written on the way',
    );
  });
});
