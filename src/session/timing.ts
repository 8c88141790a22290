/**
 * How long each stage of a run took, for the dev log and the benchmark: one clock per run,
 * read once at the end of each stage, so the stages' times add up to the run's.
 */

/** The stages a run times, in pipeline order. */
export const TIMED_STAGES = ['load', 'parse', 'model', 'route', 'check', 'render'] as const;

/** A stage a run times. */
export type TimedStage = (typeof TIMED_STAGES)[number];

/** Milliseconds spent in each stage. */
export type StageTimings = Readonly<Record<TimedStage, number>>;

/** The clock of one run. */
export interface StageClock {
  /** Ends `stage`: the time since the last stage ended (or the clock started) is its. */
  lap(stage: TimedStage): void;
  /** Every stage's milliseconds, in pipeline order; 0 for a stage that never ended. */
  timings(): StageTimings;
}

/** Starts the clock of a run. */
export function startClock(): StageClock {
  let last = performance.now();
  const spent = new Map<TimedStage, number>();
  return {
    lap(stage) {
      const now = performance.now();
      spent.set(stage, now - last);
      last = now;
    },
    timings() {
      const entries = TIMED_STAGES.map((stage) => [stage, spent.get(stage) ?? 0] as const);
      return Object.fromEntries(entries) as Record<TimedStage, number>;
    },
  };
}
