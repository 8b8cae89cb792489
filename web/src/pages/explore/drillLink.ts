// The drill-down link of one bucket: the drill page (another module) reads kpi, bucket, city, grain and stop, and
// `back`, the Explore hash to return to with every filter as it was.
import { formatRoute } from '../../app/route';

export interface DrillTarget {
  kpi: string;
  /** The bucket's start, ISO UTC, as the series API wrote it. */
  bucket: string;
  city: string;
  grain: string;
  stop: string | null;
}

/** `#/drill?kpi=..&bucket=..&city=..&grain=..[&stop=..]&back=<url-encoded explore hash>` */
export function drillHash(target: DrillTarget, backHash: string): string {
  return formatRoute('drill', {
    kpi: target.kpi,
    bucket: new Date(Date.parse(target.bucket)).toISOString(),
    city: target.city,
    grain: target.grain,
    stop: target.stop ?? undefined,
    back: backHash,
  });
}
