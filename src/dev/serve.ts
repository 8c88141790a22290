/**
 * The dev server's file handler: serves the output folder as a static host would
 * (pretty URLs, `404.html` with status 404, content types), and hands every HTML page to
 * `transform` on the way out, which is how the reload script gets in without ever being
 * written to disk. A small handler rather than a library: the libraries stream files
 * with their length fixed from the disk, which leaves no place to add to a page.
 *
 * A request can never read outside the output folder: paths are decoded once, any `..`
 * segment, NUL or backslash is refused, and the real path (symlinks followed) must
 * still be inside the real output folder. A redirect is always a path on this server
 * (`//labels` goes to `/labels/`, never to a host called `labels`).
 *
 * Pages the last build wrote are answered from memory (`page`), not from the disk, where
 * the next build may be rewriting them: a reader never gets half of a page. A file the
 * last build wrote that is missing on the disk is reported (`missing`), so the preview
 * can write its output whole again.
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { lookup } from 'mrmime';

/** How to serve a folder. */
export interface StaticOptions {
  /** The output folder. */
  readonly folder: string;
  /** The path the site lives under (`/` or `/blog/`), from `baseUrl`; read per request. */
  readonly basePath: () => string;
  /** Changes an HTML page before it is sent; `file` is its path in the folder. */
  readonly transform: (html: string, file: string) => string;
  /** The text of a page the last build wrote, by its path in the folder. */
  readonly page?: (file: string) => string | undefined;
  /**
   * Hears of a file that is missing from the folder (or, for a page served from memory,
   * from the disk); resolves true when the folder was written again and it is worth
   * looking once more.
   */
  readonly missing?: (file: string) => Promise<boolean>;
}

/** The methods served; a 405 names them in `Allow`. */
const ALLOWED_METHODS = 'GET, HEAD';

/** Handles one request; resolves when the response is sent. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Makes the handler. */
export function serveFolder(options: StaticOptions): RequestHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, req, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD are served.\n', {
        Allow: ALLOWED_METHODS,
      });
      return;
    }
    const pathname = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    const base = options.basePath();
    if (!pathname.startsWith(base)) {
      if (pathname === '/' || `${pathname}/` === base) {
        redirect(res, base);
        return;
      }
      return notFound(req, res, options);
    }
    const requested = pathname.slice(base.length);
    if (await sendFromMemory(req, res, options, requested)) return;
    let found = await resolveFile(options.folder, requested);
    if (found === null && (await reportMissing(options, requested))) {
      if (await sendFromMemory(req, res, options, requested)) return;
      found = await resolveFile(options.folder, requested);
    }
    if (found === 'folder') {
      redirect(res, `${pathname}/`);
      return;
    }
    if (found === null) return notFound(req, res, options);
    await sendFile(req, res, options, found, 200);
  };
}

/** A request path as a path in the folder, or null when it may not name one. */
function requestedFile(requested: string): { relative: string; wantsFolder: boolean } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.filter((s) => s !== '').join('/');
  return { relative, wantsFolder: decoded === '' || decoded.endsWith('/') };
}

/**
 * Answers with a page of the last build from memory, or redirects a folder of one to
 * its slash; false when the request names no such page. Checks afterwards that the page
 * is still on the disk, so a deleted output folder is noticed.
 */
async function sendFromMemory(
  req: IncomingMessage,
  res: ServerResponse,
  options: StaticOptions,
  requested: string,
): Promise<boolean> {
  const target = requestedFile(requested);
  if (target === null || !options.page) return false;
  const { relative, wantsFolder } = target;
  const file = wantsFolder ? `${relative === '' ? '' : `${relative}/`}index.html` : relative;
  const text = options.page(file);
  if (text === undefined) {
    if (wantsFolder || options.page(`${relative}/index.html`) === undefined) return false;
    redirect(res, `${req.url?.split(/[?#]/)[0] ?? ''}/`);
    return true;
  }
  const type = contentType(file);
  send(res, req, 200, type, type.startsWith('text/html') ? options.transform(text, file) : text);
  const onDisk = await lstat(path.join(options.folder, file)).then(
    () => true,
    () => false,
  );
  if (!onDisk) void options.missing?.(file);
  return true;
}

/** Tells `missing` of a request that found nothing; true when it is worth looking again. */
async function reportMissing(options: StaticOptions, requested: string): Promise<boolean> {
  const target = requestedFile(requested);
  if (target === null || !options.missing) return false;
  const { relative, wantsFolder } = target;
  const file = wantsFolder ? `${relative === '' ? '' : `${relative}/`}index.html` : relative;
  return options.missing(file);
}

/**
 * The file a request path names, `folder` when it names a folder without the trailing
 * slash, or null when there is no such file inside the folder.
 */
export async function resolveFile(
  folder: string,
  requested: string,
): Promise<{ absolute: string; relative: string } | 'folder' | null> {
  const target = requestedFile(requested);
  if (target === null) return null;
  const { relative, wantsFolder } = target;
  const candidate = wantsFolder
    ? path.join(folder, relative, 'index.html')
    : path.join(folder, relative);
  let real: string;
  let realFolder: string;
  try {
    [real, realFolder] = await Promise.all([realpath(candidate), realpath(folder)]);
  } catch {
    return null;
  }
  const back = path.relative(realFolder, real);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return null;
  const info = await stat(real);
  if (info.isDirectory()) {
    if (wantsFolder) return null;
    return (await resolveFile(folder, `${requested}/`)) === null ? null : 'folder';
  }
  const shown = wantsFolder ? `${relative === '' ? '' : `${relative}/`}index.html` : relative;
  return { absolute: real, relative: shown };
}

async function notFound(
  req: IncomingMessage,
  res: ServerResponse,
  options: StaticOptions,
): Promise<void> {
  const inMemory = options.page?.('404.html');
  if (inMemory !== undefined) {
    send(res, req, 404, 'text/html; charset=utf-8', options.transform(inMemory, '404.html'));
    return;
  }
  const page = await resolveFile(options.folder, '404.html');
  if (page === null || page === 'folder') {
    send(res, req, 404, 'text/plain; charset=utf-8', 'Not found.\n');
    return;
  }
  await sendFile(req, res, options, page, 404);
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  options: StaticOptions,
  file: { absolute: string; relative: string },
  status: number,
): Promise<void> {
  const type = contentType(file.relative);
  let body: Buffer | string = await readFile(file.absolute);
  if (type.startsWith('text/html')) body = options.transform(body.toString('utf8'), file.relative);
  send(res, req, status, type, body);
}

/** The Content-Type of a file by its name; text types say they are UTF-8. */
export function contentType(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  const isText = type.startsWith('text/') || /\+xml$|\/(xml|json|javascript)$/.test(type);
  return isText ? `${type}; charset=utf-8` : type;
}

/**
 * A 301 to a path on this server. Repeated slashes are made one: `//labels/` would be
 * read by a browser as a link to the host `labels`.
 */
function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { Location: sameOrigin(location), 'Cache-Control': 'no-store' });
  res.end();
}

/** A redirect target as a path on this server: one leading `/`, no empty segments. */
export function sameOrigin(location: string): string {
  return `/${location.replace(/^[/\\]+/, '')}`.replace(/\/{2,}/g, '/');
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  type: string,
  body: Buffer | string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    // A preview must show the latest build, never a cached one.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
