import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run-harness';

const scripts = Object.keys(
  (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts,
);

/** Every `npm run <script>` in a command, with the script it names. */
function npmScripts(command: string): string[] {
  return [...command.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((match) => match[1]!);
}

interface Step {
  run?: string;
  uses?: string;
  id?: string;
  if?: string;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: { shard?: number[] } };
  steps: Step[];
}

describe('the GitHub Actions workflow', () => {
  const workflow = parse(fs.readFileSync(path.join(ROOT, '.github/workflows/specification.yml'), 'utf8')) as {
    jobs: Record<string, Job>;
  };
  const jobs = workflow.jobs;
  const runs = (job: string): string[] =>
    (jobs[job]?.steps ?? []).flatMap((step) => (step.run ? [step.run] : []));

  it('runs the stages in order: checks, API and sharded UI scenarios, then merge, gate and publish', () => {
    assert.deepEqual(Object.keys(jobs), ['checks', 'api', 'ui', 'verdict']);
    assert.deepEqual(runs('checks').flatMap(npmScripts), [
      'setup',
      'lint:features',
      'typecheck',
      'lint',
      'generate',
      'test:unit',
    ]);
    assert.equal(jobs.api?.needs, 'checks');
    assert.equal(jobs.ui?.needs, 'checks');
    assert.deepEqual(jobs.ui?.strategy?.matrix?.shard, [1, 2, 3]);
    assert.match(runs('ui').join('\n'), /npm run spec -- --profile ui --no-gate/);
    assert.equal(
      jobs.ui?.steps.find((step) => step.run?.includes('npm run spec'))?.env?.SHARD,
      '${{ matrix.shard }}/3',
    );
    assert.deepEqual(jobs.verdict?.needs, ['api', 'ui']);
    assert.deepEqual(runs('verdict').flatMap(npmScripts), ['merge', 'gate', 'report', 'docs']);
  });

  it('fails the build on no-go, after publishing the reports', () => {
    const steps = jobs.verdict?.steps ?? [];
    const gate = steps.find((step) => step.id === 'gate');
    assert.equal(gate?.['continue-on-error'], true);
    const last = steps[steps.length - 1];
    assert.equal(last?.if, "steps.gate.outcome != 'success'");
    assert.match(last?.run ?? '', /exit 1/);
    assert.ok(
      steps.some((step) => step.run?.includes('$GITHUB_STEP_SUMMARY')),
      'the summary goes to the job summary',
    );
  });

  it('names only npm scripts that exist', () => {
    for (const job of Object.keys(jobs)) {
      for (const script of runs(job).flatMap(npmScripts))
        assert.ok(scripts.includes(script), `${job}: npm run ${script}`);
    }
  });
});

describe('the Jenkinsfile', () => {
  const text = fs.readFileSync(path.join(ROOT, 'Jenkinsfile'), 'utf8');
  const code = text.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");

  it('is a declarative pipeline with balanced blocks', () => {
    assert.match(text, /^pipeline \{/m);
    let depth = 0;
    for (const character of code) {
      if (character === '{') depth += 1;
      if (character === '}') depth -= 1;
      assert.ok(depth >= 0, 'a block closes before it opens');
    }
    assert.equal(depth, 0, 'every block is closed');
  });

  it('runs the stages in order, the UI scenarios in three parallel shards', () => {
    const stages = [...text.matchAll(/stage\('([^']+)'\)/g)].map((match) => match[1]);
    assert.deepEqual(stages, [
      'Set up',
      'Lint features',
      'Typecheck',
      'Generate + drift check',
      'API scenarios',
      'UI scenarios',
      'UI shard 1/3',
      'UI shard 2/3',
      'UI shard 3/3',
      'Merge',
      'Gate',
      'Publish',
      'Verdict',
    ]);
    for (const shard of [1, 2, 3])
      assert.match(text, new RegExp(`SHARD=${shard}/3 REPORTS_DIR=reports/ui-${shard} npm run spec`));
    assert.match(text, /junit testResults: 'reports\/merged\/junit\.xml'/);
    assert.match(text, /if \(env\.GATE_EXIT != '0'\) \{\s*error\(/);
  });

  it('names only npm scripts that exist', () => {
    for (const script of npmScripts(text)) assert.ok(scripts.includes(script), `npm run ${script}`);
  });
});
