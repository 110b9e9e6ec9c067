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

/** A command that cannot fail its step: its failure is swallowed by the shell. */
const swallowsFailure = (command: string): boolean => /\|\|\s*true\s*$/.test(command.trim());

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  id?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: { shard?: number[] } };
  steps: Step[];
}

describe('the GitHub Actions workflow', () => {
  const workflow = parse(fs.readFileSync(path.join(ROOT, '.github/workflows/specification.yml'), 'utf8')) as {
    jobs: Record<string, Job>;
  };
  const jobs = workflow.jobs;
  const steps = (job: string): Step[] => jobs[job]?.steps ?? [];
  const runs = (job: string): string[] => steps(job).flatMap((step) => (step.run ? [step.run] : []));
  const needs = (job: string): string[] => [jobs[job]?.needs ?? []].flat();
  const indexOf = (job: string, found: (step: Step) => boolean, what: string): number => {
    const index = steps(job).findIndex(found);
    assert.ok(index >= 0, `${job}: no step ${what}`);
    return index;
  };

  it('runs the stages in order: checks, API scenarios, then UI shards, then merge, gate and publish', () => {
    assert.deepEqual(Object.keys(jobs), ['checks', 'api', 'ui', 'verdict']);
    assert.deepEqual(runs('checks').flatMap(npmScripts), [
      'setup',
      'lint:features',
      'typecheck',
      'lint',
      'generate',
      'test:unit',
      'test:bench',
    ]);
    assert.deepEqual(needs('api'), ['checks']);
    assert.deepEqual(needs('ui'), ['api'], 'the UI shards run after the API scenarios, not beside them');
    assert.deepEqual(jobs.ui?.strategy?.matrix?.shard, [1, 2, 3]);
    assert.match(runs('ui').join('\n'), /npm run spec -- --profile ui --no-gate/);
    assert.equal(
      steps('ui').find((step) => step.run?.includes('npm run spec'))?.env?.SHARD,
      '${{ matrix.shard }}/3',
    );
    assert.deepEqual(needs('verdict'), ['api', 'ui']);
    assert.deepEqual(runs('verdict').flatMap(npmScripts), ['merge', 'gate', 'report', 'docs']);
  });

  it('lets no failed scenario stop the pipeline before the gate', () => {
    for (const job of ['api', 'ui']) {
      const spec = steps(job).filter((step) => step.run?.includes('npm run spec'));
      assert.equal(spec.length, 1, `${job}: one scenario step`);
      for (const step of spec) {
        assert.ok(
          step['continue-on-error'] === true || swallowsFailure(step.run ?? ''),
          `${job}: "${step.run}" would stop the pipeline on a failed scenario`,
        );
      }
      const upload = steps(job).find((step) => step.uses?.startsWith('actions/upload-artifact'));
      assert.equal(upload?.if, 'always()', `${job}: the results are uploaded whatever happened`);
    }
    // The verdict job runs even when a scenario job broke: missing shards then fail the merge closed.
    assert.match(jobs.verdict?.if ?? '', /!cancelled\(\)|always\(\)/);
    const merge = steps('verdict').find((step) => step.run?.includes('npm run merge'));
    assert.equal(merge?.id, 'merge');
    assert.equal(merge?.['continue-on-error'], true, 'a merge that fails closed still publishes its verdict');
  });

  it('restores the previous Allure history before building the report, and keeps the new one', () => {
    const history = 'reports/merged/allure-report/history';
    const restore = indexOf(
      'verdict',
      (step) => step.uses?.startsWith('actions/cache/restore@') === true && step.with?.path === history,
      `restoring ${history}`,
    );
    const report = indexOf(
      'verdict',
      (step) => step.run?.includes('npm run report') === true,
      'npm run report',
    );
    const save = indexOf(
      'verdict',
      (step) => step.uses?.startsWith('actions/cache/save@') === true && step.with?.path === history,
      `saving ${history}`,
    );
    assert.ok(restore < report && report < save, 'restore → report → save');
    const restoreWith = steps('verdict')[restore]?.with ?? {};
    const saveWith = steps('verdict')[save]?.with ?? {};
    assert.equal(restoreWith['restore-keys'], 'allure-history-', 'any earlier run’s history will do');
    assert.equal(restoreWith.key, saveWith.key);
    assert.equal(steps('verdict')[report]?.env?.REPORTS_DIR, 'reports/merged');
  });

  it('fails the build on no-go or unusable results, after publishing the reports', () => {
    const all = steps('verdict');
    const gate = all.find((step) => step.id === 'gate');
    assert.equal(gate?.['continue-on-error'], true);
    assert.match(gate?.run ?? '', /npm run gate -- --reports reports\/merged/);
    const last = all[all.length - 1];
    assert.match(last?.if ?? '', /always\(\)/);
    assert.match(last?.if ?? '', /steps\.merge\.outcome != 'success'/);
    assert.match(last?.if ?? '', /steps\.gate\.outcome != 'success'/);
    assert.match(last?.run ?? '', /exit 1/);
    const upload = indexOf(
      'verdict',
      (step) => step.uses?.startsWith('actions/upload-artifact') === true,
      'upload',
    );
    assert.ok(upload < all.length - 1, 'the reports are published before the build fails');
    assert.ok(
      all.some((step) => step.run?.includes('$GITHUB_STEP_SUMMARY')),
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

/** Blanks comments and string contents, keeping every offset, so braces can be counted. */
function blank(text: string): string {
  return text
    .replace(/\/\/.*$/gm, (comment) => ' '.repeat(comment.length))
    .replace(
      /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g,
      (quoted) => `${quoted[0]}${' '.repeat(quoted.length - 2)}${quoted[0]}`,
    );
}

interface Block {
  /** What opened it: `stage`, `steps`, `catchError`, `script`, `post` … */
  readonly name: string;
  /** The text between the block's name and its `{`: a stage's name, a step's arguments. */
  readonly head: string;
  readonly start: number;
  end: number;
}

/** Every `name { … }` and `name(…) { … }` block of a Groovy script, with its extent. */
function blocks(text: string): Block[] {
  const code = blank(text);
  const found: Block[] = [];
  const open: Block[] = [];
  for (let index = 0; index < code.length; index += 1) {
    if (code[index] === '{') {
      let cursor = index - 1;
      while (cursor >= 0 && /\s/.test(code[cursor]!)) cursor -= 1;
      let headStart = cursor + 1;
      if (code[cursor] === ')') {
        let depth = 0;
        for (; cursor >= 0; cursor -= 1) {
          if (code[cursor] === ')') depth += 1;
          if (code[cursor] === '(') depth -= 1;
          if (depth === 0) break;
        }
        headStart = cursor;
        cursor -= 1;
      }
      const nameEnd = cursor + 1;
      while (cursor >= 0 && /\w/.test(code[cursor]!)) cursor -= 1;
      const block = {
        name: code.slice(cursor + 1, nameEnd),
        head: text.slice(headStart, index).trim(),
        start: index,
        end: -1,
      };
      found.push(block);
      open.push(block);
    } else if (code[index] === '}') {
      const block = open.pop();
      assert.ok(block, `a block closes before it opens (offset ${index})`);
      block.end = index;
    }
  }
  assert.equal(open.length, 0, 'every block is closed');
  return found;
}

describe('the Jenkinsfile', () => {
  const text = fs.readFileSync(path.join(ROOT, 'Jenkinsfile'), 'utf8');
  const all = blocks(text);
  const enclosing = (offset: number): Block[] =>
    all.filter((block) => block.start < offset && offset < block.end);
  const stage = (name: string): Block => {
    const found = all.find((block) => block.name === 'stage' && block.head === `('${name}')`);
    assert.ok(found, `no stage '${name}'`);
    return found;
  };
  const within = (block: Block): string => text.slice(block.start, block.end);
  /** Each `sh` command with the blocks around it. */
  const shells = [...text.matchAll(/\bsh\s*\(?\s*(?:script:\s*)?'([^']*)'([^\n]*)/g)].map((match) => ({
    command: match[1]!,
    rest: match[2]!,
    offset: match.index,
    around: enclosing(match.index),
  }));

  it('is a declarative pipeline with balanced blocks', () => {
    assert.match(text, /^pipeline \{/m);
    assert.ok(all.some((block) => block.name === 'pipeline'));
  });

  it('runs the stages in order, the UI scenarios in three parallel shards', () => {
    const stages = [...text.matchAll(/stage\('([^']+)'\)/g)].map((match) => match[1]);
    assert.deepEqual(stages, [
      'Set up',
      'Lint features',
      'Typecheck and lint',
      'Drift check and harness tests',
      'Benchmark smoke',
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
    for (const shard of [1, 2, 3]) {
      const inStage = within(stage(`UI shard ${shard}/3`));
      assert.match(inStage, new RegExp(`SHARD=${shard}/3 REPORTS_DIR=reports/ui-${shard} npm run spec`));
      assert.match(inStage, new RegExp(`stash name: 'reports-ui-${shard}'`));
    }
    assert.ok(
      all.some(
        (block) =>
          block.name === 'parallel' &&
          block.start > stage('UI scenarios').start &&
          block.end < stage('UI scenarios').end,
      ),
      'the UI shards run in parallel',
    );
    assert.match(text, /junit testResults: 'reports\/merged\/junit\.xml'/);
  });

  it('lets no failed scenario stop the pipeline before the gate', () => {
    const spec = shells.filter((shell) => shell.command.includes('npm run spec'));
    assert.equal(spec.length, 4, 'the API scenarios and three UI shards');
    for (const shell of spec) {
      assert.ok(
        shell.around.some((block) => block.name === 'catchError') ||
          swallowsFailure(shell.command) ||
          /returnStatus:\s*true/.test(shell.rest),
        `"${shell.command}" would stop the pipeline on a failed scenario`,
      );
      // Its reports are stashed whatever happened.
      const own = shell.around.find((block) => block.name === 'stage' && !/UI scenarios/.test(block.head));
      assert.ok(own, shell.command);
      assert.match(within(own), /post \{\s*always \{\s*stash /);
    }
    // Merge and gate report through their exit codes, read by the verdict at the end.
    for (const script of ['merge', 'gate']) {
      const shell = shells.find((candidate) => candidate.command.includes(`npm run ${script}`));
      assert.match(shell?.rest ?? '', /returnStatus:\s*true/, `npm run ${script} reports by its exit code`);
    }
    assert.match(within(stage('Gate')), /when \{\s*expression \{ env\.MERGE_EXIT == '0' \}/);
    assert.match(
      text,
      /skipMarkingBuildUnstable: true/,
      'the verdict decides the build, not a failed test case',
    );
  });

  it('names every plugin its steps need, Timestamper for timestamps() among them', () => {
    const plugins = /^\/\/ Plugins: (.+)$/m.exec(text)?.[1] ?? '';
    for (const [step, plugin] of [
      ['timestamps()', 'Timestamper'],
      ['copyArtifacts(', 'Copy Artifact'],
      ['publishHTML(', 'HTML Publisher'],
      ['junit ', 'JUnit'],
    ] as const) {
      if (blank(text).includes(step))
        assert.ok(plugins.includes(plugin), `${step} needs the ${plugin} plugin`);
    }
  });

  it('restores the previous Allure history before building the report', () => {
    const publish = stage('Publish');
    // Found in the code, not in a comment; its arguments read from the text at the same place.
    const restore = blank(text).indexOf('copyArtifacts(', publish.start);
    assert.ok(restore >= 0 && restore < publish.end, 'copyArtifacts in the Publish stage');
    assert.match(
      text.slice(restore),
      /^copyArtifacts\(projectName: env\.JOB_NAME, selector: lastWithArtifacts\(\), filter: 'reports\/merged\/allure-report\/history\/\*\*', optional: true\)/,
      'the last build’s Allure history',
    );
    // Copy Artifact in production mode copies from a job only when that job allows it.
    assert.match(blank(text), /options \{[^}]*copyArtifactPermission\(env\.JOB_NAME\)/);
    const report = shells.find((shell) => shell.command.includes('npm run report'));
    assert.ok(report && restore < report.offset, 'restored before npm run report');
    assert.ok(report.around.includes(publish));
    assert.match(
      within(publish),
      /archiveArtifacts artifacts: 'reports\/merged\/\*\*'/,
      'the history is archived for the next build',
    );
  });

  it('fails the build on no-go or unusable results, after publishing', () => {
    const verdict = within(stage('Verdict'));
    assert.match(verdict, /if \(env\.MERGE_EXIT != '0'\) \{\s*error\(/);
    assert.match(verdict, /if \(env\.GATE_EXIT != '0'\) \{\s*error\(/);
  });

  it('names only npm scripts that exist', () => {
    for (const script of npmScripts(text)) assert.ok(scripts.includes(script), `npm run ${script}`);
  });
});
