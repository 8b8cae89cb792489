// The sources page: `#/sources` lists every source's status, `#/sources/<id>` (or `#/sources?source=<id>`) shows
// one in full (runs, quality, drift, alerts and, for admins, run now, backfill and replay).
import type { PageContext, PageInstance } from '../../app/page';
import { mountDetail } from './detail';
import { mountList } from './list';
import './sources.css';

export function mount(ctx: PageContext): PageInstance {
  const id = ctx.route.segments[0] ?? ctx.route.params.get('source') ?? undefined;
  return id ? mountDetail(ctx, id) : mountList(ctx);
}
