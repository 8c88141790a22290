/** The theme of a run: the compiled templates, compiled again only when one changed. */
import type { SiteConfig } from '../config/config.js';
import type { SiteSources } from '../load/load.js';
import { createRenderer } from '../render/render.js';
import type { State, Theme } from './state.js';
import { digestTemplates } from './template-deps.js';

/** The compiled theme for `templates`, from `state` when their texts are unchanged. */
export function themeFor(
  state: State,
  templates: SiteSources['templates'],
  config: SiteConfig,
): Theme {
  if (state.theme?.templates === templates) return state.theme;
  const previous = state.theme;
  const sameTexts =
    previous !== null &&
    previous.templates.length === templates.length &&
    previous.templates.every((t, i) => {
      const other = templates[i];
      return other?.path === t.path && other.text === t.text && other.name === t.name;
    });
  if (previous && sameTexts) {
    state.theme = { ...previous, templates };
    return state.theme;
  }
  const { render, errors } = createRenderer(templates, config);
  state.theme = { templates, render, errors, digests: digestTemplates(templates) };
  return state.theme;
}
