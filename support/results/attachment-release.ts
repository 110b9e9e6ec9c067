import type * as messages from '@cucumber/messages';
import { showsOnConsole } from '../report/console-failure';
import { onlyFormatters, type RunFormats } from '../report/harness-formatters';

/**
 * Cucumber's coordinator keeps every message of a run for its formatters' summary at the end (its
 * EventDataCollector), every attachment's body included: about 10 kB per API scenario, so memory
 * grew with the run. By the end of a scenario's attempt every listener has had its attachments:
 * Allure and the message stream take them as they come, and what the console shows at the end is
 * only the text a step wrote. This empties the other bodies when the attempt finishes (after this
 * plugin, which hears each message first, has written them to messages.ndjson).
 */
export class AttachmentRelease {
  private readonly held = new Map<string, messages.Attachment[]>();

  update(envelope: messages.Envelope): void {
    const { attachment, testCaseFinished } = envelope;
    if (attachment?.testCaseStartedId && !showsOnConsole(attachment)) {
      const list = this.held.get(attachment.testCaseStartedId) ?? [];
      list.push(attachment);
      this.held.set(attachment.testCaseStartedId, list);
    } else if (testCaseFinished) {
      for (const each of this.held.get(testCaseFinished.testCaseStartedId) ?? []) each.body = '';
      this.held.delete(testCaseFinished.testCaseStartedId);
    }
  }
}

/** Formatters that take attachments as they come or never read them from cucumber's collector. */
const STREAMING_FORMATTERS = new Set([
  'progress',
  'progress-bar',
  'summary',
  'message',
  'junit',
  'rerun',
  'usage',
  'usage-json',
  'snippets',
]);

/**
 * Whether a run's formatters allow releasing attachments: the harness's own and cucumber's
 * streaming ones only. Cucumber's `json` formatter, or any other, reads every attachment at the end.
 */
export function mayReleaseAttachments(formats: RunFormats, harnessFormatters: readonly string[]): boolean {
  return onlyFormatters(
    formats,
    (name) => STREAMING_FORMATTERS.has(name) || harnessFormatters.includes(name),
  );
}
