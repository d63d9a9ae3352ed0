// Timing and memory of child processes. Wall time is taken around a
// synchronous spawn; peak RSS comes from GNU time (-v) when it is installed,
// else from a module preloaded into the (Node) child that prints its own
// process.resourceUsage().maxRSS (kilobytes on Linux) when it exits.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0 ? '/usr/bin/time' : null;
const RSS_REPORT = new URL('./rss-report.mjs', import.meta.url).href;

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Run a command once; throws when it fails. Returns wall milliseconds. */
export function timeOnce(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}: ${String(r.stderr ?? '').slice(0, 500)}`);
  return ms;
}

/**
 * Several commands measured in rounds (one run of each per round, in turn),
 * so that a burst of load from others on the machine hits all of them alike.
 * Returns the median wall time of each, after one unmeasured warm-up round
 * (file cache).
 */
export function interleaved(commands, rounds) {
  const times = commands.map(() => []);
  for (let r = -1; r < rounds; r++) {
    commands.forEach(({ cmd, args, opts }, i) => {
      const ms = timeOnce(cmd, args, opts);
      if (r >= 0) times[i].push(ms);
    });
  }
  return times.map((t) => ({ median: median(t), min: Math.min(...t), runs: t.length }));
}

/** Wall time, CPU time (user + system, all threads), peak RSS (bytes) and standard output of one run. */
export function timeAndPeakRss(cmd, args, opts = {}) {
  if (GNU_TIME) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(GNU_TIME, ['-v', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.slice(-500)}`);
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
    if (!kb || !user || !sys) throw new Error('GNU time printed no maximum resident set size or CPU times');
    const cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
    return { ms, cpuMs, peakRss: Number(kb[1]) * 1024, stdout: r.stdout, rssBy: 'GNU time -v' };
  }
  if (cmd !== process.execPath) throw new Error('without GNU time, peak RSS is measured for Node commands only');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, ['--import', RSS_REPORT, ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const m = /^planparse-bench maxrss-kb (\d+) cpu-us (\d+)$/m.exec(r.stderr);
  if (!m) throw new Error('the child printed no maxRSS');
  return { ms, cpuMs: Number(m[2]) / 1000, peakRss: Number(m[1]) * 1024, stdout: r.stdout, rssBy: 'process.resourceUsage().maxRSS in the child' };
}
