import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IConfiguration } from '@cucumber/cucumber/api';
import type { Command as CommandType } from 'commander';
import { UsageError, displayPath } from '../errors';
import { splitCommandLine, type CommandLineParts } from './cucumber-options';

/** The command line cucumber gets, in parts, and what cucumber's own parser reads in it. */
export interface CucumberArguments extends CommandLineParts {
  /** What the options and paths say, read by cucumber's own parser over its defaults. */
  readonly configuration: IConfiguration;
}

const HINT =
  '(npm run spec -- --help lists the cucumber options; the harness adds --no-gate, --gate-policy <name>)';

/**
 * Cucumber's options from the command line, read by cucumber's own parser (through its public
 * `loadConfiguration`, without a configuration file). A bad command line (`--frobnicate`, `--tags`
 * without its expression, `--parallel x`) is one line and exit 2 — the run cannot be trusted —
 * never commander's exit 1, which reads as "scenarios failed".
 */
export async function parseCucumberArguments(args: readonly string[]): Promise<CucumberArguments> {
  const split = splitCommandLine(args, HINT);
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
    // After `--` a path is never an option (`-odd.feature`); an option missing its value is last.
    const provided = [...split.options, ...(split.paths.length > 0 ? ['--', ...split.paths] : [])];
    const { useConfiguration } = await loadConfiguration({ file: false, provided });
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
