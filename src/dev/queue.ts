/**
 * The watch queue: file events come in bursts (an editor's save is often a write, a
 * rename and a delete), so they are gathered for a short quiet spell, then handed over
 * as one batch. Never two builds at once: paths that arrive while a build runs wait,
 * and when it ends they make exactly one more build, however many arrived. A build that
 * throws is handed to `onError` (it is never swallowed) and the queue goes on: the next
 * change builds again.
 */

/** Runs `callback` after the quiet spell; returns a function that cancels it. */
export type Schedule = (callback: () => void) => () => void;

/** A queue of changed paths in front of a build. */
export interface ChangeQueue {
  /** Adds changed paths; a build follows once the events stop for a moment. */
  add(paths: readonly string[]): void;
  /** Resolves when nothing is scheduled or running. */
  idle(): Promise<void>;
  /** Drops what is waiting and resolves once a running build has ended. */
  close(): Promise<void>;
}

/**
 * Makes a queue in front of `build`, which gets each batch of distinct paths in order;
 * `onError` hears what a build threw.
 */
export function createQueue(
  build: (paths: readonly string[]) => Promise<void>,
  schedule: Schedule,
  onError: (error: unknown, paths: readonly string[]) => void,
): ChangeQueue {
  let pending: string[] = [];
  let cancel: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (cancel || running) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  const arm = () => {
    cancel?.();
    cancel = schedule(fire);
  };
  function fire() {
    cancel = null;
    if (running || closed || pending.length === 0) {
      settle();
      return;
    }
    const batch = [...new Set(pending)];
    pending = [];
    running = build(batch)
      .catch((error: unknown) => {
        onError(error, batch);
      })
      .finally(() => {
        running = null;
        if (pending.length > 0 && !closed) arm();
        else settle();
      });
  }

  return {
    add(paths) {
      if (closed || paths.length === 0) return;
      pending.push(...paths);
      // While a build runs, the paths wait for it; it re-arms the timer when it ends.
      if (!running) arm();
    },
    idle() {
      if (!cancel && !running) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      cancel?.();
      cancel = null;
      pending = [];
      if (running) await running;
      settle();
    },
  };
}

/** The usual schedule: a timer of `ms` milliseconds. */
export function after(ms: number): Schedule {
  return (callback) => {
    const timer = setTimeout(callback, ms);
    return () => {
      clearTimeout(timer);
    };
  };
}
