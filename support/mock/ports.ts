import net from 'node:net';
import type { ServiceConfig } from '../config/config';
import { UsageError } from '../errors';

/** The first port `npm run mock` gives a service whose base URL names none on this machine. */
export const FIRST_PORT = 4010;

const LOOPBACK = ['127.0.0.1', 'localhost'];

/** The port of a base URL on this machine that names one (`http://127.0.0.1:4010`), else undefined. */
export function loopbackPort(baseUrl: ServiceConfig['baseUrl']): number | undefined {
  if (!(baseUrl instanceof URL) || !LOOPBACK.includes(baseUrl.hostname) || baseUrl.port === '')
    return undefined;
  return Number(baseUrl.port);
}

/**
 * The port of each service: `--port` (one service only), else its base URL's port when the base
 * URL is on this machine, else the next of 4010, 4011, … no other service has.
 */
export function choosePorts(
  services: readonly ServiceConfig[],
  explicit: number | undefined,
): Map<string, number> {
  if (explicit !== undefined && services.length !== 1) {
    throw new UsageError(
      `--port serves one service, and ${services.length} are selected (${services.map((service) => service.name).join(', ')}): name one, e.g. npm run mock -- ${services[0]?.name ?? '<service>'} --port ${explicit}`,
    );
  }
  const ports = new Map<string, number>();
  const owners = new Map<number, string>();
  const claim = (service: ServiceConfig, port: number): void => {
    const owner = owners.get(port);
    if (owner) {
      throw new UsageError(
        `${owner} and ${service.name} are both at port ${port} (their baseUrl): serve them one at a time with --port`,
      );
    }
    owners.set(port, service.name);
    ports.set(service.name, port);
  };
  for (const service of services) {
    const port = explicit ?? loopbackPort(service.baseUrl);
    if (port !== undefined) claim(service, port);
  }
  let next = FIRST_PORT;
  for (const service of services) {
    if (ports.has(service.name)) continue;
    while (owners.has(next)) next += 1;
    claim(service, next);
  }
  return ports;
}

/** `--port 4020` as a port number, or a one-line refusal. */
export function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new UsageError(`--port "${text}" is not a port (1-65535)`);
  }
  return port;
}

/** Is the port free on the loopback interface? Prism would otherwise fail, or another server answer in its place. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Does something accept connections on the port? */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}
