/**
 * The dev server's file handler: serves the output folder as a static host would
 * (pretty URLs, `404.html` with status 404, content types), and hands every HTML page to
 * `transform` on the way out, which is how the reload script gets in without ever being
 * written to disk. A small handler rather than a library: the libraries stream files
 * with their length fixed from the disk, which leaves no place to add to a page.
 *
 * A request can never read outside the output folder: paths are decoded once, any `..`
 * segment, NUL or backslash is refused, and the real path (symlinks followed) must
 * still be inside the real output folder.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
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
}

/** Handles one request; resolves when the response is sent. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Makes the handler. */
export function serveFolder(options: StaticOptions): RequestHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, req, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD are served.\n');
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
    const found = await resolveFile(options.folder, pathname.slice(base.length));
    if (found === 'folder') {
      redirect(res, `${pathname}/`);
      return;
    }
    if (found === null) return notFound(req, res, options);
    await sendFile(req, res, options, found, 200);
  };
}

/**
 * The file a request path names, `folder` when it names a folder without the trailing
 * slash, or null when there is no such file inside the folder.
 */
export async function resolveFile(
  folder: string,
  requested: string,
): Promise<{ absolute: string; relative: string } | 'folder' | null> {
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
  const wantsFolder = decoded === '' || decoded.endsWith('/');
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

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  type: string,
  body: Buffer | string,
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    // A preview must show the latest build, never a cached one.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
