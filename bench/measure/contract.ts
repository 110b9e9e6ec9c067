import type { Plan } from '../plan';
import { compareRow, us, type Row } from '../report/rows';
import type { ContractFigures } from './contract-child';
import { expectExit, runNode, tsNode } from './run-process';

/**
 * 6. Contract validation: the harness's ContractInspector timed per response, in a process of its
 * own, against the round trip of the exchange it checks; and the schema compilations after warm-up.
 * 7. Redaction, on the same exchanges: at most 5 % of a round trip, so at most 5 % of an API
 * scenario's time (which is more than its round trips).
 */
export async function benchContract(plan: Plan): Promise<Row[]> {
  const run = expectExit(
    await runNode(tsNode('bench/measure/contract-child.ts', String(plan.contractRounds))),
    'the contract validation benchmark',
  );
  const figures = JSON.parse(run.output.trim().split('\n').pop() ?? '') as ContractFigures;
  const sample = `${figures.inspections} checks of ${figures.responses} responses`;
  return [
    compareRow({
      id: 'contract-p50',
      metric: `6. Contract check per response, p50 (${sample}) vs its HTTP round trip`,
      harness: figures.p50Us,
      baseline: figures.roundTripP50Us,
      format: us,
    }),
    compareRow({
      id: 'contract-p95',
      metric: '6. Contract check per response, p95, vs its HTTP round trip',
      harness: figures.p95Us,
      baseline: figures.roundTripP95Us,
      format: us,
    }),
    {
      id: 'contract-compilations',
      metric: `6. Schema compilations after warm-up (warm-up: ${figures.compilationsInWarmUp})`,
      harness: String(figures.compilationsAfterWarmUp),
      baseline: '—',
      ratio: '—',
      goal: '= 0',
      met: figures.compilationsAfterWarmUp === 0 ? 'yes' : 'no',
    },
    compareRow({
      id: 'redaction-p50',
      metric:
        '7. Redaction per exchange (its secrets learned, its record redacted), p50, vs its HTTP round trip',
      harness: figures.redactionP50Us,
      baseline: figures.roundTripP50Us,
      format: us,
      goal: { atMost: 0.05 },
    }),
  ];
}
