/**
 * Near-miss settings files: a site with `site.yml` or `_config.yml` and no `site.yaml`
 * would otherwise be built with the defaults and no word about why its settings are ignored.
 */
import { readdir } from 'node:fs/promises';
import { buildWarning, type BuildWarning } from '../errors.js';

/** The one name Rubric reads its settings from. */
export const CONFIG_FILE = 'site.yaml';

/** Names other generators use, or a slip of the keyboard, that Rubric does not read. */
const NEAR_MISSES = new Set([
  'site.yml',
  'site.json',
  'site.toml',
  'site.yaml.txt',
  'config.yaml',
  'config.yml',
  'config.json',
  'config.toml',
  '_config.yml',
  '_config.yaml',
  'hugo.toml',
  'hugo.yaml',
  'rubric.yaml',
  'rubric.yml',
  'rubric.json',
]);

/** The settings files under other names in `root`, when there is no site.yaml. */
export async function nearMissConfigWarnings(root: string): Promise<BuildWarning[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  if (names.includes(CONFIG_FILE)) return [];
  return names
    .filter((name) => NEAR_MISSES.has(name.toLowerCase()) || name === 'Site.yaml')
    .sort()
    .map((name) =>
      buildWarning(
        'ConfigFileName',
        { file: name },
        `${name} is not read: Rubric reads its settings from ${CONFIG_FILE} only, so this site is built with the defaults.`,
        `Rename it to ${CONFIG_FILE} (YAML), or delete it if it belongs to another tool.`,
      ),
    );
}
