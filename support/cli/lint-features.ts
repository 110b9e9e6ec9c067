/**
 * `npm run lint:features [-- <files or folders>… | --features <dir>…]` — checks the living
 * specification (`features/` unless told otherwise) against the requirement catalogue
 * (`REQUIREMENTS`, default specs/requirements.yaml): every scenario proves a known, non-retired
 * requirement; no technical detail in business features; no @only or @wip; no duplicate scenario
 * names. One line per finding, `file:line: message [rule]`.
 * Exit 0 clean, 1 findings, 2 the catalogue is broken or there is nothing to lint.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { config } from '../config/config';
import { enterProject } from '../config/project-dir';
import { ExitCode, runCommand } from '../errors';
import { loadCorpus, requireFeatureRoots } from '../gherkin/load-corpus';
import { formatFinding, lintFeatures } from '../lint/feature-rules';
import { loadRequirements } from '../trace/requirements';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { features: { type: 'string', multiple: true, default: [] } },
  });
  const settings = config();
  const given = [...values.features, ...positionals].map((root) => path.resolve(root));
  const roots = given.length > 0 ? given : [...settings.featuresDirs];
  enterProject(settings);
  requireFeatureRoots(roots);

  const catalog = loadRequirements(settings.requirementsFile);
  const corpus = loadCorpus(roots);
  const findings = lintFeatures(corpus, catalog);
  for (const finding of findings) console.error(formatFinding(finding));
  const scenarios = corpus.features.reduce((count, feature) => count + feature.pickles.length, 0);
  if (findings.length > 0) {
    console.error(
      `${findings.length} finding(s) in ${corpus.features.length + corpus.problems.length} feature file(s)`,
    );
    return ExitCode.failed;
  }
  console.log(
    `Features are clean: ${corpus.features.length} files, ${scenarios} scenarios, every one tied to a requirement.`,
  );
  return ExitCode.ok;
}

runCommand('lint:features', main);
