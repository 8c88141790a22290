/**
 * The summary an import prints: what was carried over, what was skipped and why, and
 * what happened to each file. Pure, so the CLI only prints it.
 */
import { plural } from '../plural.js';
import type { ImportSuccess } from './import.js';

const FORMAT_NAMES: Readonly<Record<ImportSuccess['format'], string>> = {
  classic: 'classic Blogger backup',
  takeout: 'Blogger export (2018 format)',
  wordpress: 'WordPress export (WXR)',
  jekyll: 'Jekyll site',
  hugo: 'Hugo site',
};

/** The lines of an import's summary. */
export function importSummary(result: ImportSuccess): string[] {
  const { counts, files, images } = result;
  const format = FORMAT_NAMES[result.format];
  const lines = [
    `read a ${format}: ${[
      plural(counts.posts, 'post'),
      plural(counts.drafts, 'draft'),
      `${counts.scheduled} scheduled`,
      plural(counts.pages, 'page'),
      plural(counts.comments, 'comment'),
      plural(counts.labels, 'label'),
    ].join(', ')}`,
  ];
  const byReason = new Map<string, number[]>();
  for (const entry of result.skipped) {
    const key = `${entry.kind}: ${entry.reason}`;
    byReason.set(key, [...(byReason.get(key) ?? []), entry.line]);
  }
  if (result.skipped.length > 0) {
    const n = result.skipped.length;
    lines.push(`skipped ${plural(n, 'entry', 'entries')}:`);
    for (const [reason, at] of byReason) {
      const where =
        at.length === 1 ? `line ${at[0] ?? 0}` : `${at.length}×, first at line ${at[0] ?? 0}`;
      lines.push(`  ${reason} (${where})`);
    }
  }
  lines.push(...result.notes);
  if (images) {
    lines.push(
      `images: ${images.downloaded} downloaded, ${images.present} already there, ${images.failed.length} left where they were`,
    );
    lines.push(...images.failed.map((failure) => `  not downloaded: ${failure}`));
  }
  const wrote = result.dryRun ? 'dry run, nothing written: would write' : 'wrote';
  lines.push(
    `${wrote} ${plural(files.written.length, 'file')}, ${files.unchanged.length} unchanged, ${files.kept.length} kept as they were`,
  );
  if (result.dryRun) lines.push(...files.written.map((file) => `  ${file}`));
  if (files.kept.length > 0) {
    lines.push(
      `  these exist and differ from the import; --force overwrites them: ${files.kept.join(', ')}`,
    );
  }
  return lines;
}
