import path from 'node:path';
import type { HarnessConfig } from './config';

/** The harness's own folder: its support code, cucumber.cjs and node_modules. */
export const HARNESS_ROOT = path.resolve(__dirname, '../..');

/** Variables naming files: relative to where the command was started, whatever folder runs. */
const PATH_VARIABLES = ['HARNESS_CONFIG', 'OPENAPI_SPEC', 'REQUIREMENTS', 'GATE_POLICY', 'REPORTS_DIR'];

/**
 * Moves a command into the project's folder, where cucumber runs and from where feature files,
 * reports and messages are named (`features/pets.feature`, not a path from the harness's folder).
 * Paths given in the environment are made absolute first, so the cucumber workers (started in the
 * project's folder) read the same files.
 */
export function enterProject(settings: HarnessConfig, env: NodeJS.ProcessEnv = process.env): void {
  for (const name of PATH_VARIABLES) {
    const value = env[name]?.trim();
    if (value) env[name] = path.resolve(value);
  }
  process.chdir(settings.projectDir);
}

/**
 * `make(cwd)` for the folder the process works in now, worked out once per folder: for what is
 * asked on a hot path (every text bound for a report, every Allure id) and depends on the folder,
 * which a run may change as it moves into its project.
 */
export function perWorkingFolder<T>(make: (cwd: string) => T): () => T {
  const made = new Map<string, T>();
  return () => {
    const cwd = process.cwd();
    if (!made.has(cwd)) made.set(cwd, make(cwd));
    return made.get(cwd) as T;
  };
}
