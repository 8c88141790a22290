/**
 * Live reload over server-sent events. Every page the dev server sends gets a small
 * script (added as the page is served, never written to the output) that listens on
 * {@link EVENTS_PATH}. After a build, the server tells open pages which files it wrote:
 * a page reloads when its own file was among them, and otherwise swaps its stylesheets
 * in place when CSS changed. After a failed build, every open page shows the errors in an overlay,
 * which goes away on the next good build.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BuildError } from '../errors.js';

/** Where pages listen for builds. Outside any site path a build writes (`__` prefix). */
export const EVENTS_PATH = '/__rubric/events';

/** What the server tells open pages. */
export type ReloadMessage =
  | { readonly type: 'built'; readonly files: readonly string[] }
  | { readonly type: 'failed'; readonly errors: readonly OverlayError[] };

/** An error as the overlay shows it. */
export interface OverlayError {
  /** `posts/a.md:3:7` */
  readonly location: string;
  readonly message: string;
  readonly hint: string;
  readonly name: string;
}

/** The open pages, and what to tell a page that opens while the site is broken. */
export interface ReloadHub {
  /** Answers a request for {@link EVENTS_PATH}: keeps the response open as an event stream. */
  connect(req: IncomingMessage, res: ServerResponse): void;
  /** Tells every open page; a `failed` message is also told to pages that open later. */
  broadcast(message: ReloadMessage): void;
  /** Ends every stream, so the server can close. */
  close(): void;
}

/** Makes the hub. */
export function createReloadHub(): ReloadHub {
  const clients = new Set<ServerResponse>();
  let failure: ReloadMessage | null = null;
  const write = (res: ServerResponse, message: ReloadMessage) => {
    res.write(`data: ${JSON.stringify(message)}\n\n`);
  };
  return {
    connect(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': rubric\n\n');
      clients.add(res);
      if (failure) write(res, failure);
      req.on('close', () => clients.delete(res));
    },
    broadcast(message) {
      failure = message.type === 'failed' ? message : null;
      for (const res of clients) write(res, message);
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}

/** The errors of a build as the overlay shows them. */
export function overlayErrors(
  errors: readonly BuildError[],
  locate: (e: BuildError) => string,
): OverlayError[] {
  return errors.map((e) => ({
    location: locate(e),
    message: e.message,
    hint: e.hint,
    name: e.name,
  }));
}

/**
 * Adds the client to a page served from `file` (its path in the output folder). Goes
 * before `</body>` when there is one, else at the end, so any HTML page gets it.
 */
export function injectClient(html: string, file: string): string {
  const script = `<script type="module" data-rubric-dev>${clientSource(file)}</script>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? `${html}${script}` : `${html.slice(0, at)}${script}${html.slice(at)}`;
}

/**
 * The browser side. Built as text with the served file's path in it (as JSON, with `<`
 * escaped so nothing in a path can close the script element).
 */
function clientSource(file: string): string {
  const served = JSON.stringify(file).replace(/</g, '\\u003c');
  return `
const served = ${served};
const OVERLAY = 'rubric-error-overlay';
const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
const hide = () => document.getElementById(OVERLAY)?.remove();
const show = (errors) => {
  hide();
  const box = document.createElement('div');
  box.id = OVERLAY;
  box.setAttribute('role', 'alert');
  box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;' +
    'background:rgba(20,20,20,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace';
  const title = document.createElement('h2');
  title.textContent = 'Rubric: the build failed';
  title.style.cssText = 'margin:0 0 1rem;color:#ff7b72;font-size:1.2rem';
  box.append(title);
  for (const error of errors) {
    const item = document.createElement('section');
    item.className = 'rubric-error';
    item.style.cssText = 'margin:0 0 1.25rem;border-left:3px solid #ff7b72;padding-left:1rem';
    const where = document.createElement('p');
    where.className = 'rubric-error-location';
    where.style.cssText = 'margin:0;color:#79c0ff';
    where.textContent = error.location + '  [' + error.name + ']';
    const what = document.createElement('p');
    what.className = 'rubric-error-message';
    what.style.margin = '.25rem 0';
    what.textContent = error.message;
    const fix = document.createElement('p');
    fix.className = 'rubric-error-hint';
    fix.style.cssText = 'margin:0;color:#aaa';
    fix.textContent = error.hint;
    item.append(where, what, fix);
    box.append(item);
  }
  document.body.append(box);
};
const swapStylesheets = () => {
  for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
    const url = new URL(link.href);
    url.searchParams.set('rubric', String(Date.now()));
    link.href = url.href;
  }
};
events.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === 'failed') return show(message.errors);
  hide();
  const files = message.files;
  if (files.includes(served)) return location.reload();
  if (files.some((f) => f.endsWith('.css'))) swapStylesheets();
};
`;
}
