/** What `rubric build` prints: normal, `--quiet`, `--json`, and the live status line. */
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/cli.js';
import { makeSite, post } from '../support/site.js';

const site = {
  'site.yaml': 'title: T\nbaseUrl: https://example.org/\n',
  'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: 'Oman' }),
  'posts/b.md': post({ title: 'B', date: '2025-01-02', labels: 'oman' }),
  'posts/c.md': post({ title: 'C', date: '2025-01-03', draft: 'true' }),
};

/** What the status line starts with each time it is drawn, and what erases it. */
const ERASE = '\r\x1b[2K';

interface JsonProblem {
  name: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint: string;
}
interface JsonReport {
  ok: boolean;
  outDir: string;
  pages: number;
  posts: number;
  drafts: number;
  timingsMs: Record<string, number>;
  warnings: JsonProblem[];
  errors: JsonProblem[];
}

describe('rubric build output', () => {
  it('prints warnings, notes and the summary, and no status line in a pipe', async () => {
    const result = await runBin(['build'], await makeSite(site));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^warning posts\/a\.md:4:9 .*\[LabelVariants\]$/);
    expect(lines[1]).toBe('left out 1 draft (--drafts builds them)');
    expect(lines[2]).toMatch(/^built \d+ pages from 2 posts in \d+\.\d s into dist\/$/);
  });

  it('--quiet prints errors and the summary only', async () => {
    const result = await runBin(['build', '--quiet'], await makeSite(site));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^built \d+ pages from 2 posts in \d+\.\d s into dist\/\n$/);
    const broken = await runBin(
      ['build', '-q'],
      await makeSite({ 'posts/x.md': '---\ntitle: X\n---\n' }),
    );
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr.split('\n')[0]).toMatch(/^error posts\/x\.md:\d+:\d+ /);
  });

  it('--json prints one JSON object with counts, timings and problems with positions', async () => {
    const result = await runBin(['build', '--json'], await makeSite(site));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report).toMatchObject({ ok: true, outDir: 'dist', posts: 2, drafts: 1, errors: [] });
    expect(report.pages).toBeGreaterThan(5);
    expect(Object.keys(report.timingsMs).sort()).toEqual(
      ['check', 'load', 'model', 'parse', 'render', 'route', 'write'].sort(),
    );
    expect(report.warnings.map((w) => [w.name, w.file, w.line, w.column])).toEqual([
      ['LabelVariants', 'posts/a.md', 4, 9],
    ]);

    const failed = await runBin(
      ['build', '--json'],
      await makeSite({ 'posts/x.md': '---\ntitle: X\n---\n' }),
    );
    expect(failed.code).toBe(1);
    const errors = (JSON.parse(failed.stdout) as JsonReport).errors;
    expect(errors.map((e) => e.file)).toEqual(['posts/x.md']);
    expect(errors[0]?.line).toBeGreaterThan(0);
  });

  it('draws the status line on a terminal (forced here), erases it, and keeps stdout clean', async () => {
    const root = await makeSite(site);
    const shown = await runBin(['build'], root, { RUBRIC_FORCE_PROGRESS: '1' });
    expect(shown.code).toBe(0);
    expect(shown.stderr.startsWith(`${ERASE}rubric: reading the site`)).toBe(true);
    expect(shown.stderr.endsWith(ERASE)).toBe(true);
    expect(shown.stdout).not.toContain('\r');
    const quiet = await runBin(['build', '--quiet'], root, { RUBRIC_FORCE_PROGRESS: '1' });
    expect(quiet.stderr).toBe('');
    const json = await runBin(['build', '--json'], root, { RUBRIC_FORCE_PROGRESS: '1' });
    expect(json.stderr).toBe('');
  });
});
