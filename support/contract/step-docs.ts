import { MARKER_USAGES } from './markers';
import { CONTRACT_STEPS } from './step-wording';

/** How one generic step is used: an example as a feature writes it, and whether it compares. */
export interface StepDoc {
  /** What the step does, in a sentence. */
  readonly summary: string;
  /** The step as a feature writes it, tables and doc strings included. */
  readonly example: string;
  /** True for the steps whose values may be markers (`#string`, `#> 0`, …). */
  readonly takesMarkers: boolean;
}

/**
 * The documentation of the generic contract steps, keyed by their wording in `CONTRACT_STEPS`:
 * the step vocabulary page shows it beside each step, and a test keeps the two in step.
 */
export const STEP_DOCS: Readonly<Record<keyof typeof CONTRACT_STEPS, StepDoc>> = {
  header: {
    summary: 'Sends a request header with the next call.',
    example: 'Given the request header "Accept-Language" is "zh-TW"',
    takesMarkers: false,
  },
  parameters: {
    summary:
      'Parameters of the next call, placed and serialized by the contract (style, explode); several rows for one name, or a JSON array or object as the value, give an array or object. With or without the | name | value | heading.',
    example: 'Given the request parameters:\n  | petId | 1   |\n  | tags  | dog |\n  | tags  | cat |',
    takesMarkers: false,
  },
  body: {
    summary: 'A JSON request body for the next call.',
    example: 'Given the request body:\n  """\n  {"name": "Rex", "tags": ["dog"]}\n  """',
    takesMarkers: false,
  },
  bodyAs: {
    summary:
      "A request body sent as it is written, with that media type (one the operation declares): text, raw bytes (application/octet-stream), or XML checked as the object it encodes (the schema's xml names, attributes and wrapped arrays).",
    example: 'Given the request body as "application/xml":\n  """\n  <pet><name>Rex</name></pet>\n  """',
    takesMarkers: false,
  },
  form: {
    summary:
      'A form body: application/x-www-form-urlencoded, or multipart/form-data when the operation declares only that or a value is @file:<path> (read relative to the feature file). The preflight checks each field name against the form the operation declares.',
    example: 'Given the request form:\n  | name  | Rex                 |\n  | photo | @file:files/rex.png |',
    takesMarkers: false,
  },
  call: {
    summary:
      'Calls an operation by its operationId with what was prepared; every exchange is checked against the contract.',
    example: 'When I call "findPetsByTags"',
    takesMarkers: false,
  },
  callOn: {
    summary: 'Calls an operation of one named service, when several services share an operationId.',
    example: 'When I call "getHealth" on "billing"',
    takesMarkers: false,
  },
  authorized: {
    summary:
      'Gives a credential for a security scheme of the contract: an API key in its header, query or cookie; http bearer; http basic from user:password. {{env.NAME}} reads the environment and keeps the value out of every report.',
    example: 'Given I am authorized by "api_key" with "{{env.PETSTORE_API_KEY}}"',
    takesMarkers: false,
  },
  status: {
    summary: 'The status of the last response.',
    example: 'Then the response status is 201',
    takesMarkers: false,
  },
  bodyAt: {
    summary: 'The value at a path of the last response body ($ is the whole body): JSON, text, or a marker.',
    example: 'Then the response body at "$[0].name" is "#string"',
    takesMarkers: true,
  },
  bodyMatches: {
    summary: 'Several paths of the last response body at once, each a value or a marker.',
    example:
      'Then the response body matches:\n  | path      | value     |\n  | status    | available |\n  | $.id      | #integer  |\n  | photoUrls | #[1]      |',
    takesMarkers: true,
  },
  bodyContains: {
    summary:
      'The last response body contains the JSON written: object keys as a subset, array items in any order, markers inside strings.',
    example: 'Then the response body contains:\n  """\n  {"tags": [{"name": "dog", "id": "#> 0"}]}\n  """',
    takesMarkers: true,
  },
  everyItem: {
    summary: 'Each item of the array at a path matches every row.',
    example:
      'Then every item at "$" matches:\n  | path     | value     |\n  | status   | available |\n  | shipDate | #date-time |',
    takesMarkers: true,
  },
  responseHeader: {
    summary:
      'A header of the last response (name in any case), as text or a marker (#notpresent when absent).',
    example: 'Then the response header "Location" is "#regex /v2/pet/[0-9]+"',
    takesMarkers: true,
  },
  remember: {
    summary: 'Remembers a value of the last response body as {{name}} for later steps.',
    example: 'When I remember the response body at "accessToken" as "token"',
    takesMarkers: false,
  },
  rememberHeader: {
    summary: 'Remembers a header of the last response as {{name}} for later steps.',
    example: 'When I remember the response header "Location" as "pet"',
    takesMarkers: false,
  },
};

/** What a `#` value can say, for the docs: each marker as written. */
export const MARKER_DOCS: readonly string[] = MARKER_USAGES;

/** The documentation of the generic step with this wording, if it is one. */
export function stepDocOf(pattern: string): StepDoc | undefined {
  const key = (Object.keys(CONTRACT_STEPS) as (keyof typeof CONTRACT_STEPS)[]).find(
    (name) => CONTRACT_STEPS[name] === pattern,
  );
  return key && STEP_DOCS[key];
}
