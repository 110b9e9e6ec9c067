import fs from 'node:fs';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import { readValidatedYaml } from '../config/yaml-file';
import { UsageError, displayPath } from '../errors';
import type { BreakingChangeOptions } from '../impact/gate-rule';

/** The rules a policy can switch on, each with its options. */
export interface RuleOptions {
  readonly 'no-failed-scenarios'?: { readonly acceptedIssues?: readonly string[] };
  readonly 'critical-scenarios-pass'?: { readonly tag?: string };
  readonly 'no-undefined-steps'?: Record<string, never>;
  readonly 'no-contract-violations'?: Record<string, never>;
  readonly 'no-undocumented-exchanges'?: Record<string, never>;
  /** No secret of the run, nor a credential of a known shape, in any file of the reports folder. */
  readonly 'no-secrets-in-reports'?: Record<string, never>;
  /** `min` for the project and each service; `services` sets another minimum for a named service. */
  readonly 'contract-coverage'?: {
    readonly min: number;
    readonly services?: Readonly<Record<string, number>>;
  };
  readonly 'requirement-coverage'?: { readonly min: number };
  readonly 'flaky-scenarios'?: { readonly max: number };
  readonly duration?: { readonly maxSeconds: number };
  /** A breaking contract change since the base needs a bump of `info.version`'s major. */
  readonly 'no-unversioned-breaking-change'?: BreakingChangeOptions;
}

export type RuleId = keyof RuleOptions;

export interface Policy {
  readonly name: string;
  readonly description: string;
  readonly rules: RuleOptions;
}

const empty = { type: 'object', additionalProperties: false, properties: {} } as const;
const percent = { type: 'number', minimum: 0, maximum: 100 } as const;

const SCHEMA = {
  type: 'object',
  required: ['policies'],
  additionalProperties: false,
  properties: {
    policies: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        required: ['rules'],
        additionalProperties: false,
        properties: {
          description: { type: 'string' },
          rules: {
            type: 'object',
            additionalProperties: false,
            properties: {
              'no-failed-scenarios': {
                type: 'object',
                additionalProperties: false,
                properties: { acceptedIssues: { type: 'array', items: { type: 'string', minLength: 1 } } },
              },
              'critical-scenarios-pass': {
                type: 'object',
                additionalProperties: false,
                properties: { tag: { type: 'string', pattern: '^@' } },
              },
              'no-undefined-steps': empty,
              'no-contract-violations': empty,
              'no-undocumented-exchanges': empty,
              'no-secrets-in-reports': empty,
              'contract-coverage': {
                type: 'object',
                required: ['min'],
                additionalProperties: false,
                properties: { min: percent, services: { type: 'object', additionalProperties: percent } },
              },
              'requirement-coverage': {
                type: 'object',
                required: ['min'],
                additionalProperties: false,
                properties: { min: percent },
              },
              'flaky-scenarios': {
                type: 'object',
                required: ['max'],
                additionalProperties: false,
                properties: { max: { type: 'integer', minimum: 0 } },
              },
              duration: {
                type: 'object',
                required: ['maxSeconds'],
                additionalProperties: false,
                properties: { maxSeconds: { type: 'number', exclusiveMinimum: 0 } },
              },
              'no-unversioned-breaking-change': {
                type: 'object',
                additionalProperties: false,
                properties: {
                  base: { type: 'string', minLength: 1 },
                  whenNoBase: { enum: ['skip', 'fail'] },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: false, validateSchema: false }).compile<{
  policies: Record<string, { description?: string; rules: RuleOptions }>;
}>(SCHEMA);

/** The names of the policies in the gate file (none when it cannot be read). */
export function policyNames(file: string): string[] {
  try {
    const raw = parseDocument(fs.readFileSync(file, 'utf8')).toJS() as {
      policies?: Record<string, unknown>;
    } | null;
    return Object.keys(raw?.policies ?? {});
  } catch {
    return [];
  }
}

/** Reads one policy of the gate file. A malformed file is one line naming the file, line and problem. */
export function loadPolicy(file: string, name: string): Policy {
  const shown = displayPath(file);
  const { data: raw } = readValidatedYaml(file, validate, 'gate policy file not found (set GATE_POLICY)');
  const policy = raw.policies[name];
  if (!policy) {
    throw new UsageError(`${shown}: no policy "${name}" (policies: ${Object.keys(raw.policies).join(', ')})`);
  }
  return { name, description: policy.description ?? '', rules: policy.rules };
}
