/**
 * The two ways a run renders its pages. A one-off build hands them to the write stage
 * unrendered ({@link renderAtWrite}), so the whole site's HTML is never in memory at once;
 * a session that keeps its pages (`rubric dev`) renders only what changed and keeps the
 * rest ({@link renderChanged}). Either way the same renderer makes the same HTML.
 */
import type { BuildError } from '../errors.js';
import { templateOf } from '../render/layouts.js';
import type { PageDigester } from '../render/page-digest.js';
import type { PageRenderer } from '../render/render.js';
import { outputPathOf } from '../urls.js';
import type { Page } from '../route/view.js';
import type { OutputFile } from '../write/write.js';
import { same } from './same.js';
import type { CachedPage, Theme } from './state.js';

/** A run's pages for the write stage, and the URLs rendered (or to be rendered) for it. */
export interface RenderedPages {
  readonly files: readonly OutputFile[];
  readonly rendered: readonly string[];
}

/**
 * Every page, to render when the write stage writes it; it reports their errors. With a
 * digester, each page can give its digest, for the write stage's output stamps.
 */
export function renderAtWrite(
  pages: readonly Page[],
  render: PageRenderer,
  digester: PageDigester | null = null,
): RenderedPages {
  const files: OutputFile[] = [];
  const rendered: string[] = [];
  for (const page of pages) {
    const contents = () => render(page);
    const path = outputPathOf(page.url);
    files.push(digester ? { path, contents, digest: () => digester(page) } : { path, contents });
    rendered.push(page.url);
  }
  return { files, rendered };
}

/** Pages rendered against the last good run's, and the pages to remember for the next. */
export interface ChangedPages extends RenderedPages {
  readonly errors: readonly BuildError[];
  /** By URL; only whole when there are no errors. */
  readonly pages: Map<string, CachedPage>;
}

/**
 * Renders the pages whose view data or template digest differs from the last good run;
 * the others keep their HTML. A page kind is nothing special here: any `Page` works.
 */
export function renderChanged(
  pages: readonly Page[],
  before: ReadonlyMap<string, CachedPage>,
  theme: Theme & { readonly render: PageRenderer },
): ChangedPages {
  const after = new Map<string, CachedPage>();
  const rendered: string[] = [];
  const errors: BuildError[] = [];
  for (const page of pages) {
    const template = templateOf(page);
    const digest = theme.digests.get(template) ?? '';
    const old = before.get(page.url);
    if (old?.template === template && old.digest === digest && same(old.data, page.data)) {
      after.set(page.url, old);
      continue;
    }
    const result = theme.render(page);
    rendered.push(page.url);
    if ('error' in result) errors.push(result.error);
    else
      after.set(page.url, {
        path: outputPathOf(page.url),
        template,
        data: page.data,
        digest,
        contents: result.html,
      });
  }
  const files =
    errors.length > 0 ? [] : [...after.values()].map(({ path, contents }) => ({ path, contents }));
  return { files, rendered, errors, pages: after };
}
