// One name per indicator across plans: the vocabulary of indicators education
// plans commit to (src/vocabulary/indicators.json, versioned data shipped in
// the package) and the lookup from an indicator as written to its stable key.
import { toSimplified } from './hant.js';
import vocabulary from './vocabulary/indicators.json' with { type: 'json' };

/** One indicator of the vocabulary. */
export interface VocabularyEntry {
  key: string;
  name: string;
  /** The unit the indicator is usually written in. */
  unit: string;
  /** Units a target of this indicator may have; a target in another unit is not this indicator. */
  units: string[];
  /** Phrasings real plans use; … is a gap of up to eight characters. */
  phrasings: string[];
}

export const VOCABULARY_VERSION: string = vocabulary.version;
export const INDICATORS: readonly VocabularyEntry[] = vocabulary.indicators;

const GAP = 8;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Folded form for matching: Simplified, no spaces, punctuation or brackets. */
export function foldIndicator(s: string): string {
  return toSimplified(s.normalize('NFKC')).replace(/[\s\p{P}\p{S}]/gu, '');
}

// Each phrasing compiled once; the longest phrasing that matches wins, so
// 学前一年…入园…率 beats 入园率-like shorter phrasings of another key.
const COMPILED = INDICATORS.flatMap((entry) =>
  entry.phrasings.map((p) => ({
    entry,
    weight: p.replace(/…/g, '').length,
    re: new RegExp(p.split('…').map((part) => escape(foldIndicator(part))).join(`.{0,${GAP}}?`), 'u'),
  })),
).sort((a, b) => b.weight - a.weight);

/** The vocabulary key of an indicator as written, or null when no phrasing fits (or the unit does not). */
export function indicatorKeyOf(indicator: string | null, unit: string | null): string | null {
  if (!indicator) return null;
  const cacheKey = `${unit ?? ''}\u0000${indicator}`;
  const known = CACHE.get(cacheKey);
  if (known !== undefined) return known;
  let key: string | null = null;
  const folded = foldIndicator(indicator);
  if (folded.length > 0) {
    for (const c of COMPILED) {
      if (unit !== null && c.entry.units.length > 0 && !c.entry.units.includes(unit)) continue;
      if (c.re.test(folded)) {
        key = c.entry.key;
        break;
      }
    }
  }
  // plans repeat their indicators; a bounded memo keeps a huge document from testing every phrasing each time
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(cacheKey, key);
  return key;
}

const CACHE = new Map<string, string | null>();
const CACHE_MAX = 5000;

/** The vocabulary entry of a key. */
export function indicatorByKey(key: string): VocabularyEntry | undefined {
  return INDICATORS.find((e) => e.key === key);
}
