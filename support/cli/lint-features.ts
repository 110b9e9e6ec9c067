/**
 * `npm run lint:features [-- <files or folders>]` — checks the living specification: every scenario
 * proves a known, non-retired requirement; no technical detail in business features; no @only or
 * @wip; no duplicate scenario names. One line per finding, `file:line: message [rule]`.
 * Exit 0 clean, 1 findings, 2 the catalogue itself is broken.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ExitCode, oneLine } from '../errors';
import { loadCorpus } from '../gherkin/corpus';
import { formatFinding, lintFeatures } from '../lint/feature-rules';
import { loadRequirements } from '../trace/requirements';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { requirements: { type: 'string', default: 'specs/requirements.yaml' } },
  });
  const catalog = loadRequirements(path.resolve(values.requirements));
  const corpus = loadCorpus(positionals.length > 0 ? positionals : ['features']);
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

try {
  process.exitCode = main();
} catch (error) {
  console.error(`lint:features: ${oneLine(error)}`);
  process.exitCode = ExitCode.unusable;
}
