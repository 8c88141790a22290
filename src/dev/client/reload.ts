/**
 * The live-reload script every page the dev server sends loads. It listens for builds on
 * {@link EVENTS_PATH}: a page reloads when its own file was written, swaps its stylesheets
 * in place when only CSS changed, and shows the errors of a failed build in the overlay
 * until the next good build.
 */
import { hideOverlay, showOverlay } from './overlay.js';
import { EVENTS_PATH, type ReloadMessage } from './protocol.js';

/** Starts listening, for the page served from `served` (its path in the output folder). */
export function startLiveReload(served: string): void {
  const events = new EventSource(EVENTS_PATH);
  events.addEventListener('message', (event) => {
    // The server's own messages: JSON of a ReloadMessage, never anything else.
    handle(JSON.parse(String(event.data)) as ReloadMessage, served);
  });
}

function handle(message: ReloadMessage, served: string): void {
  if (message.type === 'failed') {
    showOverlay(message.errors);
    return;
  }
  hideOverlay();
  if (message.files.includes(served)) location.reload();
  else if (message.files.some((file) => file.endsWith('.css'))) swapStylesheets();
}

/** Points each stylesheet at a new URL, so the browser fetches it again without a reload. */
function swapStylesheets(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    const url = new URL(link.href);
    url.searchParams.set('rubric', String(Date.now()));
    link.href = url.href;
  }
}
