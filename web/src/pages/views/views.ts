// Placeholder while the page is being built.
import { stateBlock } from '../../app/dom';
import type { PageContext, PageInstance } from '../../app/page';

export function mount(ctx: PageContext): PageInstance {
  ctx.setTitle('views');
  ctx.root.append(stateBlock('empty', 'This page is being built.'));
  ctx.setState('empty');
  return {};
}
