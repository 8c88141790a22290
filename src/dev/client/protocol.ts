/**
 * What the dev server and the pages it serves say to each other. Shared by the server
 * (`dev/reload.ts`, Node) and the page scripts (this folder, the browser), so it uses
 * neither's globals.
 */

/** Where pages listen for builds. Outside any site path a build writes (`__` prefix). */
export const EVENTS_PATH = '/__rubric/events';

/** Where the page scripts (this folder, compiled) are served from. */
export const CLIENT_PATH = '/__rubric/client/';

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
