/**
 * What must happen when a run is interrupted (SIGINT, SIGTERM) before it finishes: the results
 * collected so far are written, marked incomplete, so that they stay readable and the gate can say
 * why it cannot decide. The results plugin registers how; `npm run spec` calls it on a signal.
 */
type Flush = () => void;

const flushes = new Set<Flush>();

export function onInterrupt(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Writes what every registered collector has so far; one failing does not stop the others. */
export function flushInterruptedRun(): string[] {
  const problems: string[] = [];
  for (const flush of flushes) {
    try {
      flush();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
}
