import path from 'node:path';

/**
 * Exit codes of every harness command, documented in the README:
 * 0 — passed (or the gate says go); 1 — scenarios failed (or the gate says no-go);
 * 2 — the run could not be trusted: bad input or configuration, a broken spec, an unreachable
 * service, missing or incomplete results.
 */
export const ExitCode = { ok: 0, failed: 1, unusable: 2 } as const;

/** An error the user can fix: bad configuration, a malformed file, a missing browser. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What node's parseArgs throws for a bad command line (`Unknown option '--x'`): the user's to fix. */
function isCommandLineError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** One line for the terminal: the message of a UsageError, the first line of anything else. */
export function oneLine(error: unknown): string {
  if (error instanceof Error) {
    const first = error.message.split('\n')[0] ?? '';
    const own =
      error instanceof UsageError
        ? first
        : isCommandLineError(error)
          ? // Node's advice on `--` after the first sentence is for programs that take such values.
            first.replace(/\. To specify a positional argument .*$/, '')
          : `${error.name}: ${first}`;
    // Cucumber wraps what went wrong ("failed to load/parse"): the cause is what says why.
    return error.cause instanceof Error ? `${own}: ${oneLine(error.cause)}` : own;
  }
  return String(error);
}

/** What a YAML parser says went wrong, without the location (given separately) or the excerpt. */
export function yamlReason(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

/** An error that has more to say than one line: every line is printed (the preflight's problems). */
interface ManyLines {
  lines(): readonly string[];
}

function hasLines(error: unknown): error is ManyLines {
  return error instanceof UsageError && typeof (error as Partial<ManyLines>).lines === 'function';
}

/**
 * A reader that stops reading (`npm run spec | head`) is not a failure of the command: what it no
 * longer reads is dropped, and the run goes on to write its reports and end with its own exit code.
 * Any other error of the stream is thrown, as Node would.
 */
function unlessReaderLeft(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
}

/** The process's output goes on as `unlessReaderLeft` says (once per process: commands and cucumber's workers). */
export function outliveReaders(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.listeners('error').includes(unlessReaderLeft)) stream.on('error', unlessReaderLeft);
  }
}

/**
 * The one ending of every command: the exit code `main` returns, or, when it throws, 2 (the run
 * cannot be trusted) and one line `<command>: <what is wrong>` — never a stack trace or a
 * `TypeError:` for a bad command line.
 */
export function runCommand(command: string, main: () => number | Promise<number>): void {
  outliveReaders();
  const fail = (error: unknown): void => {
    if (hasLines(error)) for (const line of error.lines()) console.error(line);
    else console.error(`${command}: ${oneLine(error)}`);
    process.exitCode = ExitCode.unusable;
  };
  try {
    void Promise.resolve(main()).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error);
  }
}

/**
 * The scenario or its steps are wrong — a value never remembered, an account the scenario never
 * made, no call made yet: a defect of the test, not of the product. It goes by `Error`.
 */
export class ScenarioDefect extends Error {}

/** What the run needs from the machine is missing or broken: no browser, or one that will not start. */
export class EnvironmentError extends UsageError {}

/** A spec that cannot be used: the message is one line naming the file and the location. */
export class SpecError extends UsageError {}

/** Where the command was started (npm runs scripts in the package's folder and says where in INIT_CWD). */
const LAUNCHED_IN = process.env.INIT_CWD ?? process.cwd();

/**
 * A path as people want to read it, and as reports may show it: relative to the working folder
 * (`specs/openapi.yaml`, `../shards/2/messages.ndjson`), so no report names the machine's folders.
 * A path far outside it (a temporary folder) reads better relative to where the command was
 * started, or else as it is.
 */
export function displayPath(file: string, cwd = process.cwd()): string {
  for (const base of cwd === LAUNCHED_IN ? [cwd] : [cwd, LAUNCHED_IN]) {
    const relative = path.relative(base, file);
    if (relative === '') return '.';
    if (path.isAbsolute(relative)) return file;
    if (!relative.startsWith(`..${path.sep}..${path.sep}`) && relative !== `..${path.sep}..`) {
      return relative.split(path.sep).join('/');
    }
  }
  return file;
}
