import fs from 'node:fs';
import path from 'node:path';
import escapeHtml from 'escape-html';
import type { Headers } from '../http/exchange';
import { parseExchangeAttachment, type ExchangeAttachment } from './exchange-attachment';
import { type AllureAttachment, type AllureResultFile, type AllureStep } from './allure-results';

/** The media type of the readable view Allure shows beside each exchange's JSON. */
export const EXCHANGE_VIEW_TYPE = 'text/html';

/**
 * An exchange as a person reads it: the verdict, the request line and the status, the headers
 * and the bodies pretty-printed, the curl line to replay it. Plain HTML with no script and no
 * inline style, so it shows as it is under a strict Content-Security-Policy (Jenkins' default).
 */
export function exchangeView(attachment: ExchangeAttachment): string {
  const { exchange, assessment } = attachment;
  const { request, response } = exchange;
  const operation = assessment.operationId ? `${assessment.operationId}: ` : '';
  const verdict = assessment.violations.length
    ? `<p><strong>Contract violations</strong></p><ul>${assessment.violations.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
    : assessment.undocumented
      ? '<p><strong>Not in the contract</strong></p>'
      : assessment.validated
        ? '<p>Checked against the contract: as it says.</p>'
        : '';
  return [
    '<!doctype html><html><head><meta charset="utf-8"><title>HTTP exchange</title></head><body>',
    `<h3>${escapeHtml(`${operation}${request.method} ${request.url} → ${response.status}`)}</h3>`,
    `<p>${escapeHtml(`${exchange.source === 'browser' ? 'made by the web app' : 'made by a step'}, ${exchange.durationMs} ms, ${exchange.startedAt}`)}</p>`,
    verdict,
    '<h4>Request</h4>',
    headersTable(request.headers),
    bodyBlock(request.body),
    '<h4>Response</h4>',
    headersTable(response.headers),
    bodyBlock(response.body),
    '<h4>Replay</h4>',
    `<pre>${escapeHtml(attachment.curl)}</pre>`,
    '</body></html>',
  ].join('\n');
}

function headersTable(headers: Headers): string {
  const rows = Object.entries(headers).map(
    ([name, value]) => `<tr><th align="left">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
  );
  return rows.length ? `<table>${rows.join('')}</table>` : '<p>(no headers)</p>';
}

function bodyBlock(body: unknown): string {
  if (body === undefined || body === '') return '<p>(no body)</p>';
  const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  return `<pre>${escapeHtml(text)}</pre>`;
}

/**
 * Beside every HTTP exchange attachment of the Allure results, its readable view (the JSON stays
 * for tools). Done when the report is built, not during the run: the run stays as cheap as it is.
 * Results already given their views are left as they are. Returns how many views were added.
 */
export function withExchangeViews(files: readonly AllureResultFile[], resultsDir: string): number {
  let added = 0;
  const withView = (attachment: AllureAttachment): AllureAttachment[] => {
    const view = exchangeViewFile(resultsDir, attachment);
    if (!view) return [attachment];
    added += 1;
    const title = attachment.name.replace(/\.json$/, '');
    return [{ name: title, source: path.basename(view), type: EXCHANGE_VIEW_TYPE }, attachment];
  };
  const visit = (step: AllureStep): void => {
    if (step.attachments) step.attachments = step.attachments.flatMap(withView);
    for (const child of step.steps ?? []) visit(child);
  };
  for (const each of files) {
    const before = added;
    visit(each.result);
    if (added > before) each.changed = true;
  }
  return added;
}

/** Writes the view of an exchange attachment beside it and names it; nothing for any other. */
function exchangeViewFile(resultsDir: string, attachment: AllureAttachment): string | undefined {
  if (attachment.type !== 'application/json') return undefined;
  const source = path.join(resultsDir, attachment.source);
  const view = source.replace(/\.json$/, '.html');
  if (view === source || fs.existsSync(view)) return undefined;
  const exchange = parseExchangeAttachment(fs.readFileSync(source, 'utf8'));
  if (!exchange) return undefined;
  fs.writeFileSync(view, exchangeView(exchange));
  return view;
}
