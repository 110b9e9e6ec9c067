import type { ServiceConfig } from '../config/config';
import { envSuffix } from '../config/project-file';
import { harnessConfigPrefix } from '../starter/shell-words';

/** Does the service's configuration already send its calls to Prism on this port, at the root? */
export function pointsAt(service: ServiceConfig, port: number): boolean {
  const url = service.baseUrl;
  // 127.0.0.1 only: `localhost` may resolve to ::1 first, where Prism does not listen.
  return (
    url instanceof URL &&
    url.hostname === '127.0.0.1' &&
    Number(url.port) === port &&
    (service.basePath === '/' || (service.basePath === undefined && /^\/?$/.test(url.pathname)))
  );
}

/**
 * The command that runs the features against the mocks: `npm run spec` when the project already
 * points there, else with `BASE_URL_<NAME>` and `API_BASE_PATH_<NAME>=/` for each service that
 * does not (Prism serves the paths at the root); `HARNESS_CONFIG` for a project other than the
 * harness's own.
 */
export function specCommand(
  services: readonly ServiceConfig[],
  ports: ReadonlyMap<string, number>,
  projectFile: string,
): string {
  const overrides = services.flatMap((service) => {
    const port = ports.get(service.name);
    if (port === undefined || pointsAt(service, port)) return [];
    const suffix = envSuffix(service.name);
    return [`BASE_URL_${suffix}=http://127.0.0.1:${port} API_BASE_PATH_${suffix}=/ `];
  });
  return `${overrides.join('')}${harnessConfigPrefix(projectFile)}npm run spec`;
}
