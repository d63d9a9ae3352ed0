// Web pages: batch throughput on saved pages, and what reading HTML costs
// over reading the same text. The pages are the HTML fixtures (four real
// portal pages and hand-written layouts), copied until the corpus is big
// enough to time; the ~50 KB page is compared with the text it shows.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median, timeAndPeakRss } from './measure.mjs';

const ROUNDS = 15;

/** Median in-process time of `fn` over ROUNDS runs, after WARM runs. */
async function timeWarm(fn, warm = 5) {
  for (let i = 0; i < warm; i++) await fn();
  const ms = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

export async function benchHtml({ root, lib, work, bin, node, cores, files, log }) {
  const fixtures = join(root, 'fixtures/html');
  const pages = [
    ...readdirSync(fixtures).filter((f) => f.endsWith('.html')).map((f) => join(fixtures, f)),
    ...readdirSync(join(fixtures, 'layouts')).filter((f) => /\.html?$/.test(f)).map((f) => join(fixtures, 'layouts', f)),
  ].sort();
  const dir = join(work, 'html-pages');
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const from = pages[i % pages.length];
    copyFileSync(from, join(dir, `page-${String(i).padStart(4, '0')}.html`));
    bytes += statSync(from).size;
  }
  const batch = {};
  for (const [key, jobs] of [['jobs1', 1], ['jobsAll', cores]]) {
    const out = join(work, `html-out-${key}`);
    log(`html: ${files} pages, --jobs ${jobs}…`);
    const { ms, cpuMs } = timeAndPeakRss(node, [bin, dir, '--quiet', '--jobs', String(jobs), '--out-dir', out]);
    // Dot-files (the out-dir's freshness record) are not outputs.
    const written = readdirSync(out).filter((f) => f.endsWith('.json') && !f.startsWith('.')).length;
    if (written !== files) throw new Error(`html ${key}: ${written} outputs for ${files} pages`);
    rmSync(out, { recursive: true, force: true });
    batch[key] = { jobs, ms, cpuMs, filesPerSecond: files / (ms / 1000), mbPerSecond: bytes / 2 ** 20 / (ms / 1000) };
  }

  // The page closest to 50 KB against the text it shows, both parsed warm in this process.
  const page = pages.map((p) => ({ path: p, size: statSync(p).size })).sort((a, b) => Math.abs(a.size - 50_000) - Math.abs(b.size - 50_000))[0];
  const html = readFileSync(page.path, 'utf8');
  const text = await lib.pageText(html);
  const plan = await lib.parsePlanHtml(html);
  if (plan.sections.length + plan.items.length + plan.preamble.length === 0) throw new Error(`${page.path}: no content read`);
  log(`html: ${page.path.slice(root.length)} (${(page.size / 1024).toFixed(0)} KB) against its ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB of text…`);
  const htmlMs = await timeWarm(() => lib.parsePlanHtml(html));
  const textMs = await timeWarm(() => lib.parsePlan(text));
  return {
    pages: pages.length,
    files,
    mb: bytes / 2 ** 20,
    jobs1: batch.jobs1,
    jobsAll: batch.jobsAll,
    page50: { file: page.path.slice(root.length), bytes: page.size, textBytes: Buffer.byteLength(text), htmlMs, textMs, ratio: htmlMs / textMs },
  };
}
