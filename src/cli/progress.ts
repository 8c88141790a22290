/**
 * The live status line of a long build: one line on stderr, rewritten in place at most
 * {@link FRAMES_PER_SECOND} times a second and erased at the end. The build reports every
 * batch and page; this keeps only the latest and draws when enough time has passed, so a
 * report costs a comparison and the build does not wait on the terminal.
 */
import type { BuildProgress } from '../build.js';

const FRAMES_PER_SECOND = 5;
const FRAME_MS = 1000 / FRAMES_PER_SECOND;

/** Erases the line the cursor is on: carriage return, then clear to the end of line. */
const ERASE = '\r\x1b[2K';

const STAGE_NAMES: Record<BuildProgress['stage'], string> = {
  load: 'reading the site',
  parse: 'parsing posts',
  render: 'rendering pages',
  write: 'writing pages',
};

/** The text of the status line. */
export function statusText(progress: BuildProgress): string {
  const parts = [STAGE_NAMES[progress.stage]];
  if (progress.postsTotal > 0) parts.push(`posts ${progress.postsParsed}/${progress.postsTotal}`);
  if (progress.pagesTotal > 0) parts.push(`pages ${progress.pagesWritten}/${progress.pagesTotal}`);
  return parts.join('  ');
}

/** A status line drawn through `write`; `report` is the build's `onProgress`. */
export interface StatusLine {
  readonly report: (progress: BuildProgress) => void;
  /** Erases the line, if one was drawn. Call before printing anything else. */
  readonly end: () => void;
}

export function statusLine(
  write: (text: string) => void,
  clock = () => performance.now(),
): StatusLine {
  let last = -Infinity;
  let drawn = false;
  return {
    report(progress) {
      const now = clock();
      if (now - last < FRAME_MS) return;
      last = now;
      drawn = true;
      write(`${ERASE}rubric: ${statusText(progress)}`);
    },
    end() {
      if (drawn) write(ERASE);
      drawn = false;
    },
  };
}
