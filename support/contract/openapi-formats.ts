import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';

const anyNumber = { type: 'number' as const, validate: () => true };

/**
 * The formats a contract's schemas are checked with: ajv-formats' full set, with OpenAPI's own
 * (`int32`, `byte`, …) as OpenAPI defines them. The compiled validators kept on disk call the
 * functions here by name (`require(<this file>).OPENAPI_FORMATS`); Ajv writes a pattern into the
 * code itself. Every format's text is part of a kept validator's key (schemas.ts), so a change here
 * compiles them anew.
 */
export const OPENAPI_FORMATS: Readonly<Record<string, Format>> = {
  ...fullFormats,
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
  float: anyNumber,
  double: anyNumber,
  byte: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
  binary: true,
  password: true,
};
