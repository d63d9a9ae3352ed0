// Builds the benchmark corpus from the seed plans: the seeds are parsed once
// with the built library, cut into their real parts (the page head down to
// the first outline line, section headings, items, the page foot) and those
// parts are recombined into new plans, renumbered so that each one is a
// well-formed plan of the same shape as the seeds. A fixed PRNG seed keeps
// the corpus the same from run to run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32): same corpus on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..999 as a section numeral: 一, 十二, 二十, 一百零五 (at most four characters up to 110). */
export function chineseNumeral(n) {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  const rest = n % 100;
  const head = CN_DIGITS[Math.floor(n / 100)] + '百';
  if (rest === 0) return head;
  if (rest < 10) return head + '零' + CN_DIGITS[rest];
  return head + CN_DIGITS[Math.floor(rest / 10)] + '十' + (rest % 10 ? CN_DIGITS[rest % 10] : '');
}

const SECTION_NUMERAL = /^(\s*)[一二三四五六七八九十百零〇两]{1,4}/;
const ITEM_NUMBER = /^(\s*)(?:\d{1,3}|[０-９]{1,3})/;

/**
 * The seeds cut into parts. Line numbers in the parsed plan are 1-based lines
 * of the decoded text split on CR/LF, which is how the seeds are split here.
 */
export async function seedParts(seedDir, lib) {
  const heads = [];
  const feet = [];
  const headings = [];
  const items = [];
  for (const name of readdirSync(seedDir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(seedDir, name), 'utf8');
    const lines = text.split(/\r\n|\r|\n/);
    const plan = lib.parsePlan(text, { path: name });
    const allItems = [...plan.items, ...plan.sections.flatMap((s) => [...s.items, ...s.subsections.flatMap((sub) => sub.items)])];
    // Inferred items have no marker to renumber; items are whole lines.
    for (const it of allItems) {
      if (it.inferred || it.marker === null) continue;
      const part = lines.slice(it.lines.start - 1, it.lines.end);
      if (ITEM_NUMBER.test(part[0])) items.push(part);
    }
    for (const s of plan.sections) {
      const line = lines[s.lines.start - 1];
      if (s.lines.start === s.lines.end && SECTION_NUMERAL.test(line)) headings.push(line);
    }
    const starts = [...plan.sections.map((s) => s.lines.start), ...allItems.map((it) => it.lines.start)];
    const ends = [...plan.sections.map((s) => s.lines.end), ...allItems.map((it) => it.lines.end)];
    if (starts.length === 0) continue;
    heads.push(lines.slice(0, Math.min(...starts) - 1));
    feet.push(lines.slice(Math.max(...ends)));
  }
  return { heads, feet, headings, items };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const renumberSection = (line, n) => line.replace(SECTION_NUMERAL, (_, ws) => ws + chineseNumeral(n));
const renumberItem = (part, n) => [part[0].replace(ITEM_NUMBER, (_, ws) => ws + String(n)), ...part.slice(1)];

/**
 * One plan: a real page head, `sections` sections (0: items without
 * sections, as some seeds are) of `itemsPer` items each, numbered on across
 * sections, and a real page foot.
 */
export function composePlan(parts, rand, { sections, itemsPer, restartItems = false }) {
  const out = [...pick(rand, parts.heads)];
  let itemNo = 0;
  const addItems = (count) => {
    for (let k = 0; k < count; k++) {
      itemNo = restartItems ? k + 1 : itemNo + 1;
      out.push(...renumberItem(pick(rand, parts.items), itemNo), '');
    }
  };
  if (sections === 0) addItems(itemsPer);
  for (let s = 1; s <= sections; s++) {
    out.push(renumberSection(pick(rand, parts.headings), s), '');
    addItems(itemsPer);
  }
  out.push(...pick(rand, parts.feet));
  return out.join('\n');
}

/** `count` plans of seed-like size in `dir`; returns their paths and total bytes. */
export function writeCorpus(parts, dir, count, seed = 6) {
  const rand = prng(seed);
  mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    // About one plan in four has items without sections, like two of the seeds.
    const sections = rand() < 0.25 ? 0 : 3 + Math.floor(rand() * 6);
    const itemsPer = sections === 0 ? 12 + Math.floor(rand() * 16) : 2 + Math.floor(rand() * 5);
    const text = composePlan(parts, rand, { sections, itemsPer });
    // Spread over sub-folders, as a scraped collection would be.
    const sub = join(dir, `p${String(i % 30).padStart(2, '0')}`);
    if (i < 30) mkdirSync(sub, { recursive: true });
    const path = join(sub, `plan-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

/**
 * One large plan of about `targetBytes`: 99 sections whose items restart
 * their numbering in each section (item markers stop at 999), grown until
 * the size is reached.
 */
export function writeLargePlan(parts, path, targetBytes, seed = 20) {
  const rand = prng(seed);
  const avgItem = parts.items.reduce((n, p) => n + Buffer.byteLength(p.join('\n')) + 2, 0) / parts.items.length;
  const sections = 99;
  const itemsPer = Math.max(1, Math.min(999, Math.round(targetBytes / sections / avgItem)));
  const text = composePlan(parts, rand, { sections, itemsPer, restartItems: true });
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text), sections, itemsPer };
}

/**
 * One line of about `targetBytes`: the seeds' item clauses (their sentences
 * cut at 。；) joined by ；, no line break — the shape of a page whose text
 * was scraped without its paragraphs. Targets come at the seeds' density.
 */
export function writeClauseLine(parts, path, targetBytes, seed = 31) {
  const rand = prng(seed);
  const clauses = parts.items.flatMap((p) => p.join('').split(/[。；;]+/)).map((c) => c.trim()).filter((c) => c.length > 4);
  const out = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const c = pick(rand, clauses);
    out.push(c);
    bytes += Buffer.byteLength(c) + 3;
  }
  const text = out.join('；') + '\n';
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text), clauses: out.length };
}

/**
 * One line of about `targetBytes` where every clause is a target
 * (覆盖率达到95%；…): the densest output per input byte a plan text can ask for.
 */
export function writeTargetLine(path, targetBytes) {
  const clause = '覆盖率达到95%';
  const n = Math.ceil(targetBytes / Buffer.byteLength(clause + '；'));
  const text = Array(n).fill(clause).join('；') + '\n';
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text), clauses: n };
}
