import { UsageError } from '../errors';

/**
 * Cucumber 12's options that take a value, as its `--help` lists them (a test checks this table
 * against it): the preflight reads the command line token by token, as cucumber's parser does,
 * to take the profiles and the configuration file apart and to tell options from feature paths.
 */
export const SHORT_WITH_VALUE = new Set(['c', 'f', 'i', 'l', 'p', 'r', 't']);
export const LONG_WITH_VALUE = new Set([
  '--config',
  '--format',
  '--format-options',
  '--i18n-keywords',
  '--import',
  '--loader',
  '--language',
  '--name',
  '--order',
  '--profile',
  '--parallel',
  '--plugin',
  '--plugin-options',
  '--require',
  '--require-module',
  '--retry',
  '--retry-tag-filter',
  '--shard',
  '--tags',
  '--world-parameters',
]);

/** A command line in the parts cucumber's configuration loader takes apart. */
export interface CommandLineParts {
  /** `-p, --profile <name>`, in the order given (none: cucumber's `default` profile). */
  readonly profiles: string[];
  /** `-c, --config <path>`: another configuration file than the harness's. */
  readonly configFile: string | undefined;
  /** Every other option, with its value, as given. */
  readonly options: string[];
  /** The feature paths, as given. */
  readonly paths: string[];
}

class Parts {
  readonly profiles: string[] = [];
  configFile: string | undefined;
  readonly options: string[] = [];
  readonly paths: string[] = [];

  /** An option with its value: a profile or the configuration file taken apart, the rest kept. */
  take(option: string, value: string | undefined, hint: string): void {
    const named =
      option === 'p' || option === '--profile' ? 'p' : option === 'c' || option === '--config' ? 'c' : '';
    if (named && value === undefined) {
      const spelled = named === 'p' ? "'-p, --profile <NAME>'" : "'-c, --config <PATH>'";
      throw new UsageError(`option ${spelled} argument missing ${hint}`);
    }
    if (named === 'p') this.profiles.push(value!);
    else if (named === 'c') this.configFile = value;
    else
      this.options.push(
        option.startsWith('--') ? option : `-${option}`,
        ...(value === undefined ? [] : [value]),
      );
  }
}

/**
 * Splits a cucumber command line: `-p x`, `-px`, `-dp x`, `--profile x`, `--profile=x` (and the
 * same for `-c`) are taken apart; a value is never read as an option (`--name -px`); after `--`
 * everything is a path.
 */
export function splitCommandLine(args: readonly string[], hint: string): CommandLineParts {
  const parts = new Parts();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--') {
      parts.paths.push(...args.slice(index + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = equals === -1 ? arg : arg.slice(0, equals);
      if (!LONG_WITH_VALUE.has(name)) parts.options.push(arg);
      else parts.take(name, equals === -1 ? args[++index] : arg.slice(equals + 1), hint);
    } else if (arg.startsWith('-') && arg.length > 1) {
      index = shortCluster(parts, args, index, hint);
    } else parts.paths.push(arg);
  }
  return parts;
}

/** `-d`, `-dp ci`, `-pci`, `-t @smoke`: flags, then at most one option with its value. */
function shortCluster(parts: Parts, args: readonly string[], index: number, hint: string): number {
  const arg = args[index]!;
  for (let at = 1; at < arg.length; at += 1) {
    if (!SHORT_WITH_VALUE.has(arg[at]!)) continue;
    if (at > 1) parts.options.push(arg.slice(0, at));
    const attached = arg.slice(at + 1);
    const value = attached !== '' ? attached : args[index + 1];
    parts.take(arg[at]!, value, hint);
    return attached !== '' || value === undefined ? index : index + 1;
  }
  parts.options.push(arg);
  return index;
}
