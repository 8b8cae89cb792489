// What the upload page checks before sending and how it words the API's refusals. Each message names the input to
// fix (the file, the key, the source) in plain words; the API's own detail follows, as it names the exact part.
import type { ApiError } from '../../app/errors';
import { formatBytes } from '../../app/format';

/** Types browsers report for .csv files (Windows reports Excel's type for them). */
const CSV_TYPES = ['text/csv', 'application/csv', 'text/x-csv', 'application/vnd.ms-excel', ''];

export interface FileLike {
  name: string;
  size: number;
  type: string;
}

export type FileCheck = { ok: true } | { ok: false; message: string };

/** `maxBytes` is the source's cap as the catalog publishes it (its manifest's Push.MaxUploadBytes). */
export function checkFile(file: FileLike, maxBytes: number): FileCheck {
  const isCsvName = /\.csv$/i.test(file.name);
  if (!isCsvName || !CSV_TYPES.includes(file.type.toLowerCase())) {
    const what = file.type ? ` (${file.type})` : '';
    return { ok: false, message: `“${file.name}”${what} is not a CSV file. Choose a .csv file with the source’s header row.` };
  }
  if (file.size === 0) return { ok: false, message: `“${file.name}” is empty. Choose a CSV file with a header row and data rows.` };
  if (file.size > maxBytes) {
    return { ok: false, message: `“${file.name}” is ${formatBytes(file.size)}; uploads are limited to ${formatBytes(maxBytes)}. Split it into smaller files.` };
  }
  return { ok: true };
}

export type FaultyInput = 'file' | 'key' | 'source' | null;

export interface UploadProblem {
  input: FaultyInput;
  message: string;
}

/** The API's refusal (or a network failure) in words naming the input at fault. */
export function uploadProblem(error: ApiError, fileName: string, source: string): UploadProblem {
  const detail = error.detail ? ` The API said: ${error.detail}` : '';
  switch (error.status) {
    case 400:
      return { input: 'file', message: `“${fileName}” could not be read as a ${source} upload.${detail}` };
    case 401:
    case 403:
      return { input: 'key', message: `The upload key was not accepted for ${source}. Check the key and type it again.${detail}` };
    case 404:
      return { input: 'source', message: `There is no source “${source}” any more. Reload the page and pick another source.${detail}` };
    case 413:
      return { input: 'file', message: `“${fileName}” is larger than ${source} accepts. Split it into smaller files.${detail}` };
    case 415:
      return { input: 'file', message: `“${fileName}” is not a type ${source} accepts: send a UTF-8 CSV file.${detail}` };
    case 429:
      return { input: null, message: `${error.message} Nothing was uploaded; send the file again then.` };
    case 503:
      return { input: 'source', message: `${source} cannot take uploads now: its upload key is not configured on the server. Ask an administrator.${detail}` };
    default:
      return { input: null, message: `The upload failed: ${error.message}` };
  }
}

export interface RejectPlace {
  /** 1-based line of the file (the header is line 1), when the API's locator names one. */
  line: number | null;
  column: string | null;
}

/** The API locates a reject as `line 5:time` (line of the file, then the column); anything else is shown as given. */
export function rejectPlace(locator: string): RejectPlace {
  const m = /^line (\d+)(?::(.+))?$/.exec(locator.trim());
  return m ? { line: Number(m[1]), column: m[2] ?? null } : { line: null, column: null };
}
