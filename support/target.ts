import type { HarnessConfig } from './config/config';
import { UsageError } from './errors';

/** The system the scenarios run against: the embedded service of this worker or a deployment. */
export interface Target {
  /** The API root every operation path is appended to: `http://127.0.0.1:41234/api/v1`. */
  readonly apiBaseUrl: URL;
  /** Where the web UI is served. */
  readonly uiBaseUrl: URL;
  /** True when the harness started the service itself and can reset its state. */
  readonly embedded: boolean;
  /** Restores the embedded service's seed data; a no-op against a deployment. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * `BASE_URL` replaces the spec's server URL, base path included. An origin without a path
 * (`http://127.0.0.1:8080`) gets the spec's base path appended, which is what people mean when
 * they point the harness at a host.
 */
export function apiBaseUrlFor(baseUrl: URL, specBasePath: string): URL {
  const url = new URL(baseUrl.toString());
  if (url.pathname === '/' || url.pathname === '') url.pathname = specBasePath || '/';
  url.pathname = url.pathname.replace(/\/$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

export async function openTarget(config: HarnessConfig, specBasePath: string): Promise<Target> {
  if (config.baseUrl) {
    if (!/^https?:$/.test(config.baseUrl.protocol)) {
      throw new UsageError(`BASE_URL: "${config.baseUrl.toString()}" must be an http(s) URL`);
    }
    const apiBaseUrl = apiBaseUrlFor(config.baseUrl, specBasePath);
    return {
      apiBaseUrl,
      uiBaseUrl: config.uiBaseUrl ?? new URL(apiBaseUrl.origin),
      embedded: false,
      reset: () => undefined,
      close: () => Promise.resolve(),
    };
  }
  // Loaded only when needed, so runs against a deployment never load the service's code.
  const { startSut, parseFaults } = await import('../sut');
  const sut = await startSut({ port: 0, faults: parseFaults(config.sutFaults) });
  const apiBaseUrl = new URL(sut.origin + specBasePath);
  return {
    apiBaseUrl,
    uiBaseUrl: config.uiBaseUrl ?? new URL(sut.origin),
    embedded: true,
    reset: () => sut.reset(),
    close: () => sut.close(),
  };
}
