/* global console */
/**
 * The tables bench/features.js prints: each variant's cold build against base, then the
 * warm builds, then what the checks found in each variant's output.
 */

const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const seconds = (ms) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const mib = (x) => (Number.isNaN(x) ? '–' : `${x.toFixed(0)} MiB`);
const count = (n) => n.toLocaleString('en');

/** "+1.23 s (+4.5 %)" from base to `value`, both ms. */
function delta(value, base) {
  if (Number.isNaN(value) || Number.isNaN(base)) return '–';
  const d = value - base;
  const sign = d >= 0 ? '+' : '−';
  return `${sign}${(Math.abs(d) / 1000).toFixed(2)} s (${sign}${((Math.abs(d) / base) * 100).toFixed(1)} %)`;
}

/** The medians of one list of build samples. */
function medians(builds) {
  const of = (key) => median(builds.map((b) => b[key]));
  return {
    ms: of('ms'),
    cpuMs: of('cpuMs'),
    pagefindCpuMs: of('pagefindCpuMs'),
    rssMiB: of('rssMiB'),
    pagefindRssMiB: of('pagefindRssMiB'),
  };
}

const pagefindCell = (m) =>
  Number.isNaN(m.pagefindRssMiB) || m.pagefindCpuMs === 0
    ? '–'
    : `${seconds(m.pagefindCpuMs)}, ${mib(m.pagefindRssMiB)}`;

/** What the checks counted in a variant's output, in words. */
function found(totals) {
  const parts = [];
  const frames = (totals.youtube ?? 0) + (totals.vimeo ?? 0);
  if (frames) parts.push(`${count(frames)} video frames (${count(totals.vimeo ?? 0)} Vimeo)`);
  if (totals.figures) parts.push(`${count(totals.figures)} figures`);
  if (totals.math) parts.push(`${count(totals.math)} MathML formulas`);
  if (totals.comments)
    parts.push(`${count(totals.comments)} comments (${count(totals.replies)} replies)`);
  if (totals.authorPages)
    parts.push(
      `${totals.authorPages} author pages and feeds, ${count(totals.authors)} byline links`,
    );
  if (totals.searchFiles)
    parts.push(`${count(totals.searchFiles)} index files (${count(totals.searchFragments)} posts)`);
  return parts.join('; ') || 'none (checked absent)';
}

/** Prints the tables; `samples`: by variant name, `{ cold, warm, files, totals, warnings }`. */
export function printFeatureTables({ size, rounds, samples, load }) {
  const base = medians(samples.get('base').cold);
  const lines = [
    '',
    `### What each reader feature costs, ${count(size)} posts (cold builds, \`--no-cache\`; ` +
      `medians of ${rounds} round${rounds === 1 ? '' : 's'}; load average ${load.start} → ${load.end})`,
    '',
    '| variant | wall | Δ wall vs base | user+sys CPU | Δ CPU vs base | of it Pagefind (CPU, peak RSS) | peak RSS | files written | warnings |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, s] of samples) {
    const m = medians(s.cold);
    const isBase = name === 'base';
    lines.push(
      `| ${name} | ${seconds(m.ms)} | ${isBase ? '' : delta(m.ms, base.ms)} | ${seconds(m.cpuMs)} | ` +
        `${isBase ? '' : delta(m.cpuMs, base.cpuMs)} | ${pagefindCell(m)} | ${mib(m.rssMiB)} | ` +
        `${count(s.files)} | ${s.warnings} |`,
    );
  }
  const warmBase = medians(samples.get('base').warm);
  lines.push(
    '',
    '| warm build (cache kept, output present, nothing changed) | wall | Δ wall vs base | user+sys CPU | Δ CPU vs base | of it Pagefind (CPU, peak RSS) | peak RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, s] of samples) {
    if (s.warm.length === 0) continue;
    const m = medians(s.warm);
    const isBase = name === 'base';
    lines.push(
      `| ${name} | ${seconds(m.ms)} | ${isBase ? '' : delta(m.ms, warmBase.ms)} | ${seconds(m.cpuMs)} | ` +
        `${isBase ? '' : delta(m.cpuMs, warmBase.cpuMs)} | ${pagefindCell(m)} | ${mib(m.rssMiB)} |`,
    );
  }
  lines.push('', '| variant | checked in its output |', '| --- | --- |');
  for (const [name, s] of samples) lines.push(`| ${name} | ${found(s.totals)} |`);
  console.log(lines.join('\n'));
}
