import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { msSince } from './stats';

/** The repository root: every command runs from here, as `npm run …` would. */
export const ROOT = path.resolve(__dirname, '../..');

/** The TypeScript loader the package.json scripts preload. */
export const REGISTER = path.join(ROOT, 'support/register.cjs');

/** `node -r ./support/register.cjs <script>`: what the package.json scripts run, without npm's start-up. */
export function tsNode(script: string, ...args: string[]): string[] {
  return ['-r', REGISTER, script, ...args];
}

/** The command a person types for `npm run <script>` with `argv`: `npm run bench -- --quick`. */
export function npmCommand(script: string, argv: readonly string[]): string {
  return [`npm run ${script}`, ...(argv.length > 0 ? ['--', ...argv] : [])].join(' ');
}

export interface ProcessRun {
  readonly code: number | null;
  /** Spawn to exit, from process.hrtime. */
  readonly wallMs: number;
  /** Wall-clock time of the spawn (epoch ms), to compare with cucumber's message timestamps. */
  readonly spawnedAtMs: number;
  /** The last 20 kB of stdout and stderr, for error messages. */
  readonly output: string;
  /** Peak resident memory of the process in kB, when asked for. */
  readonly peakRssKb?: number;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /**
   * Preload peak-memory.ts to read the peak resident memory: a TypeScript process, whose args start
   * with `-r <a TypeScript loader>` (tsNode()'s do).
   */
  readonly peakMemory?: boolean;
}

/** Whether `args` start with `-r <module>`: the loader that lets a preloaded .ts file be read. */
function startsWithLoader(args: readonly string[]): boolean {
  return args[0] === '-r' && args[1] !== undefined && args[1] !== '' && !args[1].startsWith('-');
}

/** Runs `node <args>` to completion and times it. Never throws for a non-zero exit: see `expectExit`. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<ProcessRun> {
  const rssFile = options.peakMemory
    ? path.join(os.tmpdir(), `bench-rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`)
    : undefined;
  if (rssFile && !startsWithLoader(args)) {
    throw new Error(
      'peakMemory needs a TypeScript process: start its arguments with `-r <a TypeScript loader>`',
    );
  }
  const nodeArgs = rssFile
    ? [...args.slice(0, 2), '-r', path.join(__dirname, 'peak-memory.ts'), ...args.slice(2)]
    : args;
  return new Promise((resolve, reject) => {
    const spawnedAtMs = Date.now();
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, nodeArgs, {
      cwd: options.cwd ?? ROOT,
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        ...options.env,
        ...(rssFile ? { BENCH_PEAK_RSS_FILE: rssFile } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = msSince(started);
      clearTimeout(timer);
      let peakRssKb: number | undefined;
      if (rssFile && fs.existsSync(rssFile)) {
        peakRssKb = Number(fs.readFileSync(rssFile, 'utf8'));
        fs.rmSync(rssFile, { force: true });
      }
      resolve({ code, wallMs, spawnedAtMs, output, ...(peakRssKb === undefined ? {} : { peakRssKb }) });
    });
  });
}

/** Fails the benchmark when a measured command did not end as expected: its figures would mean nothing. */
export function expectExit(run: ProcessRun, what: string, codes: readonly number[] = [0]): ProcessRun {
  if (run.code === null || !codes.includes(run.code)) {
    throw new Error(`${what} exited with ${String(run.code)}:\n${run.output.slice(-4000)}`);
  }
  return run;
}
