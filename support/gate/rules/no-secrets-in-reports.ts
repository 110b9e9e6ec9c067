import { NO_OPTIONS, defineRule } from '../rule';

/**
 * No secret of the run, nor a credential of a known shape, in any file of the reports folder. The
 * scan is run-gate's (it reads files); the rule judges what it found.
 */
export const noSecretsInReports = defineRule(NO_OPTIONS, {
  explain: () => 'No secret of the run, nor a credential of a known shape, in any report file',
  judge(_options, { secretHits }) {
    const hits = secretHits ?? [];
    return {
      threshold: '0 secrets',
      actual: `${hits.length} found`,
      passed: hits.length === 0,
      details: hits.map((hit) => `${hit.file}: ${hit.kind}`),
    };
  },
});
