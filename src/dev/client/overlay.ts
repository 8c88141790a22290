/**
 * The error overlay: a custom element whose shadow root holds its markup and styles, so
 * the page's CSS cannot restyle it and its CSS cannot leak into the page (as Vite's
 * `vite-error-overlay`). Every text is set with `textContent`, never parsed as HTML: a
 * message quotes what an author wrote.
 */
import type { OverlayError } from './protocol.js';

/** The element's tag; one overlay per page at a time. */
export const OVERLAY_TAG = 'rubric-error-overlay';

const STYLE = `
:host {
  position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
  background: rgba(20, 20, 20, 0.94); color: #f5f5f5;
  font: 14px/1.5 ui-monospace, Menlo, Consolas, monospace;
}
.frame { max-width: 60rem; margin: 0 auto; padding: 2rem; }
header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
h2 { margin: 0 0 1rem; color: #ff7b72; font-size: 1.2rem; }
button {
  font: inherit; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid #666; border-radius: 4px; padding: 0.1rem 0.6rem;
}
button:focus-visible { outline: 2px solid #79c0ff; }
section { margin: 0 0 1.25rem; border-left: 3px solid #ff7b72; padding-left: 1rem; }
.location { margin: 0; color: #79c0ff; }
.name { color: #aaa; }
.message { margin: 0.25rem 0; white-space: pre-wrap; }
.hint { margin: 0; color: #aaa; white-space: pre-wrap; }
.tip { margin: 2rem 0 0; color: #888; }
`;

/** A failed build's errors over the page, until closed (Esc, the button) or removed. */
export class ErrorOverlay extends HTMLElement {
  readonly #root: ShadowRoot;
  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.close();
  };

  constructor() {
    super();
    // Open, so tests (and curious users) can look inside.
    this.#root = this.attachShadow({ mode: 'open' });
  }

  /** The errors shown, as text: what a reader who closes the overlay has seen. */
  shown = '';

  /** Shows these errors, replacing any shown before. */
  show(errors: readonly OverlayError[]): void {
    this.shown = JSON.stringify(errors);
    const style = document.createElement('style');
    style.textContent = STYLE;
    const frame = element('div', 'frame');
    frame.setAttribute('role', 'alert');
    frame.append(header(this), ...errors.map(errorSection), tip());
    this.#root.replaceChildren(style, frame);
  }

  /** Takes the overlay off the page, as the reader asked: these errors stay closed. */
  close(): void {
    dismissed = this.shown;
    this.remove();
  }

  connectedCallback(): void {
    document.addEventListener('keydown', this.#onKey);
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKey);
  }
}

/** The title and the close button. */
function header(overlay: ErrorOverlay): HTMLElement {
  const top = document.createElement('header');
  const title = element('h2', 'title', 'Rubric: the build failed');
  const button = element('button', 'close', 'Close');
  button.type = 'button';
  button.addEventListener('click', () => {
    overlay.close();
  });
  top.append(title, button);
  return top;
}

/** One error: where (`file:line:col` and its name), what happened, what to do. */
function errorSection(error: OverlayError): HTMLElement {
  const item = element('section', 'error');
  const where = element('p', 'location', error.location);
  where.append(' ', element('span', 'name', `[${error.name}]`));
  item.append(where, element('p', 'message', error.message), element('p', 'hint', error.hint));
  return item;
}

function tip(): HTMLElement {
  return element('p', 'tip', 'Fix the file and save: the page updates. Esc closes this.');
}

/** An element with a class and, when given, its text (set as text, never as HTML). */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Registers the element once, however often the module is loaded. */
export function defineOverlay(): void {
  if (!customElements.get(OVERLAY_TAG)) customElements.define(OVERLAY_TAG, ErrorOverlay);
}

/**
 * The errors the reader closed, as text. A save often reaches the watcher as two changes
 * (the file emptied, then written), so the same failed build can be reported twice: the
 * second report must not bring back an overlay the reader has just closed.
 */
let dismissed: string | null = null;

/**
 * Shows the errors in the page's overlay, putting one on the page when there is none;
 * not the very errors the reader closed.
 */
export function showOverlay(errors: readonly OverlayError[]): void {
  if (JSON.stringify(errors) === dismissed) return;
  defineOverlay();
  let overlay = document.querySelector<ErrorOverlay>(OVERLAY_TAG);
  if (!overlay) {
    overlay = new ErrorOverlay();
    document.body.append(overlay);
  }
  overlay.show(errors);
}

/** Takes the overlay off the page, if there is one: the build is good again. */
export function hideOverlay(): void {
  dismissed = null;
  document.querySelector(OVERLAY_TAG)?.remove();
}
