/**
 * The values of @cucumber/messages that the reporting thread (results/on-reporting-thread.ts) needs — two
 * enums and a time conversion — without loading the package, whose message classes bring
 * class-transformer and reflect-metadata (about 40 modules, 18 ms of every thread's start). The
 * enums are checked against the package's own types: a release that changes them fails to compile.
 */
import path from 'node:path';
import type {
  AttachmentContentEncoding as PackageAttachmentContentEncoding,
  TestStepResultStatus as PackageTestStepResultStatus,
  TimeConversion as PackageTimeConversion,
} from '@cucumber/messages';

type SameValues<Enum extends Record<string, string>> = { readonly [Name in keyof Enum]: `${Enum[Name]}` };

export const TestStepResultStatus = {
  UNKNOWN: 'UNKNOWN',
  PASSED: 'PASSED',
  SKIPPED: 'SKIPPED',
  PENDING: 'PENDING',
  UNDEFINED: 'UNDEFINED',
  AMBIGUOUS: 'AMBIGUOUS',
  FAILED: 'FAILED',
} satisfies SameValues<typeof PackageTestStepResultStatus> as unknown as typeof PackageTestStepResultStatus;

export const AttachmentContentEncoding = {
  IDENTITY: 'IDENTITY',
  BASE64: 'BASE64',
} satisfies SameValues<
  typeof PackageAttachmentContentEncoding
> as unknown as typeof PackageAttachmentContentEncoding;

/** The package's own module, which loads nothing else (the package exports only its index). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const TimeConversion = require(
  path.join(path.dirname(require.resolve('@cucumber/messages')), 'TimeConversion.js'),
) as typeof PackageTimeConversion;
