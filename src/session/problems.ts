/** The errors and warnings a run gathers from its stages, in the order they reported. */
import type { BuildError, BuildWarning } from '../errors.js';

/** What a stage reports: the shape every stage's result has. */
export interface Report {
  readonly errors: readonly BuildError[];
  readonly warnings?: readonly BuildWarning[];
}

/** A run's problems so far. */
export interface Problems {
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
  /** Adds a stage's problems. */
  report(report: Report): void;
}

/** Starts a run's problems, with those known before any stage ran (`site.yaml`'s). */
export function gatherProblems(initial: readonly BuildError[]): Problems {
  const errors: BuildError[] = [...initial];
  const warnings: BuildWarning[] = [];
  return {
    errors,
    warnings,
    report(report) {
      // Most reports are empty: thousands of posts each report nothing.
      if (report.errors.length > 0) errors.push(...report.errors);
      if (report.warnings && report.warnings.length > 0) warnings.push(...report.warnings);
    },
  };
}
