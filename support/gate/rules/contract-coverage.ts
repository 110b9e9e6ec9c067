import type { ContractCoverage } from '../../results/coverage';
import { atLeast, PERCENT, defineRule, type Judgement, type SchemaType } from '../rule';

/**
 * `min`: the % of operation × status pairs for the project and each service; `services`: another
 * minimum for a named service.
 */
const OPTIONS = {
  type: 'object',
  required: ['min'],
  additionalProperties: false,
  properties: { min: PERCENT, services: { type: 'object', additionalProperties: PERCENT } },
} as const;

type ContractCoverageOptions = SchemaType<typeof OPTIONS>;

type ServiceCoverage = NonNullable<ContractCoverage['services']>[number];

const minimumOf = (options: ContractCoverageOptions, service: ServiceCoverage): number =>
  options.services?.[service.name] ?? options.min;

/** `≥ 90% each`, or `≥ 90% (payments ≥ 80%)` when a service has its own minimum. */
function perServiceThreshold(overall: string, options: ContractCoverageOptions): string {
  const own = Object.entries(options.services ?? {});
  return `${overall}${own.length > 0 ? ` (${own.map(([name, min]) => `${name} ≥ ${min}%`).join(', ')})` : ' each'}`;
}

/** The total judged, then each service against its own minimum. */
function perService(
  overall: Judgement,
  options: ContractCoverageOptions,
  services: readonly ServiceCoverage[],
): Judgement {
  const short = services.filter((service) => service.totals.statusPairsPercent < minimumOf(options, service));
  return {
    threshold: perServiceThreshold(overall.threshold, options),
    actual: `${overall.actual} (${services.map((service) => `${service.name} ${service.totals.statusPairsPercent}%`).join(', ')})`,
    passed: overall.passed && short.length === 0,
    details: [
      ...short.map(
        (service) =>
          `${service.name}: ${service.totals.statusPairsPercent}% of its operation × status pairs (needs ${minimumOf(options, service)}%)`,
      ),
      ...overall.details,
    ],
  };
}

/**
 * The project's operation × status pairs exercised, and with several services each service's on
 * its own: every one must reach its minimum (`services.<name>`, else `min`).
 */
export const contractCoverage = defineRule(OPTIONS, {
  explain: (_options, { several }) =>
    several
      ? 'Operation × status pairs of the contracts exercised, in total and per service'
      : 'Operation × status pairs of the contract exercised',
  judge(options, { coverage, several }) {
    const overall = atLeast(
      coverage.totals.statusPairsPercent,
      options.min,
      coverage.uncoveredStatusPairs.map((pair) => `not covered: ${pair}`),
    );
    return several ? perService(overall, options, coverage.services ?? []) : overall;
  },
});
