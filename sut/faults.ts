/**
 * Deliberate defects, one per name, for the harness's own tests: each proves that a check of the
 * harness catches the kind of defect it claims to. Never set outside tests.
 */
export const FAULTS = [
  'spam-threshold-off-by-one',
  'lookup-report-count-as-string',
  'lookup-missing-kind',
  'health-undocumented-status',
  'health-text-plain',
  'report-without-location',
  'lookup-hangs',
] as const;

export type Fault = (typeof FAULTS)[number];

/** `a, b` → ['a', 'b']; an unknown name is a one-line error listing the known ones. */
export function parseFaults(list: string | undefined): Fault[] {
  const names = (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!(FAULTS as readonly string[]).includes(name)) {
      throw new Error(`SUT_FAULTS: unknown fault "${name}" (known: ${FAULTS.join(', ')})`);
    }
  }
  return names as Fault[];
}
