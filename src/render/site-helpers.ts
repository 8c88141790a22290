/**
 * Helpers from a site's or theme's `templates/helpers.js`, made ready to register on a
 * build's own Handlebars environment. Each is wrapped so that a helper that throws, or
 * that returns a promise (Handlebars would print `[object Promise]`), fails the page
 * with an error that names the helper and the file it comes from.
 */
import type { HelperDelegate } from 'handlebars';
import type { HelperModule } from '../load/theme.js';

/** Thrown through Handlebars when a site helper fails; the renderer reports it. */
export class HelperFailure extends Error {
  constructor(
    /** The helper's name, as templates call it. */
    readonly helper: string,
    /** The helpers.js it comes from: `templates/helpers.js`. */
    readonly file: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** The helpers of `modules`, later modules over earlier ones by name. */
export function siteHelpers(modules: readonly HelperModule[]): Record<string, HelperDelegate> {
  const helpers: Record<string, HelperDelegate> = {};
  for (const module of modules) {
    for (const [name, helper] of module.helpers) {
      helpers[name] = function (this: unknown, ...args: unknown[]): unknown {
        let value: unknown;
        try {
          value = helper.apply(this, args);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new HelperFailure(name, module.path, `it threw: ${reason}`);
        }
        if (isThenable(value)) {
          throw new HelperFailure(
            name,
            module.path,
            'it returned a promise, and pages are rendered synchronously',
          );
        }
        return value;
      };
    }
  }
  return helpers;
}

function isThenable(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'then' in value &&
    typeof value.then === 'function'
  );
}
