/**
 * `npm run mock [-- <service>…] [--port <n>] [--dynamic] [--verbose]` — serves each named service
 * of the project (every one by default) from its contract with Stoplight Prism, on this machine
 * only (127.0.0.1), so the features can run before the API exists. Prints per service where it is
 * served and the command that runs the features against it; runs until Ctrl-C (SIGINT) or SIGTERM.
 * Exit 0 stopped by a signal; 2 bad input (an unknown service, a port in use, a broken contract),
 * a Prism that does not start within 20 s, or one that stops on its own.
 */
import { parseArgs } from 'node:util';
import { config, type ServiceConfig } from '../config/config';
import { loadContract } from '../contract/load';
import { ExitCode, UsageError, oneLine, runCommand } from '../errors';
import { choosePorts, parsePort, portIsFree } from '../mock/ports';
import { PrismServer } from '../mock/prism';
import { specCommand } from '../mock/run-hint';
import { fromHarnessRoot } from '../starter/shell-words';

const START_TIMEOUT_MS = 20_000;

interface MockOptions {
  readonly names: readonly string[];
  readonly port: number | undefined;
  readonly dynamic: boolean;
  readonly verbose: boolean;
}

function options(argv: readonly string[]): MockOptions {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        dynamic: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
    });
    return {
      names: positionals,
      port: parsePort(values.port),
      dynamic: values.dynamic,
      verbose: values.verbose,
    };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${oneLine(error)} (npm run mock [-- <service>…] [--port <n>] [--dynamic] [--verbose])`,
    );
  }
}

function selected(all: readonly ServiceConfig[], names: readonly string[]): ServiceConfig[] {
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const service = all.find((candidate) => candidate.name === name);
    if (!service) {
      throw new UsageError(
        `no service "${name}" in the project; its services: ${all.map((each) => each.name).join(', ')}`,
      );
    }
    return service;
  });
}

/** Stops every server, then settles with the exit code. */
async function stopAll(servers: readonly PrismServer[], code: number): Promise<number> {
  await Promise.all(servers.map((server) => server.stop()));
  return code;
}

/** Every service's port is free on 127.0.0.1, or the mock does not start. */
async function checkPortsFree(
  services: readonly ServiceConfig[],
  ports: ReadonlyMap<string, number>,
): Promise<void> {
  for (const service of services) {
    const port = ports.get(service.name)!;
    if (!(await portIsFree(port))) {
      throw new UsageError(
        `${service.name}: port ${port} on 127.0.0.1 is in use: stop what holds it, or give another with --port`,
      );
    }
  }
}

/**
 * Serves until Ctrl-C or SIGTERM (exit 0) or until a Prism stops on its own (exit 2, saying
 * which); every server is stopped before the exit code settles.
 */
function serveUntilStopped(servers: readonly PrismServer[]): Promise<number> {
  return new Promise<number>((resolve) => {
    let stopping = false;
    const finish = (code: number): void => {
      if (stopping) return;
      stopping = true;
      void stopAll(servers, code).then(resolve);
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => finish(ExitCode.ok));
    for (const server of servers) {
      void server.exited.then((how) => {
        if (stopping) return;
        console.error(`mock: ${server.service}: Prism stopped on its own (${how}): ${server.lastLine}`);
        finish(ExitCode.unusable);
      });
    }
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const given = options(argv);
  const settings = config();
  const services = selected(settings.services, [...new Set(given.names)]);
  const ports = choosePorts(services, given.port);
  // A broken contract is one located line here rather than Prism's own story.
  for (const service of services) await loadContract(service.contractFile);
  await checkPortsFree(services, ports);

  const servers = services.map(
    (service) =>
      new PrismServer(service.name, {
        contractFile: service.contractFile,
        port: ports.get(service.name)!,
        dynamic: given.dynamic,
        verbose: given.verbose,
      }),
  );
  process.once('exit', () => servers.forEach((server) => server.kill()));
  const started = await Promise.all(servers.map((server) => server.ready(START_TIMEOUT_MS)));
  const failed = servers.find((_, index) => !started[index]);
  if (failed) {
    const why = failed.running
      ? `did not accept connections within ${START_TIMEOUT_MS / 1000} s`
      : 'stopped before serving';
    console.error(`mock: ${failed.service}: Prism ${why} on port ${failed.options.port}: ${failed.lastLine}`);
    return stopAll(servers, ExitCode.unusable);
  }

  for (const service of services) {
    const source = given.dynamic ? 'responses generated from the schemas' : 'examples from the contract';
    console.log(
      `${service.name}: Prism serves ${fromHarnessRoot(service.contractFile)} at http://127.0.0.1:${ports.get(service.name)} (paths at the root, ${source})`,
    );
  }
  console.log(`In another terminal: ${specCommand(services, ports, settings.projectFile)}`);
  console.log('Ctrl-C stops the mock.');

  return serveUntilStopped(servers);
}

runCommand('mock', () => main(process.argv.slice(2)));
