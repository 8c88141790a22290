/**
 * Page bundles and image sizes, for the load stage. A post written as
 * `posts/2024-05-01-oman/index.md` owns the other files of its folder (`photo.jpg`,
 * `maps/route.png`): they are copied next to its page. Local images (a bundle's and
 * `static/`'s) are measured here, from the first bytes of the file only, so pages can
 * give every image its `width` and `height` and not jump while it loads.
 */
import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import { glob } from 'tinyglobby';
import { mapLimit } from '../concurrency.js';
import { isBundle } from '../slug.js';

/** A file of a page bundle, copied next to its post's page. */
export interface BundleFile {
  /** The bundle's post: `posts/2024-05-01-oman/index.md`. */
  readonly post: string;
  /** Its path inside the bundle's folder: `photo.jpg`, `maps/route.png`. */
  readonly name: string;
  /** How messages name it: `posts/2024-05-01-oman/photo.jpg`. */
  readonly sourcePath: string;
  readonly absolutePath: string;
}

/** An image's size in CSS pixels as a browser shows it (EXIF rotation applied). */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** What is never part of a bundle: posts, Blogger comments, hidden and editor files. */
const NOT_IN_BUNDLES = [
  '**/*.md',
  '**/*.markdown',
  '**/*.comments.yaml',
  '**/.*',
  '**/.*/**',
  '**/node_modules/**',
  '**/*~',
  '**/#*#',
  '**/*.swp',
  '**/*.swx',
  '**/Thumbs.db',
];

/**
 * The files of every bundle among `posts`, each given to the deepest bundle folder that
 * holds it (a bundle inside another's folder keeps its own files). A file whose real
 * path is outside the site folder (a symbolic link out) is left out: a build never reads
 * outside its site.
 */
export async function listBundleFiles(
  root: string,
  posts: readonly { readonly path: string }[],
): Promise<BundleFile[]> {
  const owners = new Map(
    posts
      .filter((post) => isBundle(post.path))
      .map((post) => [path.posix.dirname(post.path), post.path]),
  );
  if (owners.size === 0) return [];
  const files = await glob('**/*', { cwd: path.join(root, 'posts'), ignore: NOT_IN_BUNDLES });
  const found: BundleFile[] = [];
  for (const file of files.sort()) {
    const sourcePath = `posts/${file}`;
    // The nearest folder up that is a bundle's: a file is its innermost bundle's.
    let folder = path.posix.dirname(sourcePath);
    while (folder !== 'posts' && folder !== '.' && !owners.has(folder)) {
      folder = path.posix.dirname(folder);
    }
    const post = owners.get(folder);
    if (post === undefined) continue;
    found.push({
      post,
      name: sourcePath.slice(folder.length + 1),
      sourcePath,
      absolutePath: path.join(root, ...sourcePath.split('/')),
    });
  }
  const realRoot = await realpath(root);
  const inside = await mapLimit(found, async (file) => isInside(realRoot, file.absolutePath));
  return found.filter((_, i) => inside[i]);
}

/** File names `image-size` reads, by extension. */
const IMAGE = /\.(avif|bmp|gif|ico|jpe?g|png|svg|tiff?|webp)$/i;

/**
 * The size of every image among `files` that lies inside the site folder, by its
 * site-relative path. An image that cannot be read or measured is left out: it is
 * shown without a size, as before.
 */
export async function measureImages(
  root: string,
  files: readonly { readonly sourcePath: string; readonly absolutePath: string }[],
): Promise<Map<string, ImageSize>> {
  const images = files.filter((file) => IMAGE.test(file.sourcePath));
  const sizes = new Map<string, ImageSize>();
  if (images.length === 0) return sizes;
  const realRoot = await realpath(root);
  // Synchronously, one after the other: a few small reads per file go several times
  // faster so than through the thread pool (as the write stage reads old output).
  for (const file of images) {
    const size = isInsideSync(realRoot, file.absolutePath) ? measure(file.absolutePath) : null;
    if (size) sizes.set(file.sourcePath, size);
  }
  return sizes;
}

/**
 * Most headers fit in the first read (PNG, GIF and WebP give their size in the first 30
 * bytes; a JPEG's frame header follows its EXIF block); a camera JPEG with a large EXIF
 * block (maker notes, a thumbnail) may need the second.
 */
const HEADER_BYTES = [4 * 1024, 512 * 1024];

/** Reads the first bytes of an image and measures it, reading more only when needed. */
function measure(file: string): ImageSize | null {
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    for (const length of HEADER_BYTES) {
      const buffer = Buffer.allocUnsafe(length);
      const bytesRead = readSync(fd, buffer, 0, length, 0);
      const size = sizeOf(buffer.subarray(0, bytesRead));
      if (size !== null || bytesRead < length) return size;
    }
    return null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** EXIF orientations 5 to 8 turn the picture a quarter: the browser swaps its sides. */
function sizeOf(bytes: Uint8Array): ImageSize | null {
  try {
    const { width, height, orientation } = imageSize(bytes);
    if (!(width > 0 && height > 0)) return null;
    return orientation !== undefined && orientation >= 5
      ? { width: height, height: width }
      : { width, height };
  } catch {
    return null;
  }
}

function isInsideSync(realRoot: string, file: string): boolean {
  try {
    const back = path.relative(realRoot, realpathSync.native(file));
    return back !== '' && !back.startsWith('..') && !path.isAbsolute(back);
  } catch {
    return false;
  }
}

async function isInside(realRoot: string, file: string): Promise<boolean> {
  try {
    const back = path.relative(realRoot, await realpath(file));
    return back !== '' && !back.startsWith('..') && !path.isAbsolute(back);
  } catch {
    return false;
  }
}
