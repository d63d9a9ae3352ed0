// npm run bench: where planparse stands on speed and memory, in one run.
// Builds a corpus from the seeds in a temporary folder, then measures
// start-up, batch throughput against an I/O floor, growth on 2 MB and 20 MB
// plans, and target extraction against a public recogniser; prints a table,
// writes bench/results.json. Every figure is a ratio to something measured
// in the same run, so the goals hold on any machine; the absolute times are
// for the record. The machine may be shared: medians, and the load average
// is printed beside them.
//   BENCH_FILES=300 npm run bench   (a smaller corpus, for a quick look)
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedParts, writeClauseLine, writeCorpus, writeLargePlan, writeTargetLine } from './corpus.mjs';
import { GNU_TIME, interleaved, median, timeAndPeakRss } from './measure.mjs';
import { comparePeer } from './peer.mjs';
import { benchHtml } from './html.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/planparse.js');
const SEEDS = join(ROOT, 'fixtures/seeds');
const GOLD = join(ROOT, 'fixtures/gold');
const NODE = process.execPath;
const FILES = Number(process.env.BENCH_FILES ?? 3000);
const HTML_FILES = Number(process.env.BENCH_HTML_FILES ?? 400);
const STARTUP_ROUNDS = 15;
const BATCH_ROUNDS = 2;
const CORES = availableParallelism();

const lib = await import(join(ROOT, 'dist/index.js'));
const work = mkdtempSync(join(tmpdir(), 'planparse-bench-'));
const log = (s) => process.stderr.write(s + '\n');
const MB = 1024 * 1024;

function countFiles(dir, ext) {
  // Dot-files (the out-dir's .planparse-cache.json) are not outputs.
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(ext) && !String(f).split('/').pop().startsWith('.')).length;
}

try {
  const machine = {
    cpus: cpus().length,
    availableParallelism: CORES,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  };
  log(`planparse bench: ${machine.cpus} cores, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);

  // ---- corpus
  let t0 = Date.now();
  const parts = await seedParts(SEEDS, lib);
  const corpusDir = join(work, 'corpus');
  const corpus = writeCorpus(parts, corpusDir, FILES);
  const plan2 = writeLargePlan(parts, join(work, 'plan-2mb.txt'), 2 * MB);
  const plan20 = writeLargePlan(parts, join(work, 'plan-20mb.txt'), 20 * MB);
  const clauseLine = writeClauseLine(parts, join(work, 'line-clauses-10mb.txt'), 10 * MB);
  const targetLine = writeTargetLine(join(work, 'line-targets-10mb.txt'), 10 * MB);
  log(`corpus: ${FILES} files, ${(corpus.bytes / MB).toFixed(1)} MB from ${parts.headings.length} headings, ${parts.items.length} items, ${parts.heads.length} page heads; plans of ${(plan2.bytes / MB).toFixed(1)} and ${(plan20.bytes / MB).toFixed(1)} MB (${Date.now() - t0} ms)`);

  // ---- start-up
  const largestSeed = readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => join(SEEDS, n))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  log(`start-up: ${STARTUP_ROUNDS} rounds…`);
  const [nodeBare, version, oneSeed] = interleaved(
    [
      { cmd: NODE, args: ['-e', '0'] },
      { cmd: NODE, args: [BIN, '--version'] },
      { cmd: NODE, args: [BIN, largestSeed] },
    ],
    STARTUP_ROUNDS,
  );
  const startup = {
    rounds: STARTUP_ROUNDS,
    nodeMs: nodeBare.median,
    versionMs: version.median,
    seedMs: oneSeed.median,
    seed: largestSeed.slice(ROOT.length),
    seedBytes: statSync(largestSeed).size,
    versionRatio: version.median / nodeBare.median,
    seedRatio: oneSeed.median / nodeBare.median,
  };

  // ---- batch
  const batchRuns = { floor: [], jobs1: [], jobsAll: [] };
  const batchCpu = { floor: [], jobs1: [], jobsAll: [] };
  for (let round = 0; round < BATCH_ROUNDS; round++) {
    for (const [key, args] of [
      ['floor', [join(ROOT, 'bench/io-floor.mjs'), corpusDir]],
      ['jobs1', [BIN, corpusDir, '--quiet', '--jobs', '1', '--out-dir']],
      ['jobsAll', [BIN, corpusDir, '--quiet', '--jobs', String(CORES), '--out-dir']],
    ]) {
      const out = join(work, `out-${key}-${round}`);
      log(`batch: ${key} round ${round + 1}/${BATCH_ROUNDS}…`);
      const { ms, cpuMs } = timeAndPeakRss(NODE, [...args, out]);
      batchCpu[key].push(cpuMs);
      const written = countFiles(out, '.json');
      if (written !== FILES) throw new Error(`${key}: ${written} outputs for ${FILES} inputs`);
      if (key !== 'floor' && round === 0) {
        // The outputs are real plans: every one has its outline.
        const sample = JSON.parse(readFileSync(join(out, 'p00/plan-0000.json'), 'utf8'));
        if (sample.sections.length + sample.items.length === 0) throw new Error(`${key}: an output without outline`);
      }
      rmSync(out, { recursive: true, force: true });
      batchRuns[key].push(ms);
    }
  }
  const rate = (key) => {
    const ms = median(batchRuns[key]);
    return { ms, cpuMs: median(batchCpu[key]), filesPerSecond: FILES / (ms / 1000), mbPerSecond: corpus.bytes / MB / (ms / 1000) };
  };
  const floor = rate('floor');
  const jobs1 = rate('jobs1');
  const jobsAll = rate('jobsAll');
  const batch = {
    files: FILES,
    mb: corpus.bytes / MB,
    rounds: BATCH_ROUNDS,
    via: 'planparse DIR --out-dir OUT --jobs N (worker threads)',
    floor,
    jobs1,
    jobsAll: { jobs: CORES, ...jobsAll },
    scaling: jobsAll.filesPerSecond / jobs1.filesPerSecond,
    // CPU seconds spent by all cores over one spent by --jobs 1: each worker
    // is its own V8 isolate, loading and warming up the parser again.
    cpuRatio: jobsAll.cpuMs / jobs1.cpuMs,
    shareOfFloor: jobsAll.filesPerSecond / floor.filesPerSecond,
  };

  // ---- growth
  log('growth: 2 MB and 20 MB plans…');
  const baseline = timeAndPeakRss(NODE, ['-e', '0']);
  // What planparse itself holds before any input counts (its code, zod, the ESM loader).
  const seedRun = timeAndPeakRss(NODE, [BIN, largestSeed]);
  const grow = (plan, runs) => {
    const out = join(work, 'grow.json');
    const cli = timeAndPeakRss(NODE, [BIN, plan.path, '-o', out, '--force']);
    const parseMs = [];
    for (let i = 0; i < runs; i++) parseMs.push(JSON.parse(timeAndPeakRss(NODE, [join(ROOT, 'bench/parse-one.mjs'), plan.path, out]).stdout).ms);
    const check = JSON.parse(readFileSync(out, 'utf8'));
    if (check.sections.length !== plan.sections) throw new Error(`${plan.path}: ${check.sections.length} sections, ${plan.sections} written`);
    rmSync(out, { force: true });
    const rssAllowed = 10 * plan.bytes + baseline.peakRss;
    return { bytes: plan.bytes, parseMs: median(parseMs), cliMs: cli.ms, peakRss: cli.peakRss, rssAllowed, rssPerInputByte: (cli.peakRss - baseline.peakRss) / plan.bytes, rssPerInputByteAboveOneSeed: (cli.peakRss - seedRun.peakRss) / plan.bytes };
  };
  const g2 = grow(plan2, 3);
  const g20 = grow(plan20, 1);
  // One-line shapes: only the CLI's peak memory and time (no outline to check).
  const oneLine = (shape) => {
    const out = join(work, 'line.json');
    const cli = timeAndPeakRss(NODE, [BIN, shape.path, '-o', out]);
    rmSync(out, { force: true });
    const rssAllowed = 10 * shape.bytes + baseline.peakRss;
    return { bytes: shape.bytes, clauses: shape.clauses, cliMs: cli.ms, peakRss: cli.peakRss, rssAllowed, rssPerInputByte: (cli.peakRss - baseline.peakRss) / shape.bytes };
  };
  log('growth: 10 MB one-line plans (clauses, targets)…');
  const gClauses = oneLine(clauseLine);
  const gTargets = oneLine(targetLine);
  const growth = {
    rssBy: baseline.rssBy,
    nodeBaselineRss: baseline.peakRss,
    oneSeedRss: seedRun.peakRss,
    plan2mb: g2,
    plan20mb: g20,
    lineClauses10mb: gClauses,
    lineTargets10mb: gTargets,
    timeRatio: g20.parseMs / g2.parseMs,
    sizeRatio: g20.bytes / g2.bytes,
  };

  // ---- peer
  log('peer: target extraction on the seeds’ target sentences…');
  const peer = await comparePeer({ seedDir: SEEDS, goldDir: GOLD, lib });

  // ---- web pages
  const html = await benchHtml({ root: ROOT, lib, work, bin: BIN, node: NODE, cores: CORES, files: HTML_FILES, log });

  // ---- goals
  const goals = [
    { goal: '--version <= 1.5x node -e 0', met: startup.versionRatio <= 1.5 },
    { goal: 'one seed parsed <= 2x node -e 0', met: startup.seedRatio <= 2 },
    { goal: `batch --jobs ${CORES} >= 1.7x --jobs 1`, met: batch.scaling >= 1.7 },
    { goal: 'batch >= 25% of the I/O floor', met: batch.shareOfFloor >= 0.25 },
    { goal: '20 MB time <= 12x the 2 MB time', met: growth.timeRatio <= 12 },
    { goal: 'peak RSS <= 10x input + Node baseline, every shape', met: [g2, g20, gClauses, gTargets].every((g) => g.peakRss <= g.rssAllowed) },
    { goal: 'faster than the peer, higher agreement', met: peer.planparse.sentencesPerSecond > peer.peer.sentencesPerSecond && peer.planparse.f1 > peer.peer.f1 },
  ];

  // ---- table
  const ms = (v) => `${v.toFixed(0)} ms`;
  const x = (v) => `${v.toFixed(2)}x`;
  const mib = (v) => `${(v / MB).toFixed(0)} MB`;
  // CPU seconds, and how many cores that kept busy on average: fewer than
  // --jobs asks for means others on the machine had the rest.
  const cpu = (r) => `CPU ${(r.cpuMs / 1000).toFixed(1)} s, ${(r.cpuMs / r.ms).toFixed(2)} cores`;
  const rows = [
    ['start-up', 'node -e 0', ms(startup.nodeMs), '', ''],
    ['', 'planparse --version', ms(startup.versionMs), x(startup.versionRatio), '<= 1.5x'],
    ['', `planparse ${startup.seed.split('/').pop()} (${(startup.seedBytes / 1024).toFixed(0)} KB)`, ms(startup.seedMs), x(startup.seedRatio), '<= 2x'],
    ['batch', `I/O floor (read, write {length})`, `${floor.filesPerSecond.toFixed(0)} files/s, ${floor.mbPerSecond.toFixed(1)} MB/s`, cpu(floor), ''],
    ['', '--jobs 1', `${jobs1.filesPerSecond.toFixed(0)} files/s, ${jobs1.mbPerSecond.toFixed(1)} MB/s`, cpu(jobs1), ''],
    ['', `--jobs ${CORES}`, `${jobsAll.filesPerSecond.toFixed(0)} files/s, ${jobsAll.mbPerSecond.toFixed(1)} MB/s`, cpu(jobsAll), ''],
    ['', '', `${x(batch.scaling)} the files/s of --jobs 1`, `${x(batch.cpuRatio)} its CPU`, '>= 1.7x'],
    ['', '', '', `${(batch.shareOfFloor * 100).toFixed(0)}% of floor`, '>= 25%'],
    ['growth', `2 MB plan`, `${ms(g2.parseMs)} parse (${ms(g2.cliMs)} CLI), peak ${mib(g2.peakRss)}`, `${g2.rssPerInputByte.toFixed(1)}x input + node`, `<= ${mib(g2.rssAllowed)}`],
    ['', `20 MB plan`, `${ms(g20.parseMs)} parse (${ms(g20.cliMs)} CLI), peak ${mib(g20.peakRss)}`, `${g20.rssPerInputByte.toFixed(1)}x input + node`, `<= ${mib(g20.rssAllowed)}`],
    ['', `10 MB line of ；-clauses (${gClauses.clauses} clauses)`, `${ms(gClauses.cliMs)} CLI, peak ${mib(gClauses.peakRss)}`, `${gClauses.rssPerInputByte.toFixed(1)}x input + node`, `<= ${mib(gClauses.rssAllowed)}`],
    ['', `10 MB line of ；-targets (${gTargets.clauses} targets)`, `${ms(gTargets.cliMs)} CLI, peak ${mib(gTargets.peakRss)}`, `${gTargets.rssPerInputByte.toFixed(1)}x input + node`, `<= ${mib(gTargets.rssAllowed)}`],
    ['', `20 MB / 2 MB time (size ${growth.sizeRatio.toFixed(1)}x)`, '', x(growth.timeRatio), '<= 12x'],
    ['', 'peak RSS: node -e 0 / planparse on one seed', `${mib(baseline.peakRss)} / ${mib(seedRun.peakRss)}`, '', ''],
    ['html', `${html.files} pages (${html.pages} fixtures, ${html.mb.toFixed(1)} MB), --jobs 1`, `${html.jobs1.filesPerSecond.toFixed(0)} files/s, ${html.jobs1.mbPerSecond.toFixed(1)} MB/s`, cpu(html.jobs1), ''],
    ['', `--jobs ${CORES}`, `${html.jobsAll.filesPerSecond.toFixed(0)} files/s, ${html.jobsAll.mbPerSecond.toFixed(1)} MB/s`, cpu(html.jobsAll), ''],
    ['', `${html.page50.file.split('/').pop()} (${(html.page50.bytes / 1024).toFixed(0)} KB) / its text (${(html.page50.textBytes / 1024).toFixed(0)} KB)`, `${html.page50.htmlMs.toFixed(1)} ms / ${html.page50.textMs.toFixed(1)} ms parse`, x(html.page50.ratio), ''],
    ['peer', `planparse findTargets (${peer.sentences} sentences)`, `${peer.planparse.sentencesPerSecond.toFixed(0)} sentences/s`, `F1 ${peer.planparse.f1.toFixed(3)}`, ''],
    ['', 'MS Recognizers-Text zh-cn', `${peer.peer.sentencesPerSecond.toFixed(0)} sentences/s (+${ms(peer.peer.loadMs)} load)`, `F1 ${peer.peer.f1.toFixed(3)}`, ''],
    ['', '', `${(peer.planparse.sentencesPerSecond / peer.peer.sentencesPerSecond).toFixed(0)}x faster`, '', 'faster, higher F1'],
  ];
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  const machineLine = `${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverageAtStart.join(' ')} at start, ${loadavg().map((v) => v.toFixed(2)).join(' ')} at end`;
  process.stdout.write(`\n${machineLine}\n\n${rows.map(line).join('\n')}\n\ngoals:\n${goals.map((g) => `  ${g.met ? 'met    ' : 'NOT met'}  ${g.goal}`).join('\n')}\n`);
  process.stdout.write(`\nnotes: start-up is the median of ${STARTUP_ROUNDS} interleaved runs, batch the median of ${BATCH_ROUNDS}; growth parse time is in-process (read to written JSON), the html page/text times in-process and warm (median of 15), peak RSS is the CLI's (${growth.rssBy}); the peer sentences come from the seeds planparse was developed on, so its agreement there is in-sample.\n`);

  machine.loadAverageAtEnd = loadavg().map((v) => Number(v.toFixed(2)));
  const results = { date: new Date().toISOString(), machine, corpus: { files: FILES, bytes: corpus.bytes, seedParts: { heads: parts.heads.length, headings: parts.headings.length, items: parts.items.length } }, startup, batch, growth, html, peer, goals, gnuTime: GNU_TIME !== null };
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  log('wrote bench/results.json');
} finally {
  rmSync(work, { recursive: true, force: true });
}
