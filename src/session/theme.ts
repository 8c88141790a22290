/** The theme of a run: the compiled templates, compiled again only when one changed. */
import type { SiteConfig } from '../config/config.js';
import type { SiteSources } from '../load/load.js';
import { createRenderer } from '../render/render.js';
import type { State, Theme } from './state.js';
import { digestTemplates } from './template-deps.js';

/**
 * The compiled theme for the sources' templates and helpers, from `state` when their
 * texts (and the helpers.js versions) are unchanged.
 */
export function themeFor(state: State, sources: SiteSources, config: SiteConfig): Theme {
  const { templates, helpers } = sources;
  const helperStamp = helpers.map((module) => `${module.path}@${module.hash}`).join(',');
  if (state.theme?.templates === templates && state.theme.helperStamp === helperStamp) {
    return state.theme;
  }
  const previous = state.theme;
  const sameTexts =
    previous !== null &&
    previous.helperStamp === helperStamp &&
    previous.templates.length === templates.length &&
    previous.templates.every((t, i) => {
      const other = templates[i];
      return other?.path === t.path && other.text === t.text && other.name === t.name;
    });
  if (previous && sameTexts) {
    state.theme = { ...previous, templates };
    return state.theme;
  }
  const { render, errors } = createRenderer(templates, config, helpers);
  // Any page may call a helper, so a changed helpers.js changes every page's digest.
  const digests = new Map(
    [...digestTemplates(templates)].map(([name, digest]) => [name, `${digest}:${helperStamp}`]),
  );
  state.theme = { templates, helperStamp, render, errors, digests };
  return state.theme;
}
