/**
 * Cucumber names every message of a run by `crypto.randomUUID()` — each pickle and its steps, each
 * test case and step, each attempt — and the coordinator keeps them for the run. Node 20 builds
 * that 36-character string as a rope of about twenty joined pieces, which stays about 490 bytes
 * of heap until something flattens it, against about 60 flat: 10,000 scenarios' ids held 29 MB of
 * the coordinator's 126 MB after its dry run (a heap snapshot's "concatenated string" nodes).
 * Installed by `npm run spec` before cucumber starts, the ids are flattened as they are made: the
 * same values, in one piece. (The reporting thread reads them parsed from JSON: flat already.)
 */
export function flattenRandomUuids(): void {
  const { crypto } = globalThis;
  const randomUUID = crypto.randomUUID.bind(crypto);
  crypto.randomUUID = () => flat(randomUUID());
}

/**
 * The string in one piece: reading a character makes V8 flatten the rope (a flat copy the rope then
 * points at; its pieces, and the rope itself at the next garbage collection, are let go).
 */
export function flat<T extends string>(text: T): T {
  text.charCodeAt(0);
  return text;
}
