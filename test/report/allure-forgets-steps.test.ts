import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TestResult } from 'allure-js-commons';
import type * as Reporter from 'allure-js-commons/dist/types/sdk/reporter/index';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ReporterRuntime } = require('allure-js-commons/sdk/reporter') as typeof Reporter;
type ReporterRuntime = Reporter.ReporterRuntime;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { forgetWrittenSteps } = require('../../support/report/titled-allure-reporter.cjs') as {
  readonly forgetWrittenSteps: (runtime: ReporterRuntime) => void;
};

/** What allure-js-commons keeps of steps (its own fields, plain properties at run time). */
interface Kept {
  readonly state: { getStepResult(uuid: string): unknown };
  readonly stepStack: {
    readonly rootsByStep: Map<string, string>;
    readonly stepsByRoot: Map<string, string[]>;
  };
}

/** One scenario through the runtime: a hook with a step in it (a runtime step), a test with a step. */
function oneScenario(runtime: ReporterRuntime): { steps: string[]; written: TestResult[] } {
  const written: TestResult[] = [];
  const ignore = (): void => undefined;
  runtime.writer = {
    writeResult: (result: TestResult) => written.push(result),
    writeGroup: ignore,
    writeAttachment: ignore,
    writeAttachmentFromPath: ignore,
    writeEnvironmentInfo: ignore,
    writeCategoriesDefinitions: ignore,
    writeGlobals: ignore,
  };
  const scope = runtime.startScope();
  const hook = runtime.startFixture(scope, 'before', { name: 'Start the scenario' })!;
  const hookStep = runtime.startStep(hook, undefined, { name: 'in the hook' })!;
  runtime.stopStep(hookStep);
  runtime.stopFixture(hook);
  const test = runtime.startTest({ name: 'a caller looks up a number' }, [scope]);
  const step = runtime.startStep(test, undefined, { name: 'When a caller looks up the number' })!;
  runtime.stopStep(step);
  runtime.stopTest(test);
  runtime.writeTest(test);
  runtime.writeScope(scope);
  return { steps: [hookStep, step], written };
}

describe('Allure on the reporting thread forgets the steps it wrote', () => {
  it('keeps no step, nor which test or hook it belonged to, once its test and hooks are written', () => {
    const runtime = new ReporterRuntime({ writer: {} as never });
    forgetWrittenSteps(runtime);
    const { steps, written } = oneScenario(runtime);
    const kept = runtime as unknown as Kept;
    for (const step of steps) assert.equal(kept.state.getStepResult(step), undefined);
    assert.equal(kept.stepStack.rootsByStep.size, 0);
    assert.equal(kept.stepStack.stepsByRoot.size, 0);
    // What was written keeps its step.
    assert.deepEqual(
      written.map((result) => result.steps.map((step) => step.name)),
      [['When a caller looks up the number']],
    );
  });

  it('is needed: allure-js-commons alone keeps them all for the run', () => {
    const runtime = new ReporterRuntime({ writer: {} as never });
    const { steps } = oneScenario(runtime);
    const kept = runtime as unknown as Kept;
    assert.ok(steps.every((step) => kept.state.getStepResult(step) !== undefined));
    assert.equal(kept.stepStack.rootsByStep.size, 2);
  });
});
