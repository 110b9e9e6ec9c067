import type { ServiceConfig } from '../config/config';
import { EMBEDDED, envSuffix } from '../config/project-file';
import type { Contract } from '../contract/load';
import { serverUrl } from '../contract/servers';
import { UsageError } from '../errors';

/**
 * The API root of a service, where its operations' paths are appended
 * (`http://127.0.0.1:4010/v2`). One rule for every service:
 * - the host is the service's base URL (the environment's, the project file's, the embedded
 *   service's origin) or else the contract's chosen server, its variables filled in;
 * - the path is, first found: `basePath` (`API_BASE_PATH[_<SERVICE>]` or the project file's;
 *   `/` = served at the root), the base URL's own path when it has one, the contract server's path.
 */
export function apiRootOf(service: ServiceConfig, contract: Contract, embeddedOrigin?: string): URL {
  const server = serverUrl(contract, { index: service.server, variables: service.serverVariables });
  const serverPath = new URL(server, 'http://relative.invalid').pathname;
  let base: URL;
  if (service.baseUrl === EMBEDDED) {
    if (!embeddedOrigin) throw new Error(`${service.name}: the embedded service is not running`);
    base = new URL(embeddedOrigin);
  } else if (service.baseUrl) {
    base = new URL(service.baseUrl.toString());
  } else if (/^https?:\/\//i.test(server)) {
    base = new URL(server);
  } else {
    throw new UsageError(
      `${service.name}: the contract's server "${server}" has no host: give the service a baseUrl in the project file, or set ${service.baseUrlFrom.startsWith('BASE_URL') ? service.baseUrlFrom : `BASE_URL_${envSuffix(service.name)}`}`,
    );
  }
  const ownPath = base.pathname === '/' || base.pathname === '' ? undefined : base.pathname;
  const chosen =
    service.basePath ??
    (service.baseUrl === undefined || service.baseUrl === EMBEDDED ? serverPath : (ownPath ?? serverPath));
  base.pathname = chosen.replace(/\/+$/, '') || '/';
  base.search = '';
  base.hash = '';
  return base;
}

/** `http://host:4010/v2` → `http://host:4010/v2` with no trailing slash: what paths are appended to. */
export function rootText(root: URL): string {
  return root.toString().replace(/\/$/, '');
}
