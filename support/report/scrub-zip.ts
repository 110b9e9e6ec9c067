import JSZip from 'jszip';

/** Entries that hold text (trace events, network logs, HTML snapshots, bodies); images stay as they are. */
const BINARY = /\.(png|jpe?g|gif|webp|woff2?|ttf|ico|zip)$/i;

/**
 * A copy of a zip archive with `scrub` applied to every text entry: how a Playwright trace loses
 * the passwords typed and the tokens sent during the scenario before it reaches a report.
 */
export async function scrubZip(archive: Buffer, scrub: (text: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(archive);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || BINARY.test(entry.name)) continue;
    const text = await entry.async('string');
    const clean = scrub(text);
    if (clean !== text) zip.file(entry.name, clean);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
