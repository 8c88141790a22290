/**
 * Where a post's own files go and how its body and picture point at them. Pure. A page
 * bundle's files are copied into the folder of the post's page; a body's marked URLs
 * (`parse/local-urls.ts`) become links from the site root under `baseUrl`'s path, the
 * same on the post's page, on list pages and in feeds; and local images get their size.
 */
import type { CommentThread } from '../model/comments.js';
import path from 'node:path';
import type { BundleFile, ImageSize, StaticFile } from '../load/load.js';
import type { Post } from '../parse/post.js';
import { FOLDER_MARK, SIZE_MARK } from '../parse/local-urls.js';
import { outputPathOf } from '../urls.js';

/** Finds the size of a local image from the link a page uses for it, or null. */
export type SizeLookup = (href: string) => ImageSize | null;

/** What the route stage knows about a site's files. */
export interface SiteAssets {
  readonly staticFiles: readonly StaticFile[];
  readonly bundleFiles: readonly BundleFile[];
  readonly imageSizes: ReadonlyMap<string, ImageSize>;
  /** Each post's comments, by the post's source (`posts/a.md`); none when absent. */
  readonly commentThreads?: ReadonlyMap<string, CommentThread>;
}

/** A site without bundles or measured images. */
export const NO_ASSETS: SiteAssets = { staticFiles: [], bundleFiles: [], imageSizes: new Map() };

/**
 * The copies of bundle files of published posts, next to each post's page: with the
 * page at `2024/05/oman/index.html`, `photo.jpg` goes to `2024/05/oman/photo.jpg`.
 */
export function bundleCopies(
  posts: readonly { readonly post: Post; readonly url: string }[],
  bundleFiles: readonly BundleFile[],
): StaticFile[] {
  if (bundleFiles.length === 0) return [];
  const folders = new Map(
    posts.map(({ post, url }) => [post.source, path.posix.dirname(outputPathOf(url))]),
  );
  const copies: StaticFile[] = [];
  for (const file of bundleFiles) {
    const folder = folders.get(file.post);
    if (folder === undefined) continue;
    const outputPath = folder === '.' ? file.name : `${folder}/${file.name}`;
    copies.push({ outputPath, absolutePath: file.absolutePath, sourcePath: file.sourcePath });
  }
  return copies;
}

/** Image sizes by the decoded link to each copy (static files and bundle copies). */
export function sizeLookup(
  copies: readonly StaticFile[],
  imageSizes: ReadonlyMap<string, ImageSize>,
  basePath: string,
): SizeLookup {
  const byPath = new Map<string, ImageSize>();
  for (const copy of copies) {
    const size = imageSizes.get(copy.sourcePath);
    if (size) byPath.set(`${basePath}${copy.outputPath}`.normalize('NFC'), size);
  }
  return (href) => (byPath.size === 0 ? null : (byPath.get(decodedPath(href)) ?? null));
}

/** `/blog/2024/05/oman/my%20photo.jpg?v=2` → `/blog/2024/05/oman/my photo.jpg`. */
function decodedPath(href: string): string {
  const bare = href.replace(/&amp;/g, '&').replace(/[?#].*$/, '');
  let decoded = bare;
  try {
    decoded = decodeURI(bare);
  } catch {
    // A broken %-escape is no file of ours; looked up as written, it is not found.
  }
  return path.posix.normalize(decoded).normalize('NFC');
}

/** The folder of a post's page as a link, ending in `/`: `/blog/2024/05/oman/`. */
export function folderHref(postHref: string): string {
  return postHref.slice(0, postHref.lastIndexOf('/') + 1);
}

/** Marked image sources: the marker, then optionally the folder marker, then the URL. */
const MARKED_IMAGE = new RegExp(` src="${SIZE_MARK}(${FOLDER_MARK}?)([^"]*)"`, 'g');

/**
 * A body with its marked URLs finished: bundle-relative ones under the post's folder,
 * and local images with `width` and `height` when the file was measured. Bodies with no
 * local URL (most) are returned as they are.
 */
export function finishBody(html: string, folder: string, sizeOf: SizeLookup): string {
  if (!html.includes(SIZE_MARK) && !html.includes(FOLDER_MARK)) return html;
  return html
    .replace(MARKED_IMAGE, (_, inFolder: string, url: string) => {
      const src = inFolder === '' ? url : `${folder}${url}`;
      const size = sizeOf(src);
      const dimensions = size
        ? ` width="${String(size.width)}" height="${String(size.height)}"`
        : '';
      return ` src="${src}"${dimensions}`;
    })
    .replaceAll(FOLDER_MARK, folder);
}
