/* global console */
/**
 * The table `npm run bench` prints for one corpus size (bench/bench.js measures): one row
 * per build, then the ratios of issue 13 with the goal each is checked against.
 */

const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const PEER_NAMES = {
  hugo: 'Hugo 0.111',
  eleventy: 'Eleventy 3.1.8',
  floor: 'I/O floor',
  hexo: 'Hexo 8',
};
const seconds = (ms) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const mib = (x) => (Number.isNaN(x) ? '–' : `${x.toFixed(0)} MiB`);
const spread = (xs) =>
  xs.length > 1
    ? ` (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)})`
    : '';

/** The dev rows of bench/rebuild.js, by its result names. */
const DEV_ROWS = [
  ['engine body', '`rubric dev` one-post body edit, engine', 50],
  ['watch body', '`rubric dev` one-post body edit, watcher', 50],
  ['engine label', '`rubric dev` label change, engine', 150],
  ['watch label', '`rubric dev` label change, watcher', 150],
];

/** Prints the table of one size. `rows`: samples by row name; `dev`: one rebuild.js result a round. */
export function printTable({ size, rounds, rows, dev, pages, peers, rubric }) {
  const lines = [
    '',
    `### ${size.toLocaleString('en')} posts (medians of ${rounds} round${rounds === 1 ? '' : 's'}; range)`,
    '',
    '| build | wall | user+sys CPU | peak RSS | ms per post | pages |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const m = (name, key) => (rows.has(name) ? median(rows.get(name)[key]) : NaN);
  for (const [name, s] of rows) {
    const tool = peers.includes(name) ? name : name.split(' ')[0];
    lines.push(
      `| ${PEER_NAMES[name] ?? name} | ${seconds(median(s.ms))}${spread(s.ms)} | ${seconds(median(s.cpuMs))} | ` +
        `${mib(median(s.rssMiB))} | ${(median(s.ms) / size).toFixed(2)} | ${pages[tool] ?? '–'} |`,
    );
  }
  for (const [key, label] of DEV_ROWS) {
    if (dev.length === 0) break;
    const wall = median(dev.map((d) => d[key].median));
    const cpu = median(dev.map((d) => d[key].cpu ?? NaN));
    const rss = median(dev.map((d) => d.rssMiB));
    lines.push(
      `| ${label} | ${wall.toFixed(1)} ms | ${Number.isNaN(cpu) ? '–' : `${cpu.toFixed(1)} ms`} | ${mib(rss)} | | |`,
    );
  }

  const ratio = (a, b) => a / b;
  const rss = Math.max(
    ...['cold', 'warm, output present', 'warm, output folder empty'].map((r) =>
      m(`${rubric} ${r}`, 'rssMiB'),
    ),
  );
  const checks = [
    ['cold / Eleventy', ratio(m(`${rubric} cold`, 'ms'), m('eleventy', 'ms')), 1.0],
    [
      'warm, output folder empty / Hugo',
      ratio(m(`${rubric} warm, output folder empty`, 'ms'), m('hugo', 'ms')),
      0.5,
    ],
    [
      'warm, output present / Hugo',
      ratio(m(`${rubric} warm, output present`, 'ms'), m('hugo', 'ms')),
      0.3,
    ],
    ['peak RSS (largest build) / Eleventy', ratio(rss, m('eleventy', 'rssMiB')), 1.0],
    ['cold CPU / Eleventy CPU', ratio(m(`${rubric} cold`, 'cpuMs'), m('eleventy', 'cpuMs')), null],
    [
      'warm, output folder empty / I/O floor',
      ratio(m(`${rubric} warm, output folder empty`, 'ms'), m('floor', 'ms')),
      null,
    ],
  ];
  for (const [name] of rows) {
    if (!name.endsWith(' cold') || name === `${rubric} cold`) continue;
    checks.push([
      `${name} / ${rubric} cold`,
      ratio(m(name, 'ms'), m(`${rubric} cold`, 'ms')),
      null,
    ]);
  }
  lines.push('', '| ratio or figure | value | goal | met |', '| --- | ---: | ---: | :---: |');
  for (const [name, value, goal] of checks) {
    if (Number.isNaN(value)) continue;
    const met =
      goal === null ? '' : value <= goal ? 'yes' : `no (${(value / goal).toFixed(2)} × goal)`;
    lines.push(
      `| ${name} | ${value.toFixed(2)} | ${goal === null ? '' : `≤ ${goal.toFixed(1)}`} | ${met} |`,
    );
  }
  for (const [key, label, goal] of DEV_ROWS) {
    if (dev.length === 0) break;
    const wall = median(dev.map((d) => d[key].median));
    const met = wall <= goal ? 'yes' : `no (${(wall / goal).toFixed(2)} × goal)`;
    lines.push(`| ${label} | ${wall.toFixed(1)} ms | ≤ ${goal} ms | ${met} |`);
  }
  if (dev.length > 0) {
    const load = median(dev.map((d) => d.load));
    lines.push(
      `| load average during the dev rows | ${load.toFixed(1)} | ≥ 2 (the goal's condition) | ${load >= 2 ? 'yes' : 'no'} |`,
    );
  }
  console.log(lines.join('\n'));
}
