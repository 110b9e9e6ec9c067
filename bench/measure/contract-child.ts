/**
 * Run as a child by measure/contract.ts: calls every kind of operation of the embedded service
 * through the harness's HTTP client, keeps the exchanges, then times the harness's ContractInspector
 * on them. Prints one line of JSON (ContractFigures). Argument: the number of rounds of calls.
 */
import { CallerIdApi, read } from '../../support/api/caller-id-api';
import { config } from '../../support/config/config';
import { ContractInspector } from '../../support/contract/inspector';
import { loadContract, type Contract } from '../../support/contract/load';
import { HttpClient } from '../../support/http/client';
import { ReportCategory } from '../../support/generated';
import { NOT_INSPECTED, type HttpExchange } from '../../support/http/exchange';
import { Traffic } from '../../support/http/traffic';
import { exchangeAttachment } from '../../support/report/exchange-attachment';
import { Redactor } from '../../support/report/redact';
import { startSut } from '../../sut';
import { msSince, percentile } from './stats';

export interface ContractFigures {
  readonly responses: number;
  readonly inspections: number;
  readonly p50Us: number;
  readonly p95Us: number;
  /** The same calls' round trips through the harness's client (supertest), p50. */
  readonly roundTripP50Us: number;
  readonly roundTripP95Us: number;
  readonly compilationsInWarmUp: number;
  readonly compilationsAfterWarmUp: number;
  /** Redaction per exchange — learning its secrets, then redacting the record — p50 and p95. */
  readonly redactionP50Us: number;
  readonly redactionP95Us: number;
}

interface Captured {
  readonly exchange: HttpExchange;
  /** The round (one account, its password and token) it was made in: a scenario's worth. */
  readonly round: number;
  readonly password: string;
  /** Sent invalid on purpose: request checks off, as in a @negative scenario. */
  readonly negative: boolean;
}

async function capture(
  contract: Contract,
  apiBaseUrl: URL,
  rounds: number,
): Promise<{ captured: Captured[]; roundTrips: number[] }> {
  const captured: Captured[] = [];
  const roundTrips: number[] = [];
  // No inspector while calling: the exchanges are inspected, timed, afterwards.
  const traffic = new Traffic(undefined, [], { negative: false });
  const api = new CallerIdApi(new HttpClient(apiBaseUrl, traffic, config().httpTimeoutMs), contract);
  let round = 0;
  let password = '';
  const timed = async <T>(call: () => Promise<T>, negative = false): Promise<T> => {
    const started = process.hrtime.bigint();
    const result = await call();
    roundTrips.push(msSince(started) * 1000);
    const made = traffic.records.slice(captured.length);
    captured.push(...made.map(({ exchange }) => ({ exchange, negative, round, password })));
    return result;
  };
  for (round = 0; round < rounds; round += 1) {
    const username = `bench-${process.pid}-${round}`;
    password = `pw-bench-${round}-secret`;
    const number = `+88691${String(1_000_000 + round).slice(-7)}`;
    await timed(() => api.health());
    await timed(() => api.registerUser({ username, password, displayName: 'Bench' }));
    const token = read.token(await timed(() => api.issueToken({ username, password }))).accessToken;
    const as = { token };
    await timed(() => api.lookUp('+886227208889'));
    await timed(() => api.lookUp(number));
    await timed(() => api.lookUp('call-me-maybe'), true);
    const report = read.report(
      await timed(() => api.report(as, username, { number, category: ReportCategory.Scam })),
    );
    await timed(() => api.listReports(number));
    await timed(() => api.block(as, username, { number }));
    await timed(() => api.listBlocked(as, username));
    await timed(() => api.listBlocked({}, username));
    await timed(() => api.unblock(as, username, number));
    await timed(() => api.withdrawReport(as, username, report.reportId));
  }
  return { captured, roundTrips };
}

async function main(rounds: number): Promise<ContractFigures> {
  const contract = await loadContract(config().services[0]!.contractFile);
  const sut = await startSut({ port: 0 });
  try {
    const apiBaseUrl = new URL(sut.origin + contract.basePath);
    const { captured, roundTrips } = await capture(contract, apiBaseUrl, rounds);
    const inspector = new ContractInspector(contract, apiBaseUrl.pathname.replace(/\/$/, ''));
    const inspect = ({ exchange, negative }: Captured): number => {
      const started = process.hrtime.bigint();
      const assessment = inspector.inspect(exchange, { negative });
      const elapsed = msSince(started) * 1000;
      if (assessment.violations.length > 0) {
        throw new Error(
          `${exchange.request.method} ${exchange.request.url}: ${assessment.violations.join('; ')}`,
        );
      }
      return elapsed;
    };
    // Warm-up: the first round meets every operation and response once (and compiles their schemas).
    const perRound = captured.length / rounds;
    captured.slice(0, perRound).forEach(inspect);
    const compilationsInWarmUp = inspector.validators.compilations;
    // Then every exchange of every round, several times over.
    const timings: number[] = [];
    for (let pass = 0; pass < 10; pass += 1) for (const item of captured) timings.push(inspect(item));
    const redaction = timeRedaction(captured);
    return {
      ...redaction,
      responses: captured.length,
      inspections: timings.length,
      p50Us: percentile(timings, 50),
      p95Us: percentile(timings, 95),
      roundTripP50Us: percentile(roundTrips.slice(perRound), 50),
      roundTripP95Us: percentile(roundTrips.slice(perRound), 95),
      compilationsInWarmUp,
      compilationsAfterWarmUp: inspector.validators.compilations - compilationsInWarmUp,
    };
  } finally {
    await sut.close();
  }
}

/**
 * What redaction costs per exchange, as a scenario pays it: a redactor of its own per round (the
 * round's password given as a secret, as `{{$password}}` is), learning each exchange's secrets
 * (the token issued) and writing the redacted text of the record that is attached. Several passes
 * over every round.
 */
function timeRedaction(captured: readonly Captured[]): { redactionP50Us: number; redactionP95Us: number } {
  const timings: number[] = [];
  for (let pass = 0; pass < 10; pass += 1) {
    let redactor: Redactor | undefined;
    let round = -1;
    for (const item of captured) {
      if (item.round !== round) {
        round = item.round;
        redactor = new Redactor(config().redact);
        redactor.addSecret(item.password);
      }
      const record = { exchange: item.exchange, assessment: NOT_INSPECTED };
      const started = process.hrtime.bigint();
      redactor!.learnFrom(record);
      redactor!.recordText(record, exchangeAttachment);
      timings.push(msSince(started) * 1000);
    }
  }
  return { redactionP50Us: percentile(timings, 50), redactionP95Us: percentile(timings, 95) };
}

if (require.main === module) {
  main(Number(process.argv[2] ?? 20)).then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
