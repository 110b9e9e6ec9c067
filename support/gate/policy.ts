import fs from 'node:fs';
import type * as Yaml from 'yaml';
import { ownSchemaValidator } from '../config/own-schema';
import { readValidatedYaml } from '../config/yaml-file';
import { UsageError, displayPath } from '../errors';
import { rulesSchema, type RuleOptions } from './rule-table';

export interface Policy {
  readonly name: string;
  readonly description: string;
  readonly rules: RuleOptions;
}

/** The gate file's schema; each rule's options are the rule's own (see rule-table.ts). */
export const POLICY_SCHEMA = {
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
          rules: rulesSchema(),
        },
      },
    },
  },
} as const;

const validate = ownSchemaValidator<{
  policies: Record<string, { description?: string; rules: RuleOptions }>;
}>(POLICY_SCHEMA, { allErrors: false, validateSchema: false });

/** The names of the policies in the gate file (none when it cannot be read). */
export function policyNames(file: string): string[] {
  try {
    return Object.keys(readValidatedYaml(file, validate, 'no gate policy file').data.policies);
  } catch {
    // A file the schema refuses still names its policies; loadPolicy says what is wrong with it.
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { parseDocument } = require('yaml') as typeof Yaml;
      const raw = parseDocument(fs.readFileSync(file, 'utf8')).toJS() as {
        policies?: Record<string, unknown>;
      } | null;
      return Object.keys(raw?.policies ?? {});
    } catch {
      return [];
    }
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
