import type { Envelope, GherkinDocument, Pickle } from '@cucumber/messages';
import { AttachmentContentEncoding } from '../gherkin/message-values';
import type { RequirementCatalog } from '../trace/requirements';
import {
  ALLURE_MESSAGE_MEDIA_TYPE,
  metadataMessage,
  scenarioMetadata,
  type AllureLabel,
} from './allure-metadata';

/**
 * What ties each Allure result to the specification, told to allure-cucumberjs where it runs (the
 * reporting thread) instead of by every scenario's steps: as each attempt starts, its requirement
 * links, epic, story, severity, owner and layer (allure-metadata.ts); before it finishes, the
 * operations its exchanges exercised (`exercised`, from the results model, which reads each exchange
 * record once), each once, in the order first called. Both as the runtime
 * messages allure-cucumberjs takes from attachments.
 */
export class AllureScenarioMetadata {
  private readonly documents = new Map<string, GherkinDocument>();
  private readonly pickles = new Map<string, Pickle>();
  /** Test case id → its pickle's id. */
  private readonly testCases = new Map<string, string>();
  /** Attempt (testCaseStarted id) → its test case, and the operations its exchanges exercised. */
  private readonly attempts = new Map<
    string,
    { readonly testCaseId: string; readonly operations: Set<string> }
  >();

  constructor(private readonly catalog: RequirementCatalog) {}

  /** The messages to hand allure-cucumberjs before this one, and after it. */
  around(envelope: Envelope): { readonly before: Envelope[]; readonly after: Envelope[] } {
    const none = { before: [], after: [] };
    if (envelope.gherkinDocument?.uri)
      this.documents.set(envelope.gherkinDocument.uri, envelope.gherkinDocument);
    else if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    else if (envelope.testCase) this.testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    else if (envelope.testCaseStarted) {
      const { id, testCaseId } = envelope.testCaseStarted;
      const pickle = this.pickles.get(this.testCases.get(testCaseId) ?? '');
      this.attempts.set(id, { testCaseId, operations: new Set() });
      if (!pickle) return none;
      const metadata = scenarioMetadata(pickle, this.documents.get(pickle.uri), this.catalog);
      return { before: [], after: [told(id, metadataMessage(metadata))] };
    } else if (envelope.testCaseFinished)
      return { before: this.finish(envelope.testCaseFinished), after: [] };
    return none;
  }

  /** An operation an attempt's exchange exercised (the results model read the record: RunCollector). */
  exercised(testCaseStartedId: string, operationId: string | undefined): void {
    if (operationId) this.attempts.get(testCaseStartedId)?.operations.add(operationId);
  }

  private finish(finished: NonNullable<Envelope['testCaseFinished']>): Envelope[] {
    const attempt = this.attempts.get(finished.testCaseStartedId);
    this.attempts.delete(finished.testCaseStartedId);
    // Its last attempt: the test case is not told of again.
    if (attempt && !finished.willBeRetried) {
      this.pickles.delete(this.testCases.get(attempt.testCaseId) ?? '');
      this.testCases.delete(attempt.testCaseId);
    }
    const operations = [...(attempt?.operations ?? [])];
    if (operations.length === 0) return [];
    const labels: AllureLabel[] = operations.map((value) => ({ name: 'operation', value }));
    return [told(finished.testCaseStartedId, metadataMessage({ labels }))];
  }
}

/** A runtime message of allure-cucumberjs's, as an attachment of the attempt. */
function told(testCaseStartedId: string, body: string): Envelope {
  return {
    attachment: {
      testCaseStartedId,
      mediaType: ALLURE_MESSAGE_MEDIA_TYPE,
      body,
      contentEncoding: AttachmentContentEncoding.IDENTITY,
    },
  };
}
