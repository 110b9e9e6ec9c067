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
    const clean = scrub(withinBase64(text, scrub));
    if (clean !== text) zip.file(entry.name, clean);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A JSON string of base64 (a trace keeps the bodies the page sent and received so: `Route.fulfill`). */
const BASE64_STRING = /"([A-Za-z0-9+/]{16,}={0,2})"/g;

/**
 * `scrub` applied inside every base64 string that holds text: a body fulfilled to the page is in
 * the trace as base64, and the token in it is found by no search of the plain text.
 */
function withinBase64(text: string, scrub: (text: string) => string): string {
  return text.replace(BASE64_STRING, (whole, encoded: string) => {
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.toString('base64') !== encoded) return whole;
    const decoded = bytes.toString('utf8');
    // Binary (an image, a font) is left alone: it does not survive the trip through text.
    if (decoded.includes('\uFFFD') || !Buffer.from(decoded, 'utf8').equals(bytes)) return whole;
    const clean = scrub(decoded);
    return clean === decoded ? whole : `"${Buffer.from(clean, 'utf8').toString('base64')}"`;
  });
}
