/**
 * The commit step (moving staged files into the output folder) is short, writes no data
 * and is journalled, but a Ctrl+C in the middle of it would still leave the output part
 * old and part new until the next build. So Ctrl+C (SIGINT), SIGTERM and SIGHUP wait
 * for it: they are held while it runs and delivered again once it is done, so the
 * process still ends as it was told to. Only SIGKILL (or a crash) can stop a commit
 * half way, and the journal lets the next build finish it.
 *
 * The write stage's edge with `process`: it is the only part of the build that must
 * outlast a signal.
 */

const DEFERRED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Deferred = (typeof DEFERRED)[number];

/** Signals held while a commit runs. */
export interface SignalHold {
  /** Settles when one of the held signals arrives. */
  readonly arrived: Promise<void>;
  /** Stops holding; a signal that arrived meanwhile is raised again (unless another part handles it). */
  release(): void;
}

/** Holds SIGINT, SIGTERM and SIGHUP until `release`. */
export function holdSignals(): SignalHold {
  let received: Deferred | null = null;
  const { promise: arrived, resolve: arrive } = withResolvers();
  // `rubric dev` handles Ctrl+C itself (and its listener, added with `once`, is gone by
  // the time it has fired): whoever listened before the hold is left to act on it.
  const handledElsewhere = new Set(DEFERRED.filter((signal) => process.listenerCount(signal) > 0));
  const listeners = DEFERRED.map((signal) => {
    const listener = () => {
      received ??= signal;
      arrive();
    };
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  return {
    arrived,
    release() {
      for (const [signal, listener] of listeners) process.off(signal, listener);
      if (received !== null && !handledElsewhere.has(received)) {
        process.kill(process.pid, received);
      }
    },
  };
}

/** `Promise.withResolvers`, which Node 20 lacks. */
function withResolvers(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/**
 * A pause for the interrupt tests, which must kill a real build at a known point:
 * `RUBRIC_TEST_PAUSE_STAGE=N` pauses once N files are staged, `RUBRIC_TEST_PAUSE_COMMIT=N`
 * once N files are moved into place. The build says so on stderr and waits (for a held
 * signal, or for ever). Unset, it costs one comparison per file.
 */
export class TestPause {
  #at: number | null;
  readonly #phase: string;
  #count = 0;

  constructor(phase: 'stage' | 'commit') {
    const value = process.env[`RUBRIC_TEST_PAUSE_${phase.toUpperCase()}`];
    this.#at = value === undefined || value === '' ? null : Number(value);
    this.#phase = phase;
  }

  /** Whether a pause is set: the caller then works one file at a time, so N is exact. */
  get active(): boolean {
    return this.#at !== null;
  }

  /**
   * Counts files done (none, to check before the first); pauses once the count reaches N
   * (a folder moved whole counts all its files, and may step past N).
   */
  async step(done: number, until?: Promise<void>): Promise<void> {
    this.#count += done;
    if (this.#at === null || this.#count < this.#at) return;
    this.#at = null;
    process.stderr.write(`rubric: test pause: ${this.#phase} ${String(this.#count)}\n`);
    let timer: NodeJS.Timeout | undefined;
    // The timer keeps the process alive while it waits; a pending promise alone would not.
    const forever = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 2 ** 31 - 1);
    });
    await Promise.race(until ? [forever, until] : [forever]);
    clearTimeout(timer);
  }
}
