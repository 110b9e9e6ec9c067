import fs from 'node:fs';
import Ajv from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { locatePointer } from '../contract/locate';
import { UsageError, displayPath, yamlReason } from '../errors';

/** The rules a policy can switch on, each with its options. */
export interface RuleOptions {
  readonly 'no-failed-scenarios'?: { readonly acceptedIssues?: readonly string[] };
  readonly 'critical-scenarios-pass'?: { readonly tag?: string };
  readonly 'no-undefined-steps'?: Record<string, never>;
  readonly 'no-contract-violations'?: Record<string, never>;
  readonly 'no-undocumented-exchanges'?: Record<string, never>;
  readonly 'contract-coverage'?: { readonly min: number };
  readonly 'requirement-coverage'?: { readonly min: number };
  readonly 'flaky-scenarios'?: { readonly max: number };
  readonly duration?: { readonly maxSeconds: number };
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
              'contract-coverage': {
                type: 'object',
                required: ['min'],
                additionalProperties: false,
                properties: { min: percent },
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
  if (!fs.existsSync(file)) throw new UsageError(`${shown}: gate policy file not found (set GATE_POLICY)`);
  const lineCounter = new LineCounter();
  const document = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter });
  const [yamlError] = document.errors;
  if (yamlError) {
    const position = yamlError.linePos?.[0];
    throw new UsageError(
      `${shown}:${position ? `${position.line}:${position.col}` : '1:1'}: not valid YAML: ${yamlReason(yamlError.message)}`,
    );
  }
  const raw: unknown = document.toJS();
  if (!validate(raw)) {
    const [error] = validate.errors ?? [];
    const pointer = error?.instancePath ?? '';
    const extra =
      error?.params && 'additionalProperty' in error.params
        ? ` "${String(error.params.additionalProperty)}"`
        : '';
    throw new UsageError(
      `${shown}:${locatePointer(file, `#${pointer}`) ?? '1:1'}: ${pointer || '/'} ${error?.message ?? 'is invalid'}${extra}`,
    );
  }
  const policy = raw.policies[name];
  if (!policy) {
    throw new UsageError(`${shown}: no policy "${name}" (policies: ${Object.keys(raw.policies).join(', ')})`);
  }
  return { name, description: policy.description ?? '', rules: policy.rules };
}
