import { UsageError } from '../errors';

/**
 * Typed readers for environment variables. Each one names the variable in its error, so a typo in
 * a pipeline's settings reads as `WORKERS: "two" is not a whole number` rather than a stack trace.
 */
export class EnvReader {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** A comma-separated list: `a, b,c` → ['a', 'b', 'c']. */
  list(name: string): string[] {
    return (this.string(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  flag(name: string, fallback = false): boolean {
    const value = this.string(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    throw new UsageError(`${name}: "${value}" is not a yes/no value (use true or false)`);
  }

  integer(name: string, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value)) throw new UsageError(`${name}: "${value}" is not a whole number`);
    const parsed = Number(value);
    if (parsed < min) throw new UsageError(`${name}: ${parsed} is too small (at least ${min})`);
    if (parsed > max) throw new UsageError(`${name}: ${parsed} is too large (at most ${max})`);
    return parsed;
  }

  url(name: string): URL | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new UsageError(`${name}: "${value}" is not a URL (expected e.g. http://127.0.0.1:8080)`);
    }
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) {
      throw new UsageError(`${name}: "${value}" must be an http(s) or ws(s) URL`);
    }
    return parsed;
  }

  /** Every `<PREFIX><NAME>=username:password`, keyed by NAME in lower case. */
  accounts(prefix: string): Record<string, { username: string; password: string }> {
    const accounts: Record<string, { username: string; password: string }> = {};
    for (const name of Object.keys(this.env)
      .filter((key) => key.startsWith(prefix))
      .sort()) {
      const value = this.string(name);
      if (value === undefined) continue;
      const separator = value.indexOf(':');
      if (separator <= 0 || separator === value.length - 1) {
        throw new UsageError(`${name}: expected username:password (the value is not shown)`);
      }
      accounts[name.slice(prefix.length).toLowerCase()] = {
        username: value.slice(0, separator),
        password: value.slice(separator + 1),
      };
    }
    return accounts;
  }

  /** `i/n` with 1 ≤ i ≤ n. */
  shard(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const match = /^(\d+)\/(\d+)$/.exec(value);
    const index = Number(match?.[1]);
    const total = Number(match?.[2]);
    if (!match || index < 1 || total < 1 || index > total) {
      throw new UsageError(`${name}: "${value}" is not a shard such as 1/3 (index from 1 to the total)`);
    }
    return `${index}/${total}`;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UsageError(`${name}: "${value}" is not one of ${allowed.join(', ')}`);
    }
    return value as T;
  }
}
