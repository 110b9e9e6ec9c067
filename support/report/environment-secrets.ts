import fs from 'node:fs';
import { placeholders } from '../contract/interpolation';
import { findFeatureFiles } from '../gherkin/feature-files';

/** What `{{env.NAME}}` starts with: a step takes NAME's value, which the run keeps out of every report. */
const ENVIRONMENT = 'env.';

/**
 * The values of the environment variables the features take with `{{env.NAME}}`, where they are
 * set here: secrets by the harness's own rule (ScenarioWorld.interpolate), which a run learns as
 * it meets them. The gate run on its own — a later CI step, after a merge — knows them only so.
 */
export function environmentSecrets(
  featuresDirs: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const values = new Set<string>();
  for (const file of findFeatureFiles(featuresDirs)) {
    for (const name of placeholders(fs.readFileSync(file, 'utf8'))) {
      const value = name.startsWith(ENVIRONMENT) ? env[name.slice(ENVIRONMENT.length)] : undefined;
      if (value) values.add(value);
    }
  }
  return [...values];
}
