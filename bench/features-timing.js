/* global Buffer, process, setTimeout */
/**
 * Times one `rubric build --json` for bench/features.js: wall time, user+sys CPU and peak
 * RSS of the build process from GNU time, as bench/bench.js measures them, plus what the
 * Pagefind service costs. Pagefind's Node API starts its binary as a child it never waits
 * for (`unref`), so it outlives the build and neither GNU time nor the build's own usage
 * counts it: its CPU and peak RSS are read from /proc while the build runs (every 50 ms;
 * the last reading stands, so at most the final 50 ms of an idle service are missed).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TICKS = 100;

/** True when CPU and peak RSS can be measured (GNU time is installed). */
export const canMeasure = TIME !== null;

/** The process ids under `pid`, children first, from /proc. */
function descendants(pid) {
  const found = [];
  const walk = (at) => {
    let tasks;
    try {
      tasks = readFileSync(`/proc/${at}/task/${at}/children`, 'utf8').trim();
    } catch {
      return;
    }
    for (const child of tasks === '' ? [] : tasks.split(/\s+/)) {
      found.push(Number(child));
      walk(Number(child));
    }
  };
  walk(pid);
  return found;
}

/** A Pagefind process's CPU ms so far and peak RSS MiB, or null when it is gone. */
function readPagefind(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (!name.startsWith('pagefind')) return null;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1000;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    return { cpuMs, rssMiB: hwm ? Number(hwm[1]) / 1024 : NaN };
  } catch {
    return null;
  }
}

/**
 * Runs `node args…` under GNU time; resolves to wall ms, CPU ms (the build's and Pagefind's
 * together), `pagefindCpuMs`, peak RSS of the build process and of Pagefind, and the
 * build's `--json` report. Rejects when the build fails.
 */
export function timedBuild(args) {
  const [command, full] = TIME
    ? [TIME, ['-f', 'RSSKB=%M CPU=%U+%S', process.execPath, ...args]]
    : [process.execPath, args];
  const started = process.hrtime.bigint();
  const child = spawn(command, full, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.on('data', (chunk) => err.push(chunk));
  const pagefind = new Map();
  let polling = true;
  const poll = () => {
    if (!polling) return;
    for (const pid of descendants(child.pid)) {
      const reading = readPagefind(pid);
      if (!reading) continue;
      // An exited service (a zombie until it is reaped) still has its CPU but no memory.
      const before = pagefind.get(pid);
      const rss = [reading.rssMiB, before?.rssMiB ?? NaN].filter((x) => !Number.isNaN(x));
      pagefind.set(pid, {
        cpuMs: Math.max(reading.cpuMs, before?.cpuMs ?? 0),
        rssMiB: rss.length ? Math.max(...rss) : NaN,
      });
    }
    setTimeout(poll, 50);
  };
  poll();
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      polling = false;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) {
        reject(new Error(`rubric ${args.join(' ')} exited ${code}:\n${stdout}\n${stderr}`));
        return;
      }
      const usage = /RSSKB=(\d+) CPU=([\d.]+)\+([\d.]+)/.exec(stderr);
      const services = [...pagefind.values()];
      const pagefindCpuMs = services.reduce((sum, s) => sum + s.cpuMs, 0);
      const buildCpuMs = usage ? (Number(usage[2]) + Number(usage[3])) * 1000 : NaN;
      resolve({
        ms,
        cpuMs: buildCpuMs + pagefindCpuMs,
        pagefindCpuMs,
        rssMiB: usage ? Number(usage[1]) / 1024 : NaN,
        pagefindRssMiB: services.length ? Math.max(...services.map((s) => s.rssMiB)) : NaN,
        report: JSON.parse(stdout.slice(stdout.indexOf('{'))),
      });
    });
  });
}
