// How a landed page is shown: JSON pretty-printed, CSV as a table, other text as text, ZIP and other binary not at
// all (a download only). Decided from the media type the API sent, then the name's extension. The text shown is
// capped, so a payload of megabytes never freezes the page.

export type PayloadKind = 'json' | 'csv' | 'text' | 'binary';

/** The most characters put on the page at once (about 1 MB of text). */
export const MAX_SHOWN_CHARS = 1_000_000;
/** The most CSV data rows shown as a table. */
export const MAX_TABLE_ROWS = 500;

export function payloadKind(contentType: string | null, blob: string): PayloadKind {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/csv') return 'csv';
  if (type.startsWith('text/') || type === 'application/xml' || type.endsWith('+xml')) return 'text';
  if (type && type !== 'application/octet-stream') return 'binary';
  const ext = blob.slice(blob.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'xml' || ext === 'txt') return 'text';
  return 'binary';
}

export interface Shown {
  text: string;
  /** The whole text was longer: `text` is its first MAX_SHOWN_CHARS characters. */
  cut: boolean;
  totalChars: number;
}

/** The first `max` characters of `text`, never splitting a surrogate pair. */
export function capText(text: string, max = MAX_SHOWN_CHARS): Shown {
  if (text.length <= max) return { text, cut: false, totalChars: text.length };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), cut: true, totalChars: text.length };
}

export type JsonView = { ok: true; pretty: string } | { ok: false; error: string };

/** The payload pretty-printed with two spaces, or why it is not JSON (the page then shows the raw text). */
export function prettyJson(text: string): JsonView {
  try {
    return { ok: true, pretty: JSON.stringify(JSON.parse(text), null, 2) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Lower-case hex of a digest, as the API writes hashes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (const b of view) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 of the exact bytes, computed here (Web Crypto), to check against the hash the lineage recorded. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}
