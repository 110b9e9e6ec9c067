import { DOC_STATUSES, STATUSES, docStatus, type DocStatus, type ScenarioStatus } from '../results/status';
import type { DocsModel } from './model';

/**
 * The status vocabulary the page script reads from the page's embedded data, made at build time
 * from `support/results/status.ts`: the site keeps no copy of its own.
 */
export interface StatusVocabulary {
  /** What a product owner sees for a result, least severe first (`DOC_STATUSES`). */
  readonly severity: readonly DocStatus[];
  /** The order the page lists them in (filters, counts): see `readingOrder`. */
  readonly shown: readonly DocStatus[];
  /** What each of cucumber's statuses, and "not run", shows as (`docStatus`). */
  readonly docStatus: Readonly<Record<ScenarioStatus, DocStatus>>;
}

/** What the page carries in its `docs-data` element: the docs model and the status vocabulary. */
export interface SiteData extends DocsModel {
  readonly vocabulary: StatusVocabulary;
}

/**
 * The order a reader meets statuses in: what passed first, then what went wrong, worst first, then
 * what did not run.
 */
export function readingOrder(severity: readonly DocStatus[]): DocStatus[] {
  const wrong = severity.filter((status) => status !== 'passed' && status !== 'not-run').reverse();
  return [
    ...severity.filter((status) => status === 'passed'),
    ...wrong,
    ...severity.filter((status) => status === 'not-run'),
  ];
}

export function statusVocabulary(): StatusVocabulary {
  const statuses: readonly ScenarioStatus[] = [...STATUSES, 'NOT_RUN'];
  return {
    severity: DOC_STATUSES,
    shown: readingOrder(DOC_STATUSES),
    docStatus: Object.fromEntries(statuses.map((status) => [status, docStatus(status)])) as Record<
      ScenarioStatus,
      DocStatus
    >,
  };
}

export function siteData(model: DocsModel): SiteData {
  return { ...model, vocabulary: statusVocabulary() };
}
