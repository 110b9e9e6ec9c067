import type { Capability } from './capabilities';

/**
 * The share of operation × documented status pairs the starter's scenarios cover, in whole percent
 * rounded down, as the coverage report counts them: each documented status code or range is a
 * pair (`default` is not); each scenario covers its operation's lowest 2xx.
 */
export function coveredShare(capabilities: readonly Capability[]): number {
  const plans = capabilities.flatMap((capability) => capability.operations);
  const pairs = plans.reduce(
    (total, plan) => total + Object.keys(plan.operation.responses).filter((key) => key !== 'default').length,
    0,
  );
  const covered = plans.filter((plan) => plan.kind === 'scenario').length;
  return pairs === 0 ? 100 : Math.floor((covered * 100) / pairs);
}

/**
 * `gate.config.yaml`: the harness's policies (release, partial, smoke) and their comments, with the
 * release's contract coverage at what the starter's scenarios reach, so the first run can pass.
 */
export function gateText(contractCoverageMin: number): string {
  return `# The release gate: what a run must show before a release may go out.
# \`npm run gate\` (and the end of \`npm run spec\` and \`npm run merge\`) evaluates one policy on a run's
# reports. Which one, \`npm run spec\` decides by one rule (it prints which and why before the table):
#   1. \`--gate-policy <name>\` if given;
#   2. else a profile named like a policy (\`--profile smoke\` is judged by \`smoke\`);
#   3. else \`partial\` when the run is narrowed by paths, tags, names or a shard;
#   4. else \`release\`: the full, unfiltered suite.
# \`npm run merge\` judges merged shards as the full run (\`release\`); \`npm run gate\` uses \`release\`
# unless \`--policy\` names another. Whatever the policy, the gate fails closed: missing, corrupt or
# incomplete results exit with 2, and every selected scenario must have run.
policies:
  release:
    description: Everything a release needs.
    rules:
      no-failed-scenarios:
        # Failures of scenarios tagged @issue:<id> with one of these ids are known and accepted
        # (one list for every policy).
        acceptedIssues: &accepted-issues []
      critical-scenarios-pass: {}
      no-undefined-steps: {}
      no-contract-violations: {}
      no-undocumented-exchanges: {}
      contract-coverage:
        # What the scenarios npm run init wrote cover: each operation's success status. Raise it as
        # scenarios cover the error responses.
        min: ${contractCoverageMin} # % of operation × documented status pairs
      requirement-coverage:
        min: 100 # % of active requirements proven by passing scenarios
      flaky-scenarios:
        max: 2 # passed only on a retry
      duration:
        maxSeconds: 900

  partial:
    description: >-
      A run narrowed by paths, tags, names or a shard: what it ran must be sound; coverage and the
      @critical set are judged on the full run.
    rules:
      no-failed-scenarios:
        acceptedIssues: *accepted-issues
      no-undefined-steps: {}
      no-contract-violations: {}
      no-undocumented-exchanges: {}
      flaky-scenarios:
        max: 2
      duration:
        maxSeconds: 900

  smoke:
    description: The minutes-long check before anything else; no coverage expected.
    rules:
      no-failed-scenarios:
        acceptedIssues: *accepted-issues
      no-undefined-steps: {}
      no-contract-violations: {}
      no-undocumented-exchanges: {}
      flaky-scenarios:
        max: 2
      duration:
        maxSeconds: 300
`;
}
