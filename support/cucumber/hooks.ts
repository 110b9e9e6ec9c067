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
import type { Pickle, TestStepResult } from '@cucumber/messages';
import { config } from '../config/config';
import { installRelativeStackTraces } from '../report/local-paths';
import { closeWorkerResources, openWorkerResources, openedWorkerResources } from '../worker';
import type { ScenarioWorld } from './world';

setDefaultTimeout(config().stepTimeoutMs);

// With several workers, scenarios tagged @serial never run at the same time as one another.
setParallelCanAssign(parallelCanAssignHelpers.atMostOnePicklePerTag(['@serial']));

BeforeAll(async function () {
  // From now on failures name files relative to the project: no absolute local path reaches a
  // report. Not earlier: cucumber reads where each step is defined from stack traces as it loads.
  installRelativeStackTraces();
  await openWorkerResources();
});

/*
 * A hook or step with nothing to wait for returns no promise: cucumber runs it at once, where a
 * promise costs it a timer, a race and an exception handler each time (tens of microseconds, on
 * every hook and step of every scenario).
 */

Before({ name: 'Start the scenario' }, function (this: ScenarioWorld, { pickle }) {
  const resources = openedWorkerResources();
  // A deployed service has no state to reset, and one that answered so far is not asked again.
  if (resources && !resources.target.embedded && !resources.watch.suspectsDown) {
    this.begin(resources, pickle);
    return undefined;
  }
  return startScenario(this, pickle);
});

async function startScenario(world: ScenarioWorld, pickle: Pickle): Promise<void> {
  const resources = await openWorkerResources();
  // Once the service has gone, the scenarios after fail at once instead of timing out one by one.
  await resources.watch.check();
  await resources.target.reset();
  world.begin(resources, pickle);
  // Its requirement links, labels and the operations it exercises reach Allure where Allure is
  // written (support/report/allure-scenario-metadata.ts), not through the scenario.
}

AfterStep(function (this: ScenarioWorld) {
  // API calls the page made during the step are checked against the contract by now.
  return this.settleTraffic();
});

// One After hook: every hook is a fixture container in Allure, written for every scenario.
After({ name: 'Finish the scenario' }, function (this: ScenarioWorld, { pickle, result }) {
  const failure = result?.status === Status.FAILED ? result : undefined;
  return failure || this.browserSessions.length > 0 ? finishScenario(this, pickle, failure) : undefined;
});

/** `failure`: the scenario's result when it failed. */
async function finishScenario(
  world: ScenarioWorld,
  pickle: Pickle,
  failure: TestStepResult | undefined,
): Promise<void> {
  const failed = failure !== undefined;
  // A failure because the service was gone makes the next scenarios check before they start.
  if (failure?.message) (await openWorkerResources()).watch.noteFailure(failure.message, pickle.name);
  const sessions = world.browserSessions;
  if (sessions.length === 0) return;
  try {
    for (const { actor, session } of sessions) {
      // One actor's attachments are named as before; with several, each is named after its actor.
      const whose = sessions.length === 1 ? '' : ` (${actor})`;
      if (failed) {
        world.attach(await session.screenshot(), {
          mediaType: 'image/png',
          fileName: `Screenshot at failure${whose}.png`,
        });
      }
      const trace = await session.stopTrace(failed || world.resources.config.trace === 'on');
      if (trace) {
        // Typed passwords and bearer tokens are in a trace: every secret of the scenario is scrubbed.
        const { scrubZip } = await import('../report/scrub-zip');
        world.attach(await scrubZip(trace, (text) => world.redactor.text(text)), {
          mediaType: 'application/zip',
          fileName: `Playwright trace${whose} (npx playwright show-trace).zip`,
        });
      }
    }
  } finally {
    await world.closeBrowser();
  }
}

AfterAll(async function () {
  await closeWorkerResources();
  // A parallel worker's secrets have all reached the coordinator's report scanner before it exits.
  const { closeCoordinatorChannel } = await import('../report/secret-channel');
  await closeCoordinatorChannel();
});
