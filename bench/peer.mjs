// Target extraction side by side with a public quantity recogniser: the
// Microsoft Recognizers-Text models for Chinese (zh-cn), on the same
// sentences: those of the seeds that hold a gold target. Both are scored
// against fixtures/gold with the scorer's key (unit|value, unit|min-max for a
// range), as a multiset per sentence; an optional gold target is neither a
// miss nor, when found, a false positive.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.mjs';

const CULTURE = 'zh-cn';

/** A seed's text cut into sentences at 。；！？ and line ends. */
export function sentencesOf(text) {
  const out = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    let from = 0;
    for (let i = 0; i < line.length; i++) {
      if ('。；！？'.includes(line[i])) {
        out.push(line.slice(from, i + 1).trim());
        from = i + 1;
      }
    }
    if (from < line.length) out.push(line.slice(from).trim());
  }
  return out.filter((s) => s !== '');
}

const norm = (s) => String(s ?? '').normalize('NFKC').replace(/\s+/g, '');
const num = (v) => (v === undefined || v === null || v === '' ? '' : String(Number(v)));
export const targetKey = (t) => `${norm(t.unit)}|${t.min !== undefined && t.min !== null ? `${num(t.min)}-${num(t.max)}` : num(t.value)}`;

/**
 * The target-bearing sentences of the seeds, each with its gold targets.
 * Gold targets come in document order; each is placed in the first sentence
 * at or after the previous one that holds its text (once more than the gold
 * targets of that text already placed there).
 */
export function goldSentences(seedDir, goldDir) {
  const out = [];
  for (const name of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, name), 'utf8'));
    const sentences = sentencesOf(readFileSync(join(seedDir, gold.input), 'utf8'));
    const bySentence = new Map();
    let cursor = 0;
    // A sentence takes a gold text only as many times as it holds it.
    const taken = new Map();
    const room = (s, i, text) => s.split(text).length - 1 > (taken.get(`${i}|${text}`) ?? 0);
    for (const t of gold.targets ?? []) {
      let at = sentences.findIndex((s, i) => i >= cursor && room(s, i, t.text));
      if (at < 0) at = sentences.findIndex((s, i) => room(s, i, t.text));
      taken.set(`${at}|${t.text}`, (taken.get(`${at}|${t.text}`) ?? 0) + 1);
      if (at < 0) throw new Error(`${gold.input}: gold target ${t.text} is in no sentence`);
      cursor = at;
      if (!bySentence.has(at)) bySentence.set(at, []);
      bySentence.get(at).push(t);
    }
    for (const [at, targets] of [...bySentence].sort((a, b) => a[0] - b[0])) {
      out.push({ seed: gold.input, sentence: sentences[at], gold: targets });
    }
  }
  return out;
}

/** True positives, false positives and misses of one sentence's keys. */
function agreement(gold, found) {
  const pool = new Map();
  for (const k of found) pool.set(k, (pool.get(k) ?? 0) + 1);
  let tp = 0;
  let fn = 0;
  // Required gold first, so an optional one never takes a key a required one needs.
  for (const g of [...gold].sort((a, b) => Number(a.optional === true) - Number(b.optional === true))) {
    const k = targetKey(g);
    if ((pool.get(k) ?? 0) > 0) {
      pool.set(k, pool.get(k) - 1);
      if (!g.optional) tp++;
    } else if (!g.optional) fn++;
  }
  const fp = [...pool.values()].reduce((a, b) => a + b, 0);
  return { tp, fp, fn };
}

function score(cases, extract) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const disagreements = [];
  for (const c of cases) {
    const keys = extract(c.sentence).map(targetKey);
    const a = agreement(c.gold, keys);
    tp += a.tp;
    fp += a.fp;
    fn += a.fn;
    if (a.fp || a.fn) disagreements.push({ sentence: c.sentence.slice(0, 60), gold: c.gold.map(targetKey), found: keys });
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1, disagreements };
}

/** Median time (ms) of one pass over all sentences, after a warm-up pass. */
function timePasses(cases, extract, passes) {
  for (const c of cases) extract(c.sentence);
  const times = [];
  for (let p = 0; p < passes; p++) {
    const t0 = process.hrtime.bigint();
    for (const c of cases) extract(c.sentence);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

// Characters of a written amount (digits, Chinese numerals, magnitudes): what
// is left of a recognised span without them is the unit as written (万元 → 元).
const AMOUNT_CHARS = /[0-9０-９.．,，零〇一二两三四五六七八九十百千万亿点]/g;

/** The recogniser's entities as targets: percentages, money, dimensions, ages. */
export async function loadPeer() {
  const t0 = process.hrtime.bigint();
  const { default: numberModels } = await import('@microsoft/recognizers-text-number');
  const { default: unitModels } = await import('@microsoft/recognizers-text-number-with-unit');
  const recognisers = [
    numberModels.recognizePercentage,
    unitModels.recognizeCurrency,
    unitModels.recognizeDimension,
    unitModels.recognizeAge,
    unitModels.recognizeTemperature,
  ];
  const extract = (sentence) => {
    const out = [];
    for (const recognise of recognisers) {
      for (const e of recognise(sentence, CULTURE)) {
        const raw = String(e.resolution?.value ?? '');
        const value = Number.parseFloat(raw.replace(/[%,]/g, ''));
        if (!Number.isFinite(value)) continue;
        const unit =
          e.typeName === 'percentage' ? '%' :
          e.resolution?.isoCurrency === 'CNY' ? '元' :
          e.text.replace(AMOUNT_CHARS, '') || String(e.resolution?.unit ?? '');
        out.push({ value, unit, text: e.text });
      }
    }
    return out;
  };
  // The models are built on first use: count that as loading.
  extract('提升至66%');
  return { extract, loadMs: Number(process.hrtime.bigint() - t0) / 1e6 };
}

export async function comparePeer({ seedDir, goldDir, lib, passes = 15 }) {
  const cases = goldSentences(seedDir, goldDir);
  const ours = (s) => lib.findTargets(s);
  const peer = await loadPeer();
  const oursMs = timePasses(cases, ours, passes);
  const peerMs = timePasses(cases, peer.extract, passes);
  const chars = cases.reduce((n, c) => n + c.sentence.length, 0);
  return {
    sentences: cases.length,
    characters: chars,
    goldTargets: cases.reduce((n, c) => n + c.gold.length, 0),
    planparse: { msPerPass: oursMs, sentencesPerSecond: cases.length / (oursMs / 1000), ...score(cases, ours) },
    peer: {
      name: '@microsoft/recognizers-text-number-with-unit 1.3.1 (zh-cn: percentage, currency, dimension, age, temperature)',
      loadMs: peer.loadMs,
      msPerPass: peerMs,
      sentencesPerSecond: cases.length / (peerMs / 1000),
      ...score(cases, peer.extract),
    },
  };
}
