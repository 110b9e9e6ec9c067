import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { HARNESS_ROOT } from '../config/project-dir';
import { accepts } from './ports';

export const PRISM = path.join(HARNESS_ROOT, 'node_modules/.bin/prism');

export interface PrismOptions {
  readonly contractFile: string;
  readonly port: number;
  /** Responses generated from the schemas (`-d`) instead of the contract's examples. */
  readonly dynamic: boolean;
  /** Prism's own log on stderr instead of nowhere. */
  readonly verbose: boolean;
}

/** Terminal colours (ESC [ … m); built from the code, as a literal escape character is a lint error. */
const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Prism's log lines carry colours and a clock; the last one, plain, explains a failure. */
function plain(line: string): string {
  return line
    .replace(COLOURS, '')
    .replace(/^\[[^\]]*\]\s*›\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One Prism mock server: the process, its last words, and how it ended. */
export class PrismServer {
  private last = '';
  private readonly child: ChildProcess;
  /** Settles when the process has exited, with its code (or the signal that ended it). */
  readonly exited: Promise<string>;

  constructor(
    readonly service: string,
    readonly options: PrismOptions,
  ) {
    const args = [
      'mock',
      '-h',
      '127.0.0.1',
      '-p',
      String(options.port),
      ...(options.dynamic ? ['-d'] : []),
      options.contractFile,
    ];
    // Its own process group: a Ctrl-C in the terminal reaches this command, which stops Prism
    // itself, so Prism never looks as if it had died on its own.
    this.child = spawn(PRISM, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.heard(chunk));
    }
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.last = error.message;
        resolve('could not start');
      });
      this.child.once('exit', (code, signal) =>
        resolve(signal ? `ended by ${signal}` : `exit code ${code ?? '?'}`),
      );
    });
  }

  /** What Prism said last, or that it said nothing. */
  get lastLine(): string {
    return this.last || 'Prism said nothing';
  }

  private heard(chunk: string): void {
    if (this.options.verbose) process.stderr.write(chunk.replace(/^(?=.)/gm, `[${this.service}] `));
    const lines = chunk.split('\n').map(plain).filter(Boolean);
    if (lines.length > 0) this.last = lines[lines.length - 1] ?? this.last;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Waits until Prism accepts connections on its port: true then; false when it exits first or
   * the time runs out.
   */
  async ready(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running && Date.now() < deadline) {
      if (await accepts(this.options.port)) return this.running;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  }

  /** Stops Prism and whatever it started (its process group); SIGKILL when it does not go in time. */
  async stop(graceMs = 3000): Promise<void> {
    if (!this.running || this.child.pid === undefined) return;
    const group = -this.child.pid;
    const signal = (name: NodeJS.Signals): void => {
      try {
        process.kill(group, name);
      } catch {
        // Gone already.
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** For the exit of this command itself: no Prism outlives it. */
  kill(): void {
    if (this.running && this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  }
}
