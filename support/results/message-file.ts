import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '@cucumber/messages';

const BATCH_BYTES = 1 << 20;

/**
 * messages.ndjson, written by the results plugin from the envelopes it collects: the stream and
 * the results built from it hold the same messages, also when a signal cuts the run short (the
 * writes are synchronous, in batches, so closing at the signal leaves every line whole and none
 * the results do not have).
 */
export class MessageFile {
  private readonly fd: number;
  private lines: string[] = [];
  private bytes = 0;
  private closed = false;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }

  write(envelope: Envelope): void {
    if (this.closed) return;
    const line = `${JSON.stringify(envelope)}\n`;
    this.lines.push(line);
    this.bytes += line.length;
    // A scenario that finished is on disk at once: people and tools follow the stream live.
    if (this.bytes >= BATCH_BYTES || envelope.testCaseFinished) this.flush();
  }

  /** Writes what is pending and closes the file; later messages are dropped. */
  close(): void {
    if (this.closed) return;
    this.flush();
    fs.closeSync(this.fd);
    this.closed = true;
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    fs.writeSync(this.fd, this.lines.join(''));
    this.lines = [];
    this.bytes = 0;
  }
}
