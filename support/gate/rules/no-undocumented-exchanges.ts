import { atMost, NO_OPTIONS, defineRule } from '../rule';

/** No exchange the contract does not document (a path, method or status it lacks). */
export const noUndocumentedExchanges = defineRule(NO_OPTIONS, {
  explain: () => 'No exchange the contract does not document',
  judge: (_options, { coverage }) =>
    atMost(
      coverage.totals.undocumented,
      0,
      coverage.undocumented.map((item) => `${item.method} ${item.path} → ${item.status}: ${item.reason}`),
    ),
});
