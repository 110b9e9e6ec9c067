/**
 * Deliberate defects, one per name, for the harness's own tests: each proves that a check of the
 * harness catches the kind of defect it claims to. Each changes exactly one thing. Never set
 * outside tests.
 */
const FAULTS = [
  'spam-threshold-off-by-one',
  'lookup-report-count-as-string',
  'lookup-missing-kind',
  'health-undocumented-status',
  'health-text-plain',
  'report-without-location',
  'lookup-hangs',
  'expired-tokens-accepted',
  'deletes-skip-owner-check',
  'report-comment-crashes',
] as const;

export type Fault = (typeof FAULTS)[number];

function isFault(name: string): name is Fault {
  return (FAULTS as readonly string[]).includes(name);
}

/** `a, b` → ['a', 'b']; an unknown name is a one-line error listing the known ones. */
export function parseFaults(list: string | undefined): Fault[] {
  const faults: Fault[] = [];
  for (const name of (list ?? '').split(',').map((part) => part.trim())) {
    if (name === '') continue;
    if (!isFault(name)) {
      throw new Error(`SUT_FAULTS: unknown fault "${name}" (known: ${FAULTS.join(', ')})`);
    }
    if (!faults.includes(name)) faults.push(name);
  }
  return faults;
}
