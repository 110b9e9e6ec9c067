import { operationLabel } from '../../services/operation-label';
import { scenarioKey } from '../../gherkin/corpus';
import { atMost, NO_OPTIONS, defineRule } from '../rule';

/** No exchange of a selected scenario breaks its service's OpenAPI contract. */
export const noContractViolations = defineRule(NO_OPTIONS, {
  explain: () => 'No exchange breaks the OpenAPI contract',
  judge(_options, { selected, several }) {
    const violating = selected.flatMap((scenario) =>
      scenario.exchanges
        .filter((exchange) => exchange.violations.length > 0)
        .map((exchange) => ({ scenario, exchange })),
    );
    return atMost(
      violating.length,
      0,
      violating.map(
        ({ scenario, exchange }) =>
          `${scenarioKey(scenario)} ${exchange.operationId ? operationLabel(exchange.operationId, exchange.service, several) : `${exchange.method} ${exchange.path}`} → ${exchange.status}: ${exchange.violations[0] ?? ''}`,
      ),
    );
  },
});
