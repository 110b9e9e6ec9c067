import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IConfiguration } from '@cucumber/cucumber/api';
import type { Command as CommandType } from 'commander';
import { UsageError, displayPath } from '../errors';

/** The command line cucumber gets, split the way its configuration loader takes it. */
export interface CucumberArguments {
  /** `-p, --profile <name>`, in the order given (none: cucumber's `default` profile). */
  readonly profiles: string[];
  /** `-c, --config <path>`: another configuration file than the harness's. */
  readonly configFile: string | undefined;
  /** Every other option and the feature paths, as given: cucumber's `provided` configuration. */
  readonly args: string[];
  /** What those say, read by cucumber's own parser over its defaults (paths as given). */
  readonly configuration: IConfiguration;
}

const HINT =
  '(npm run spec -- --help lists the cucumber options; the harness adds --no-gate, --gate-policy <name>)';

/** `-p x`, `-px`, `--profile x`, `--profile=x`: the value of an option that names a file or profile. */
function valueOf(
  args: readonly string[],
  index: number,
  short: string,
  long: string,
): [string, number] | undefined {
  const arg = args[index]!;
  if (arg === short || arg === long) {
    const value = args[index + 1];
    if (value === undefined)
      throw new UsageError(`option '${short}, ${long} <value>' argument missing ${HINT}`);
    return [value, index + 1];
  }
  if (arg.startsWith(`${long}=`)) return [arg.slice(long.length + 1), index];
  if (arg.startsWith(short) && !arg.startsWith('--') && arg.length > short.length)
    return [arg.slice(short.length), index];
  return undefined;
}

/** Takes the profiles and the configuration file out: cucumber's loader takes them apart. */
function splitProfiles(args: readonly string[]): Omit<CucumberArguments, 'configuration'> {
  const profiles: string[] = [];
  let configFile: string | undefined;
  const rest: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] === '--') {
      rest.push(...args.slice(index));
      break;
    }
    const profile = valueOf(args, index, '-p', '--profile');
    const config = profile ? undefined : valueOf(args, index, '-c', '--config');
    if (profile) [profiles[profiles.length], index] = profile;
    else if (config) [configFile, index] = config;
    else rest.push(args[index]!);
  }
  return { profiles, configFile, args: rest };
}

/**
 * Cucumber's options from the command line, read by cucumber's own parser (through its public
 * `loadConfiguration`, without a configuration file). A bad command line (`--frobnicate`, `--tags`
 * without its expression, `--parallel x`) is one line and exit 2 — the run cannot be trusted —
 * never commander's exit 1, which reads as "scenarios failed".
 */
export async function parseCucumberArguments(args: readonly string[]): Promise<CucumberArguments> {
  const split = splitProfiles(args);
  const { loadConfiguration } = await import('@cucumber/cucumber/api');
  // The commander cucumber itself loads: its errors go through Command.prototype.error.
  const fromCucumber = createRequire(require.resolve('@cucumber/cucumber'));
  const { Command } = fromCucumber('commander') as { Command: typeof CommandType };
  const original = Object.getOwnPropertyDescriptor(Command.prototype, 'error');
  Command.prototype.error = (message: string): never => {
    const text = message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
    throw new UsageError(`${text} ${HINT}`);
  };
  try {
    const { useConfiguration } = await loadConfiguration({ file: false, provided: split.args });
    return { ...split, configuration: useConfiguration };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // Cucumber's own checks of a value (`--parallel must be a non negative integer`).
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  } finally {
    if (original) Object.defineProperty(Command.prototype, 'error', original);
  }
}

/** `--name '(('`: cucumber would fail deep in its filter; the pattern is named here instead. */
export function checkNamePatterns(names: readonly string[]): void {
  for (const name of names) {
    try {
      new RegExp(name);
    } catch (error) {
      const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
      throw new UsageError(`--name "${name}" is not a valid regular expression: ${reason}`);
    }
  }
}

const GLOB = /[*?[\]{}]/;

/**
 * Feature paths that do not exist (`features/typo`, `features/x.feature:12` of a missing file):
 * cucumber would run nothing and say nothing. Globs are cucumber's to expand.
 */
export function checkFeaturePaths(paths: readonly string[]): void {
  const missing = paths
    .map((entry) => entry.replace(/(:\d+)+$/, ''))
    .filter((file) => !GLOB.test(file) && !fs.existsSync(file));
  if (missing.length === 0) return;
  const shown = missing.map((file) => displayPath(path.resolve(file)));
  throw new UsageError(
    `no such feature file or folder: ${shown.join(', ')} (paths are relative to where the command runs)`,
  );
}
