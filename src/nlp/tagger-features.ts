import { keyParts, WindowKey } from './canonical-key.js';
import { classifyChunk } from './classify-chunk.js';
import type { Typed } from './classify-chunk.js';
import { findAcronyms } from './find-acronyms.js';
import { findChunks, headWord, headWordOf } from './find-candidates.js';
import type { Chunk } from './find-candidates.js';
import { lexiconKeyPrefix, lexiconMaxParts, lookupLexiconHit, writtenAsLexicon } from './lexicon.js';
import type { Sentence, Token } from './tokenize.js';
import type { Field } from './types.js';
import { headType } from './vocabulary.js';

/** One field of a paper as the tagger sees it: compromise's tokens and sentences, with asides marked. */
export interface TaggerInput {
  field: Field;
  source: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  /** Per token: inside a citation or a quoted example. */
  aside: readonly boolean[];
  /** Per token: `keyParts` of its text, when the caller has them already. */
  parts?: readonly (readonly string[])[];
  /** Per token: `lexiconTags`, when the caller has them already. */
  lexicon?: readonly string[];
  /** `typedChunks` of the field, when the caller has them already. */
  chunks?: readonly TypedChunk[];
}

const FNV_OFFSET = 0x811c9dc5;

/** A noun-phrase chunk and the rules' typing of it, if any. */
export interface TypedChunk {
  chunk: Chunk;
  typed: Typed | undefined;
}

/** The rules' noun-phrase chunks of a field, each typed by `classifyChunk` within its sentence. */
export function typedChunks(field: Field, tokens: readonly Token[], sentences: readonly Sentence[], aside: readonly boolean[]): TypedChunk[] {
  return findChunks(tokens, aside).map((chunk) => {
    const s = sentences[(tokens[chunk.from] as Token).sentence] as Sentence;
    return { chunk, typed: classifyChunk(tokens, chunk, s.from, s.to, field === 'title') };
  });
}

/** 32-bit FNV-1a of `s`, continuing from state `h`: hashing "a" then "b" equals hashing "ab". */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `fnv(h, s.slice(from, to))` without the slice. */
function fnvRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Feature names are stored as 32-bit FNV-1a hashes, so the weights carry no words of the training data. */
export function hashFeature(s: string): number {
  return fnv(FNV_OFFSET, s);
}

/** Hash state after "name=", so a feature's hash is built without building its string. */
function prefix(name: string): number {
  return fnv(FNV_OFFSET, `${name}=`);
}

/** Hash states after each feature's "name=", computed once. */
const F_ACR = prefix('acr');
const F_CH = prefix('ch');
const F_CHP1 = prefix('ch+1');
const F_CHM1 = prefix('ch-1');
const F_CHH = prefix('chh');
const F_GL = prefix('gl');
const F_GR = prefix('gr');
const F_HW = prefix('hw');
const F_LEX = prefix('lex');
const F_LEXP1 = prefix('lex+1');
const F_LEXM1 = prefix('lex-1');
const F_P3 = prefix('p3');
const F_P4 = prefix('p4');
const F_POS = prefix('pos');
const F_POSP1 = prefix('pos+1');
const F_POSM1 = prefix('pos-1');
const F_POSM1_POS = prefix('pos-1|pos');
const F_POS_POSP1 = prefix('pos|pos+1');
const F_R = prefix('r');
const F_RT = prefix('rt');
const F_S2 = prefix('s2');
const F_S3 = prefix('s3');
const F_S4 = prefix('s4');
const F_SH = prefix('sh');
const F_SHP1 = prefix('sh+1');
const F_SHM1 = prefix('sh-1');
const F_W = prefix('w');
const F_WP1 = prefix('w+1');
const F_WP2 = prefix('w+2');
const F_WM1 = prefix('w-1');
const F_WM1_W = prefix('w-1|w');
const F_WM2 = prefix('w-2');
const F_W_WP1 = prefix('w|w+1');

/** Hashed feature names of every token: token t's are `hashes[offsets[t] .. offsets[t + 1])`. */
export interface TokenFeatures {
  hashes: Uint32Array;
  offsets: Uint32Array;
}

const BIAS = hashFeature('b');
const CAP = hashFeature('cap');
const CAP_FIRST = hashFeature('cap-first');
const NAME = hashFeature('name');
const HYPHENATED = hashFeature('hy');
const FIRST = hashFeature('first');
const TITLE = hashFeature('title');
const ASIDE = hashFeature('aside');
const ACRONYM_USED = hashFeature('acr-used');

/** "GPT-4" → "X-d", "Transformers" → "Xx": the written form with letter and digit runs collapsed. */
function shapeOf(text: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < text.length && out.length < 8; i++) {
    const c = text.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? 'X' : c >= 97 && c <= 122 ? 'x' : c >= 48 && c <= 57 ? 'd' : text[i] as string;
    if ((k === 'X' || k === 'x' || k === 'd') && k === last) continue;
    out += k;
    last = k;
  }
  return out;
}

function gapClass(gap: string): string {
  const g = gap.trim();
  if (g === '') return gap.length > 0 ? 'sp' : 'none';
  return g.replace(/\s+/g, '').slice(0, 3);
}

/** Longest lexicon name at each position (B/I with its type, "" outside), matched as the surface matcher does. */
export function lexiconTags(tokens: readonly Token[], parts: readonly (readonly string[])[]): string[] {
  const tags = new Array<string>(tokens.length).fill('');
  const maxParts = lexiconMaxParts();
  for (let i = 0; i < tokens.length; ) {
    let bestTo = -1;
    let bestType = '';
    const window = new WindowKey();
    for (let j = i; j < tokens.length && window.count < maxParts; j++) {
      if (j > i && ((tokens[j - 1] as Token).gap.trim() !== '' || (tokens[j] as Token).sentence !== (tokens[i] as Token).sentence)) break;
      window.push(parts[j] as readonly string[]);
      const key = window.key();
      if (key === undefined) continue;
      const hit = lookupLexiconHit(key);
      if (hit) {
        const written = tokens
          .slice(i, j + 1)
          .map((t) => t.text)
          .join(' ');
        if (writtenAsLexicon(written, hit) || writtenAsLexicon(written.replace(/ /g, '-'), hit)) {
          bestTo = j + 1;
          bestType = hit.entry.type;
        }
      }
      // No lexicon name goes on from here: stop widening the window.
      if (!lexiconKeyPrefix(window.prefix())) break;
    }
    if (bestTo < 0) {
      i++;
      continue;
    }
    for (let k = i; k < bestTo; k++) tags[k] = `${k === i ? 'B' : 'I'}-${bestType}`;
    i = bestTo;
  }
  return tags;
}

/** name=a, or name=a|b, hashed as that string; `name` is the hash state after "name=". */
function hashOf(name: number, a: string, b?: string): number {
  const h = fnv(name, a);
  return b === undefined ? h : fnv(fnv(h, '|'), b);
}

/**
 * Features of a token's own written form (`text`): the word, its head word, shape, prefixes and suffixes. They
 * depend on the text alone, so a tagger may score them once per distinct word (`createEmissionScorer`).
 */
export function ownWordFeatures(text: string, put: (h: number) => void): void {
  const w = text.toLowerCase();
  const len = w.length;
  put(hashOf(F_W, w));
  put(hashOf(F_HW, headWordOf(w)));
  put(hashOf(F_SH, shapeOf(text)));
  put(fnvRange(F_P3, w, 0, Math.min(3, len)));
  put(fnvRange(F_P4, w, 0, Math.min(4, len)));
  put(fnvRange(F_S2, w, Math.max(0, len - 2), len));
  put(fnvRange(F_S3, w, Math.max(0, len - 3), len));
  put(fnvRange(F_S4, w, Math.max(0, len - 4), len));
}

/** Features of the previous token of the sentence as seen from this one (undefined: sentence start). */
export function leftWordFeatures(text: string | undefined, put: (h: number) => void): void {
  put(hashOf(F_WM1, text === undefined ? '<s>' : text.toLowerCase()));
  put(hashOf(F_SHM1, text === undefined ? '<s>' : shapeOf(text)));
}

/** Features of the next token of the sentence as seen from this one (undefined: sentence end). */
export function rightWordFeatures(text: string | undefined, put: (h: number) => void): void {
  put(hashOf(F_WP1, text === undefined ? '</s>' : text.toLowerCase()));
  put(hashOf(F_SHP1, text === undefined ? '</s>' : shapeOf(text)));
}

/**
 * Features of a token's part of speech between its neighbours' (`<s>`, `</s>` at the sentence's edges), and
 * the bias feature every token has. They depend on the three parts of speech alone, so a tagger may score them
 * once per triple (`createEmissionScorer`).
 */
export function posContextFeatures(pp: string, pos: string, pn: string, put: (h: number) => void): void {
  put(BIAS);
  put(hashOf(F_POS, pos));
  put(hashOf(F_POSM1, pp));
  put(hashOf(F_POSP1, pn));
  put(hashOf(F_POSM1_POS, pp, pos));
  put(hashOf(F_POS_POSP1, pos, pn));
}

/**
 * Feature names of every token: the word and its neighbours, written shape, affixes, compromise's part of
 * speech, the rules' noun-phrase chunks and their head types, lexicon matches, acronym definitions, and
 * whether the field is the title. Linear in the number of tokens. `withoutCachedGroups`: leave out the features
 * of `ownWordFeatures`, `leftWordFeatures`, `rightWordFeatures` and `posContextFeatures`, for a caller that
 * scores those once per word or per triple of parts of speech.
 */
export function tokenFeatures(input: TaggerInput, withoutCachedGroups = false): TokenFeatures {
  const { tokens, aside } = input;
  const n = tokens.length;
  const lex = input.lexicon ?? lexiconTags(tokens, input.parts ?? tokens.map((t) => keyParts(t.text)));
  const chunkTag = new Array<string>(n).fill('O');
  const chunkHead = new Array<string>(n).fill('');
  const ruleTag = new Array<string>(n).fill('');
  const ruleType = new Array<string>(n).fill('');
  for (const { chunk: c, typed } of input.chunks ?? typedChunks(input.field, tokens, input.sentences, aside)) {
    const last = tokens[c.to - 1] as Token;
    const head = headWord(last);
    const ht = headType(head) ?? 'none';
    for (let k = c.from; k < c.to; k++) {
      chunkTag[k] = `${k === c.from ? 'B' : 'I'}-${ht}`;
      chunkHead[k] = head;
      if (typed && k >= typed.from && k < typed.to) {
        ruleType[k] = `${k === typed.from ? 'B' : 'I'}-${typed.type}`;
        ruleTag[k] = `${ruleType[k]}-${typed.rule}`;
      }
    }
  }
  const acr = new Array<string>(n).fill('');
  // Acronyms defined in the text, to mark their later bare uses too.
  const defined = new Set<string>();
  for (const d of findAcronyms(tokens)) {
    for (let k = d.from; k < d.to; k++) acr[k] = k === d.from ? 'long-B' : 'long-I';
    acr[d.shortAt] = 'short';
    defined.add(d.short);
  }

  // Room for every feature a token can have: 23, and 19 more in the cached groups.
  const cap = n * (withoutCachedGroups ? 24 : 48) + 16;
  let hashes = new Uint32Array(cap);
  const offsets = new Uint32Array(n + 1);
  let k = 0;
  const put = (h: number): void => {
    if (k === hashes.length) {
      const grown = new Uint32Array(hashes.length * 2);
      grown.set(hashes);
      hashes = grown;
    }
    hashes[k++] = h;
  };
  const add = (name: number, a: string, b?: string): void => put(hashOf(name, a, b));
  const gaps = tokens.map((t) => gapClass(t.gap));
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const samePrev = prev && prev.sentence === t.sentence ? prev : undefined;
    const sameNext = next && next.sentence === t.sentence ? next : undefined;
    const prev2 = samePrev ? tokens[i - 2] : undefined;
    const next2 = sameNext ? tokens[i + 2] : undefined;
    const w = t.lower;
    const wp = samePrev ? samePrev.lower : '<s>';
    const wn = sameNext ? sameNext.lower : '</s>';
    const wp2 = prev2 && prev2.sentence === t.sentence ? prev2.lower : '<s>';
    const wn2 = next2 && next2.sentence === t.sentence ? next2.lower : '</s>';
    const pos = t.pos;
    const pp = samePrev ? samePrev.pos : '<s>';
    const pn = sameNext ? sameNext.pos : '</s>';
    if (!withoutCachedGroups) {
      posContextFeatures(pp, pos, pn, put);
      ownWordFeatures(t.text, put);
      leftWordFeatures(samePrev?.text, put);
      rightWordFeatures(sameNext?.text, put);
    }
    add(F_WM2, wp2);
    add(F_WP2, wn2);
    add(F_WM1_W, wp, w);
    add(F_W_WP1, w, wn);
    add(F_GL, samePrev ? (gaps[i - 1] as string) : '<s>');
    add(F_GR, gaps[i] as string);
    add(F_CH, chunkTag[i] as string);
    add(F_CHH, chunkHead[i] as string);
    add(F_CHM1, samePrev ? (chunkTag[i - 1] as string) : '<s>');
    add(F_CHP1, sameNext ? (chunkTag[i + 1] as string) : '</s>');
    if (t.capitalized) put(samePrev ? CAP : CAP_FIRST);
    if (t.nameLike) put(NAME);
    if (t.hyphenated) put(HYPHENATED);
    if (!samePrev) put(FIRST);
    if (input.field === 'title') put(TITLE);
    if (aside[i]) put(ASIDE);
    if (lex[i]) add(F_LEX, lex[i] as string);
    if (samePrev && lex[i - 1]) add(F_LEXM1, lex[i - 1] as string);
    if (sameNext && lex[i + 1]) add(F_LEXP1, lex[i + 1] as string);
    if (ruleTag[i]) {
      add(F_R, ruleTag[i] as string);
      add(F_RT, ruleType[i] as string);
    }
    if (acr[i]) add(F_ACR, acr[i] as string);
    if (defined.has(t.text)) put(ACRONYM_USED);
  }
  offsets[n] = k;
  return { hashes: hashes.subarray(0, k), offsets };
}
