/**
 * Local images and links in a post body, marked at parse time so the route stage can
 * finish them: a bundle's `photo.jpg` becomes the path of the post's folder (known only
 * once the post has a URL), and a local image gets `width` and `height` (known only from
 * the file). The parse stays pure and cacheable by the post's text alone; the markers
 * are private-use characters, which rehype writes as they are and no author types.
 */
import type { Element, Root } from 'hast';
import { eachElement } from './elements.js';
import type { VFile } from 'vfile';

/** Stands for the link to the post's folder (ending in `/`) before a bundle-relative URL. */
export const FOLDER_MARK = '\uE000';

/** Starts an `<img>` source that should get the image file's `width` and `height`. */
export const SIZE_MARK = '\uE001';

/** A link without the marks this module puts in, as the author wrote it. */
export function unmarkLink<T extends { readonly url: string }>(link: T): T {
  const url = link.url.replace(/[\uE000\uE001]/g, '');
  return url === link.url ? link : { ...link, url };
}

/** What the renderer is told about the post it renders, through `file.data`. */
export interface LocalUrlOptions {
  /** The post is a bundle's `index.md`: relative URLs point at files beside it. */
  readonly bundle?: boolean;
}

/** A URL with no scheme, not protocol-relative, and not only a fragment or query. */
function isLocal(url: string): boolean {
  return url !== '' && !/^[a-z][a-z\d+.-]*:/i.test(url) && !/^(\/\/|#|\?)/.test(url);
}

/**
 * Marks Markdown images and links (raw HTML is not parsed into elements here and stays
 * as written). Root-relative images are marked for their size; bundle-relative images
 * and links for the folder, images for their size too. Relative URLs outside a bundle
 * are left as written: there is no file beside such a post to point at.
 */
export function rehypeMarkLocalUrls() {
  return (tree: Root, file: VFile) => {
    const bundle = (file.data as LocalUrlOptions).bundle === true;
    eachElement(tree, (node: Element) => {
      const key = node.tagName === 'img' ? 'src' : node.tagName === 'a' ? 'href' : null;
      if (key === null) return;
      const url = node.properties[key];
      if (typeof url !== 'string' || !isLocal(url)) return;
      const relative = !url.startsWith('/');
      if (relative && !bundle) return;
      const inFolder = relative ? `${FOLDER_MARK}${url}` : url;
      node.properties[key] = key === 'src' ? `${SIZE_MARK}${inFolder}` : inFolder;
    });
  };
}
