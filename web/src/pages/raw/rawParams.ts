// The raw page's URL: `#/raw?blob=<landed page name>[&sha=<expected SHA-256, hex>][&back=<hash>]`, and the API
// address of a blob. A blob name is `{source}/{yyyy}/{MM}/{dd}/{runId}/{page}.{ext}`: its slashes are path
// separators on the route (`/api/v1/raw/{*blob}`), and the API refuses an encoded slash (`%2F`), so each part is
// encoded on its own and the slashes are kept.
import { API_BASE } from '../../app/api';
import { formatRoute } from '../../app/route';
import { safeBackHash } from '../drill/backLink';
import { shown, type ParamProblem } from '../drill/drillParams';

export interface RawRequest {
  blob: string;
  /** The hash the link expects (from an observation or the lineage), lower-case hex; null when none was given. */
  expectedSha: string | null;
  /** Where Back goes: the link's `back` when it is an in-app hash, else null (the page offers Explore). */
  back: string | null;
  backRefused: boolean;
}

export type ParsedRaw = { ok: true; request: RawRequest } | { ok: false; problems: ParamProblem[] };

const BLOB_CHARS = /^[A-Za-z0-9._:/-]+$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;
export const MAX_BLOB_LENGTH = 1024;

export function parseRawParams(params: URLSearchParams): ParsedRaw {
  const problems: ParamProblem[] = [];
  const blob = params.get('blob')?.trim() ?? '';
  const form = '{source}/{yyyy}/{MM}/{dd}/{runId}/{page}.{ext}';
  if (!blob) problems.push({ parameter: 'blob', message: `The link names no raw page (parameter blob: ${form}).` });
  else if (blob.length > MAX_BLOB_LENGTH || !BLOB_CHARS.test(blob)) {
    problems.push({ parameter: 'blob', message: `"${shown(blob)}" is not a raw page's name (parameter blob: letters, digits, - . _ : between slashes, ${form}).` });
  } else {
    const parts = blob.split('/');
    if (parts.length !== 6 || parts.some((p) => p === '' || /^\.+$/.test(p))) {
      problems.push({ parameter: 'blob', message: `"${shown(blob)}" is not a raw page's name (parameter blob: six parts, ${form}).` });
    }
  }

  const sha = params.get('sha')?.trim() ?? '';
  if (sha && !SHA256_HEX.test(sha)) problems.push({ parameter: 'sha', message: `"${shown(sha)}" is not a SHA-256 (parameter sha: 64 hexadecimal digits).` });

  if (problems.length > 0) return { ok: false, problems };
  const given = params.get('back');
  const back = safeBackHash(given);
  return { ok: true, request: { blob, expectedSha: sha ? sha.toLowerCase() : null, back, backRefused: !!given && back === null } };
}

/** `/api/v1/raw/city-counters/2026/11/20/<run>/upload.csv`: every part encoded, the slashes kept. */
export function rawApiUrl(blob: string): string {
  return `${API_BASE}/v1/raw/${blob.split('/').map(encodeURIComponent).join('/')}`;
}

/** The raw page of a blob, returning to `back` (the page that links to it). */
export function rawHash(blob: string, sha: string | null, back: string): string {
  return formatRoute('raw', { blob, sha: sha ?? undefined, back });
}

/** The file name a download gets: the blob's last part, prefixed with its source and run so two pages differ. */
export function downloadName(blob: string): string {
  const parts = blob.split('/');
  return parts.length === 6 ? `${parts[0]}_${parts[4]}_${parts[5]}`.replace(/:/g, '-') : 'payload';
}
