/**
 * The generic steps' wording: the step definitions are registered with these, the preflight
 * recognises the steps whose input it checks by them, and the docs key their examples on them.
 */
export const CONTRACT_STEPS = {
  header: 'the request header {string} is {string}',
  parameters: 'the request parameters:',
  body: 'the request body:',
  bodyAs: 'the request body as {string}:',
  form: 'the request form:',
  call: 'I call {string}',
  callOn: 'I call {string} on {string}',
  authorized: 'I am authorized by {string} with {string}',
  status: 'the response status is {int}',
  bodyAt: 'the response body at {string} is {string}',
  bodyMatches: 'the response body matches:',
  bodyContains: 'the response body contains:',
  everyItem: 'every item at {string} matches:',
  responseHeader: 'the response header {string} is {string}',
  remember: 'I remember the response body at {string} as {string}',
  rememberHeader: 'I remember the response header {string} as {string}',
} as const;
