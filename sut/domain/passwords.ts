import crypto from 'node:crypto';

/**
 * Salted SHA-256: enough for an in-memory demo service, and fast, because benchmarks create
 * thousands of accounts. A real service would use a slow key-derivation function.
 */
export function newSalt(): string {
  return crypto.randomBytes(16).toString('hex');
}

export function hashPassword(password: string, salt: string): string {
  return crypto.createHash('sha256').update(salt).update('\0').update(password, 'utf8').digest('hex');
}

export function passwordMatches(password: string, salt: string, expectedHash: string): boolean {
  const expected = Buffer.from(expectedHash, 'hex');
  const actual = Buffer.from(hashPassword(password, salt), 'hex');
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
