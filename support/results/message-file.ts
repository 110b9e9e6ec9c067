import fs from 'node:fs';
import path from 'node:path';

/**
 * messages.ndjson, written on the reporting thread from the lines the coordinator made of the
 * envelopes, a scenario at a time: the stream and the results built from it hold the same
 * messages, also when a signal cuts the run short (the writes are synchronous, so closing at the
 * signal leaves every line whole and none the results do not have). A scenario that finished is
 * on disk at once: people and tools follow the stream live.
 */
export class MessageFile {
  private readonly fd: number;
  private closed = false;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }

  /** Lines of the stream, each ending in a newline. */
  write(lines: string): void {
    if (!this.closed) fs.writeSync(this.fd, lines);
  }

  /** Closes the file; later lines are dropped. */
  close(): void {
    if (this.closed) return;
    fs.closeSync(this.fd);
    this.closed = true;
  }
}
