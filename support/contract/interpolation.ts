import { UsageError } from '../errors';

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Does the text hold a `{{name}}` to be filled in at run time? */
export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/** The names of the `{{name}}` placeholders in a text, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(new RegExp(PLACEHOLDER.source, 'g'))].map((match) => match[1]!);
}

/** The text with every `{{name}}` replaced by `stand`: how it can be checked before a run. */
export function withPlaceholdersAs(text: string, stand: string): string {
  return text.replace(PLACEHOLDER, stand);
}

/**
 * Replaces `{{name}}` with what `recall` gives for it (text as is, anything else as JSON). A name
 * `recall` does not know is an error naming the placeholder, with `recall`'s own reason (the World's
 * says which names were remembered so far).
 */
export function interpolate(text: string, recall: (name: string) => unknown): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    let value: unknown;
    try {
      value = recall(name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(
        `unknown placeholder {{${name}}}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
      );
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
