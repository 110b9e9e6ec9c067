import { SERVICE_NAME, envSuffix } from '../config/project-file';
import { UsageError } from '../errors';

/** `Pet Store (v2)` → `pet-store-v2`: lower case, every run of other characters one dash. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The service name `--name` leaves to the contract: a slug of its title. A title that gives no
 * usable name (no Latin letters, or a digit first) is the user's to name.
 */
export function serviceNameFor(given: string | undefined, title: string): string {
  if (given !== undefined) {
    if (!new RegExp(SERVICE_NAME).test(given)) {
      throw new UsageError(
        `--name "${given}": a service name starts with a letter and has only letters, digits, _ and - (e.g. --name shop)`,
      );
    }
    return given;
  }
  const fromTitle = slug(title);
  if (!new RegExp(SERVICE_NAME).test(fromTitle)) {
    throw new UsageError(
      `the contract's title "${title}" makes no service name: give one with --name <service>`,
    );
  }
  return fromTitle;
}

/** `{{env.SHOP_API_KEY}}`'s variable for a security scheme of a service: `SHOP` + `API_KEY`. */
export function credentialVariable(service: string, scheme: string): string {
  return `${envSuffix(service)}_${envSuffix(scheme)}`.replace(/__+/g, '_');
}

/** `REQ-ORDER-HISTORY` for the tag slug `order-history`. */
export function requirementId(tagSlug: string): string {
  return `REQ-${tagSlug.toUpperCase()}`;
}

/** One line of a contract's prose (summaries run over several lines): whitespace collapsed. */
export function oneLineOf(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** `catalog` → `Catalog`: a tag as a heading. */
export function heading(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
