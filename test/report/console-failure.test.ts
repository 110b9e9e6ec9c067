import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as messages from '@cucumber/messages';
import { formatError } from '@cucumber/cucumber/lib/runtime/format_error';
import { expectEqual, expectTrue } from '../../support/expect';
import { EnvironmentError, ScenarioDefect, UsageError } from '../../support/errors';
import { ServiceUnreachableError } from '../../support/http/client';
import { ContractViolationError } from '../../support/http/traffic';
import { CATEGORIES } from '../../support/report/allure-metadata';
import { ServiceStillDownError } from '../../support/service-watch';
import { consoleAttempt, failureText, failureTitle, isOwnFrame } from '../../support/report/console-failure';

type StepResult = Pick<messages.TestStepResult, 'message' | 'exception'>;

/** What cucumber records of an error a step failed with (step_runner → formatError). */
function recorded(run: () => void): StepResult {
  try {
    run();
  } catch (error) {
    return formatError(error as Error, true);
  }
  throw new Error('expected the check to fail');
}

/** The frames cucumber records after a project's step (messages.ndjson of a real run). */
const CUCUMBER_FRAMES = [
  '    at ScenarioWorld.<anonymous> (./support/cucumber/redact-steps.ts:21:25)',
  '    at ScenarioWorld.arity1 (./node_modules/util-arity/arity.js:22:24)',
  '    at Object.run (./node_modules/@cucumber/cucumber/src/user_code_runner.ts:37:21)',
  '    at ./node_modules/@cucumber/cucumber/src/runtime/step_runner.ts:59:24',
  '    at AsyncLocalStorage.run (node:async_hooks:346:14)',
  '    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at async TestCaseRunner.runStep (./node_modules/@cucumber/cucumber/src/runtime/test_case_runner.ts:377:20)',
];

describe('a failure on the console', () => {
  it('is one line when the service does not answer: no stack', () => {
    const headline =
      'service unreachable at http://127.0.0.1:9: ECONNREFUSED during lookUpNumber (GET /numbers/{number})';
    const stackTrace = [
      `ServiceUnreachable: ${headline}`,
      '    at HttpClient.unreachable (./support/http/client.ts:147:14)',
      '    at HttpClient.send (./support/http/client.ts:100:18)',
      '    at async ScenarioWorld.<anonymous> (./steps/api/lookup.steps.ts:35:3)',
      ...CUCUMBER_FRAMES,
    ].join('\n');
    const result = {
      message: stackTrace,
      exception: { type: 'ServiceUnreachableError', message: headline, stackTrace },
    };
    assert.equal(failureText(result), headline);

    // The scenarios after it fail fast, each in one line too.
    const fast =
      'service unreachable: scenario not run: the service does not answer: getHealth (GET http://127.0.0.1:9/api/v1/health) failed: ECONNREFUSED';
    const watch = [
      `Error: ${fast}`,
      '    at ServiceWatch.check (./support/service-watch.ts:31:11)',
      ...CUCUMBER_FRAMES,
    ];
    assert.equal(
      failureText({
        message: watch.join('\n'),
        exception: { type: 'Error', message: fast, stackTrace: watch.join('\n') },
      }),
      fast,
    );
  });

  it('of a check on two values: the headline and the frames of the project, no diff', () => {
    const result = recorded(() => expectEqual('spam level of +886912345678', 'suspicious', 'spam'));
    const lines = failureText(result).split('\n');
    assert.equal(lines[0], 'spam level of +886912345678: expected "spam", actual "suspicious"');
    assert.ok(lines.length >= 2, lines.join('\n'));
    for (const frame of lines.slice(1)) {
      assert.match(frame, /^ {4}at .*test\/report\/console-failure\.test\.ts:\d+:\d+\)?$/);
    }
    // The message stream keeps everything: every frame (node's own here), and still no diff.
    assert.match(result.exception?.stackTrace ?? '', /node:internal/);
    assert.doesNotMatch(result.message ?? '', /[+-] (expected|actual)/);
  });

  it('of a check on structured values: one diff, one convention, once', () => {
    const result = recorded(() =>
      expectEqual(
        'report categories',
        [{ category: 'scam', reports: 2 }],
        [{ category: 'scam', reports: 3 }],
      ),
    );
    const text = failureText(result);
    assert.match(
      text,
      /^report categories: expected \[\{"category":"scam","reports":3\}\], actual \[.*\]\n- expected \+ actual\n/,
    );
    assert.match(text, /\n-\s+"reports": 3\n\+\s+"reports": 2\n/);
    assert.equal(text.match(/expected/g)?.length, 2, text); // the headline and the legend
    assert.doesNotMatch(text, /\+ expected - actual|\+ actual - expected/);
  });

  it('of a failed condition: no `-false +true` diff', () => {
    const text = failureText(recorded(() => expectTrue('the number is blocked', false, 'status 404')));
    assert.equal(text.split('\n')[0], 'the number is blocked: status 404');
    assert.doesNotMatch(text, /true|false/);
  });

  it('of any node:assert check: one diff (node’s), not a second one from cucumber', () => {
    const result = recorded(() => assert.deepEqual({ level: 'suspicious' }, { level: 'spam' }));
    const text = failureText(result);
    assert.equal(text.match(/\+ actual - expected/g)?.length, 1, text);
    assert.doesNotMatch(text, /\+ expected - actual/);
    assert.match(result.message ?? '', /\+ expected - actual/); // what cucumber added, in the stream only
  });

  it('names the type only where it says something', () => {
    const typeError = {
      type: 'TypeError',
      message: "Cannot read properties of undefined (reading 'x')",
      stackTrace: '',
    };
    assert.equal(
      failureText({ exception: typeError }),
      "TypeError: Cannot read properties of undefined (reading 'x')",
    );
    assert.equal(
      failureText({ exception: { type: 'Error', message: 'plain', stackTrace: 'Error: plain' } }),
      'plain',
    );
  });

  it('keeps frames of the project only', () => {
    assert.equal(isOwnFrame('    at ScenarioWorld.apply (./steps/api/lookup.steps.ts:55:14)'), true);
    assert.equal(isOwnFrame('    at HttpClient.send (/home/ci/project/support/http/client.ts:100:18)'), true);
    for (const frame of CUCUMBER_FRAMES) assert.equal(isOwnFrame(frame), false, frame);
    // The wrapper every step runs in, and the command that runs them (an async stack reaches it).
    assert.equal(
      isOwnFrame('    at async ScenarioWorld.<anonymous> (./support/cucumber/redact-steps.ts:21:14)'),
      false,
    );
    assert.equal(isOwnFrame('    at async runScenarios (./support/cli/spec.ts:182:25)'), false);
    assert.equal(isOwnFrame('    at new AssertionError (node:internal/assert/assertion_error:454:5)'), false);
    assert.equal(isOwnFrame('    at Array.forEach (<anonymous>)'), false);
  });
});

describe('a failure in Allure', () => {
  it('is titled by its first line; the whole text is the trace, after its kind', () => {
    const result = recorded(() => expectEqual('spam level of +886912345678', 'suspicious', 'spam'));
    assert.equal(
      failureTitle(result.exception, result.message),
      'spam level of +886912345678: expected "spam", actual "suspicious"',
    );

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Reporter = require('../../support/report/titled-allure-reporter.cjs') as {
      prototype: { exceptionToError(message?: string, exception?: messages.Exception): unknown };
    };
    const error = Reporter.prototype.exceptionToError.call({}, result.message, result.exception) as Record<
      string,
      string
    >;
    assert.equal(error.message, 'spam level of +886912345678: expected "spam", actual "suspicious"');
    // The trace: the failure's kind and its error's class, then the whole text.
    assert.equal(error.stack, `[product-defect] BusinessRuleFailure\n${result.message}`);
    assert.equal(error.name, 'AssertionError');
    assert.equal(Reporter.prototype.exceptionToError.call({}, undefined, undefined), undefined);
  });

  it('falls in its category by the class of its error, whatever its wording', () => {
    // What Allure does with categories.json: the first category whose trace pattern matches.
    const category = (error: Error): string | undefined => {
      const result = formatError(error, true);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Reporter = require('../../support/report/titled-allure-reporter.cjs') as {
        prototype: { exceptionToError(message?: string, exception?: messages.Exception): { stack: string } };
      };
      const { stack } = Reporter.prototype.exceptionToError.call({}, result.message, result.exception);
      return CATEGORIES.find((c) => new RegExp(`^${c.traceRegex.replace('(?s)', '')}$`, 's').test(stack))
        ?.name;
    };
    const thrown = (run: () => void): Error => {
      try {
        run();
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected it to throw');
    };
    for (const wording of ['spam level of +886…', 'the caller is shown as']) {
      assert.equal(
        category(thrown(() => expectEqual(wording, 'suspicious', 'spam'))),
        'Product defects',
        wording,
      );
    }
    const violation = (message: string): Error =>
      Object.assign(Object.create(ContractViolationError.prototype) as Error, { message, stack: message });
    assert.equal(category(violation('Contract violation in lookUpNumber → 200')), 'Contract violations');
    assert.equal(
      category(violation('lookUpNumber answered what its contract forbids')),
      'Contract violations',
    );
    assert.equal(category(new ServiceUnreachableError('the service is gone')), 'Environment problems');
    assert.equal(category(new ServiceStillDownError('still down')), 'Environment problems');
    assert.equal(category(new EnvironmentError('no browser at all')), 'Environment problems');
    assert.equal(category(new ScenarioDefect('the number was never noted')), 'Test defects');
    assert.equal(category(new UsageError('a bad table')), 'Test defects');
    assert.equal(category(new TypeError('x is not a function')), 'Test defects');
    // An error of another library, with no class of its own: by its wording.
    assert.equal(category(new Error('expect(locator).toHaveText(expected) failed')), 'Product defects');
    assert.equal(category(new Error('something else')), undefined);
  });

  it('reads as before the classes: the headline and the name go by the class they extend', () => {
    const result = recorded(() => expectEqual('spam level', 'suspicious', 'spam'));
    assert.equal(result.exception?.type, 'BusinessRuleFailure');
    assert.equal(
      failureTitle(result.exception, result.message),
      'spam level: expected "spam", actual "suspicious"',
    );
    assert.match(result.message ?? '', /^AssertionError \[ERR_ASSERTION\]: spam level/);
    const defect = recorded(() => {
      throw new ScenarioDefect('Nothing was remembered as "x"');
    });
    assert.equal(failureTitle(defect.exception, defect.message), 'Nothing was remembered as "x"');
    const browser = recorded(() => {
      throw new EnvironmentError('cannot launch chromium');
    });
    assert.equal(failureTitle(browser.exception, browser.message), 'UsageError: cannot launch chromium');
  });
});

describe('the steps of a failed scenario on the console', () => {
  it('list no attachment but the text a step wrote', () => {
    const attachment = (mediaType: string, fileName?: string): messages.Attachment =>
      ({
        mediaType,
        body: '{}',
        contentEncoding: 'IDENTITY',
        ...(fileName ? { fileName } : {}),
      }) as messages.Attachment;
    const attempt = consoleAttempt({
      stepResults: {},
      stepAttachments: {
        given: [
          attachment('application/json', 'HTTP registerUser → 201.json'),
          attachment('application/vnd.allure.message+json'),
        ],
        then: [
          attachment('text/plain', 'Protected operations called'),
          attachment('image/png', 'screenshot.png'),
        ],
      },
    });
    assert.deepEqual(attempt.stepAttachments.given, []);
    assert.deepEqual(
      attempt.stepAttachments.then?.map((a) => a.mediaType),
      ['text/plain'],
    );
  });

  it('show the failed step as the console reads it, the others as they are', () => {
    const failed = recorded(() => expectEqual('level', 'suspicious', 'spam'));
    const attempt = consoleAttempt({
      stepResults: {
        passed: { status: 'PASSED', duration: { seconds: 0, nanos: 0 } } as messages.TestStepResult,
        failed: {
          ...failed,
          status: 'FAILED',
          duration: { seconds: 0, nanos: 0 },
        } as messages.TestStepResult,
      },
      stepAttachments: {},
    });
    assert.equal(attempt.stepResults.failed?.message, failureText(failed));
    assert.equal(attempt.stepResults.failed?.exception, failed.exception); // the stream's, untouched
    assert.equal(attempt.stepResults.passed?.message, undefined);
  });
});
