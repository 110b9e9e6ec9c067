import {
  After,
  AfterAll,
  AfterStep,
  Before,
  BeforeAll,
  Status,
  parallelCanAssignHelpers,
  setDefaultTimeout,
  setParallelCanAssign,
} from '@cucumber/cucumber';
import { config } from '../config/config';
import { scrubZip } from '../report/scrub-zip';
import { ALLURE_MESSAGE_MEDIA_TYPE, metadataMessage, scenarioMetadata } from '../report/allure-metadata';
import { closeWorkerResources, openWorkerResources } from '../worker';
import type { ScenarioWorld } from './world';

setDefaultTimeout(config().stepTimeoutMs);

// With several workers, scenarios tagged @serial never run at the same time as one another.
setParallelCanAssign(parallelCanAssignHelpers.atMostOnePicklePerTag(['@serial']));

BeforeAll(async function () {
  await openWorkerResources();
});

Before({ name: 'Start the scenario' }, async function (this: ScenarioWorld, { pickle, gherkinDocument }) {
  const resources = await openWorkerResources();
  resources.target.reset();
  this.begin(resources, pickle);
  // Requirement links, epic, story, severity, owner and layer for the Allure result.
  this.attach(
    metadataMessage(scenarioMetadata(pickle, gherkinDocument, resources.catalog)),
    ALLURE_MESSAGE_MEDIA_TYPE,
  );
});

Before({ name: 'Open a browser page', tags: '@ui' }, async function (this: ScenarioWorld) {
  await this.openBrowser();
});

AfterStep(async function (this: ScenarioWorld) {
  // API calls the page made during the step are checked against the contract by now.
  await this.traffic.settle();
  // The operations the step exercised, as Allure labels (Allure takes labels from steps, not After hooks).
  const operations = this.newOperations();
  if (operations.length > 0) {
    this.attach(
      metadataMessage({ labels: operations.map((value) => ({ name: 'operation', value })) }),
      ALLURE_MESSAGE_MEDIA_TYPE,
    );
  }
});

After({ name: 'Close the browser page' }, async function (this: ScenarioWorld, { result }) {
  const session = this.browserSession;
  if (!session) return;
  try {
    const failed = result?.status === Status.FAILED;
    if (failed) {
      this.attach(await session.screenshot(), {
        mediaType: 'image/png',
        fileName: 'Screenshot at failure.png',
      });
    }
    const trace = await session.stopTrace(failed || this.resources.config.trace === 'on');
    if (trace) {
      // Typed passwords and bearer tokens are in a trace: every secret of the scenario is scrubbed.
      this.attach(await scrubZip(trace, (text) => this.redactor.text(text)), {
        mediaType: 'application/zip',
        fileName: 'Playwright trace (npx playwright show-trace).zip',
      });
    }
  } finally {
    await this.closeBrowser();
  }
});

AfterAll(async function () {
  await closeWorkerResources();
});
