// The drill page's URL: `#/drill?kpi=<id>&bucket=<ISO UTC start>&city=<id>&grain=hour|day[&stop=<id>][&limit=<n>]
// [&back=<hash to return to>]`. Parsing never throws: a link that cannot name a bucket comes back as the list of
// parameters that are wrong, each with what was expected, so the page can say which one to fix.
import { formatRoute } from '../../app/route';
import { backHashOr, fallbackExploreHash, safeBackHash } from './backLink';

/** How many observations the page asks for first, and the most the API lists in one answer. */
export const DEFAULT_LIMIT = 200;
export const MAX_LIMIT = 2000;
const LIMIT_STEP = 500;

export type Grain = 'hour' | 'day';

export interface DrillRequest {
  kpi: string;
  /** The bucket's start as `toISOString()` writes it (UTC, milliseconds): one spelling for one bucket. */
  bucket: string;
  city: string;
  grain: Grain;
  stop: string | null;
  limit: number;
  /** Where Back goes: the link's `back` if it is an in-app hash, else Explore for this KPI, city and grain. */
  back: string;
  /** The link's `back` as given when it is safe (kept as is in every link onwards), else null. */
  backParam: string | null;
  /** A `back` was given but refused (not an in-app hash): the page says it ignored it. */
  backRefused: boolean;
}

export interface ParamProblem {
  parameter: string;
  message: string;
}

export type ParsedDrill = { ok: true; request: DrillRequest } | { ok: false; problems: ParamProblem[] };

const KPI_ID = /^[a-z0-9_]{1,64}$/;
const CITY_ID = /^[a-z0-9_-]{1,64}$/;
const STOP_ID = /^[A-Za-z0-9:._-]{1,100}$/;
// An instant with its zone written out: a bare local time would mean a different bucket on every machine.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Date.parse rolls 2026-02-30 over into March: a day, hour or minute out of range is a typo, not a bucket. */
function fieldsInRange(iso: string): boolean {
  const [y = 0, m = 0, d = 0, h = 0, min = 0] = iso.slice(0, 16).split(/[-T:]/).map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= days && h <= 23 && min <= 59;
}

/** A hostile or mistyped value shown in a message: short, so a long link cannot flood the page. */
export function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

export function parseDrillParams(params: URLSearchParams): ParsedDrill {
  const problems: ParamProblem[] = [];
  const text = (name: string) => params.get(name)?.trim() ?? '';

  const kpi = text('kpi');
  if (!kpi) problems.push({ parameter: 'kpi', message: 'The link names no KPI (parameter kpi, e.g. kpi=thermal_comfort).' });
  else if (!KPI_ID.test(kpi)) problems.push({ parameter: 'kpi', message: `"${shown(kpi)}" is not a KPI id (parameter kpi: lowercase letters, digits and _, e.g. thermal_comfort).` });

  const city = text('city');
  if (!city) problems.push({ parameter: 'city', message: 'The link names no city (parameter city, e.g. city=oslo).' });
  else if (!CITY_ID.test(city)) problems.push({ parameter: 'city', message: `"${shown(city)}" is not a city id (parameter city, e.g. oslo).` });

  const grainText = text('grain');
  let grain: Grain = 'hour';
  if (grainText === 'hour' || grainText === 'day') grain = grainText;
  else if (grainText) problems.push({ parameter: 'grain', message: `"${shown(grainText)}" is not a grain (parameter grain: hour or day).` });

  const bucketText = text('bucket');
  let bucket = '';
  if (!bucketText) problems.push({ parameter: 'bucket', message: 'The link names no bucket (parameter bucket: its UTC start, e.g. bucket=2026-11-22T06:00:00Z).' });
  else {
    const ms = ISO_INSTANT.test(bucketText) && fieldsInRange(bucketText) ? Date.parse(bucketText) : Number.NaN;
    if (Number.isNaN(ms)) {
      problems.push({ parameter: 'bucket', message: `"${shown(bucketText)}" is not a UTC date-time (parameter bucket, e.g. 2026-11-22T06:00:00Z).` });
    } else {
      bucket = new Date(ms).toISOString();
      const aligned = grain === 'day' ? ms % 86_400_000 === 0 : ms % 3_600_000 === 0;
      if (!aligned && !problems.some((p) => p.parameter === 'grain')) {
        problems.push({ parameter: 'bucket', message: `${bucket} is not the start of a UTC ${grain} (parameter bucket: ${grain === 'day' ? 'midnight UTC' : 'a whole hour'}).` });
      }
    }
  }

  const stopText = text('stop');
  if (stopText && !STOP_ID.test(stopText)) problems.push({ parameter: 'stop', message: `"${shown(stopText)}" is not a stop place id (parameter stop, e.g. NSR:StopPlace:58366).` });

  const limitText = text('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText) {
    const n = /^\d{1,5}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(n >= 1 && n <= MAX_LIMIT)) problems.push({ parameter: 'limit', message: `"${shown(limitText)}" is not a number of observations (parameter limit: 1 to ${MAX_LIMIT}).` });
    else limit = n;
  }

  if (problems.length > 0) return { ok: false, problems };

  const given = params.get('back');
  const backParam = safeBackHash(given);
  const stop = stopText || null;
  return {
    ok: true,
    request: {
      kpi,
      bucket,
      city,
      grain,
      stop,
      limit,
      back: backHashOr(given, fallbackExploreHash({ kpi, city, grain, stop })),
      backParam,
      backRefused: given !== null && given !== '' && backParam === null,
    },
  };
}

/** Explore for what a link names, as far as it names it: Back on a link too broken to drill. */
export function fallbackFor(params: URLSearchParams): string {
  const pick = (name: string, pattern: RegExp) => {
    const v = params.get(name)?.trim() ?? '';
    return pattern.test(v) ? v : null;
  };
  return backHashOr(params.get('back'), fallbackExploreHash({ kpi: pick('kpi', KPI_ID), city: pick('city', CITY_ID), grain: params.get('grain') }));
}

/** This drill's own hash, with `back` kept exactly as it came (a refused one is dropped). */
export function drillHash(request: DrillRequest): string {
  return formatRoute('drill', {
    kpi: request.kpi,
    bucket: request.bucket,
    city: request.city,
    grain: request.grain,
    stop: request.stop ?? undefined,
    limit: request.limit === DEFAULT_LIMIT ? undefined : String(request.limit),
    back: request.backParam ?? undefined,
  });
}

/** The limit "Show more" asks for next, or null when the API lists no more in one answer. */
export function nextLimit(limit: number): number | null {
  return limit >= MAX_LIMIT ? null : Math.min(MAX_LIMIT, limit + LIMIT_STEP);
}
