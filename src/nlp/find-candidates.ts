import { createBoundedMemo } from './bounded-memo.js';
import { singularize } from './canonical-key.js';
import type { Token } from './tokenize.js';
import { GENERIC_HEADS, METHOD_HEADS, NAMING_WORDS, NEVER_NAMES, NON_NAMING_MODIFIERS, SPECIFIC_ALONE, TASK_HEADS, VERB_LIKE, headType } from './vocabulary.js';

/** A noun phrase: token span [from, to) of one sentence, trimmed of non-naming words. */
export interface Chunk {
  from: number;
  to: number;
  /** Character span; `end` may stop before a possessive "'s". */
  start: number;
  end: number;
}

const NOMINAL_GERUNDS = new Set([...TASK_HEADS, ...METHOD_HEADS, ...SPECIFIC_ALONE.keys()].filter((w) => w.endsWith('ing')));

/** Singular last piece of a token, possessive dropped: "Multi-Head's" → "head", "encoder-decoders" → "decoder". */
export function headWord(t: Token): string {
  return headWordOf(t.lower);
}

/**
 * `headWord` of a token whose lowercase text is `lower`; remembered, because the chunker, the rules and the
 * tagger's features ask for it many times a token.
 */
export const headWordOf: (lower: string) => string = createBoundedMemo((lower) => {
  const parts = lower.replace(/['’]s$/, '').split('-');
  return singularize(parts[parts.length - 1] as string);
}, 20_000);

/**
 * Words the tagger sometimes calls nouns that never sit in a name; among them articles ("in the/NOUN
 * former/NOUN") and the anaphora "the former" / "the latter", which point back to something already named.
 */
const NOT_NOMINAL = new Set([...NAMING_WORDS, 'here', 'there', 'now', 'then', 'today', 'together', 'less', 'fewer', 'more', 'much', 'thus', 'hence', 'also', 'etc', 'i.e.', 'e.g.', 'ie', 'eg', 'vs', 'via', 'times', 'against', 'the', 'a', 'an', 'former', 'latter']);

/** Whether the token can sit inside a noun phrase. */
function isNominal(t: Token, prev: Token | undefined): boolean {
  if (/^['’]s?$/.test(t.text) || VERB_LIKE.has(t.text) || NOT_NOMINAL.has(t.lower)) return false;
  if (t.nameLike) return true;
  switch (t.pos) {
    case 'NOUN':
    case 'PROPN':
    case 'ADJ':
    case 'GERUND':
    case 'PARTICIPLE':
      return true;
    case 'NUM':
      return t.hyphenated;
    case 'VERB': {
      // The tagger reads plural heads as verbs after a noun ("state space models"); trust the head lists.
      if (!prev || !(prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'ADJ' || prev.nameLike)) return false;
      const head = headWord(t);
      return headType(head) !== undefined || GENERIC_HEADS.has(head);
    }
    default:
      return false;
  }
}

function canHead(t: Token): boolean {
  if (t.nameLike) return true;
  if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB') return true;
  return t.pos === 'GERUND' && NOMINAL_GERUNDS.has(t.lower);
}

/** Participles that say what happened to a thing rather than what kind of thing it is. */
const DESCRIPTIVE_PARTICIPLES = new Set([
  'given', 'trained', 'learned', 'learnt', 'used', 'obtained', 'based', 'resulting', 'collected', 'observed',
  'extracted', 'provided', 'required', 'reported', 'presented', 'described', 'desired', 'selected', 'produced',
  'considered', 'mentioned', 'expected', 'predicted', 'generated', 'introduced', 'designed', 'developed',
  'employed', 'adopted', 'applied', 'achieved', 'needed', 'found', 'seen', 'shown', 'known', 'computed', 'estimated',
  'inferred', 'studied', 'discussed', 'explored', 'tested', 'evaluated',
]);

function canLead(t: Token, sentenceInitial: boolean): boolean {
  // A capital mid-sentence marks part of a name ("Fine-grained Sparse Computation"), so it stays.
  if ((NON_NAMING_MODIFIERS.has(t.lower) && !(t.capitalized && !sentenceInitial)) || NEVER_NAMES.has(t.lower)) return false;
  if (t.pos === 'GERUND') return NOMINAL_GERUNDS.has(t.lower) || t.hyphenated;
  if (t.pos === 'NUM' && !t.nameLike) return false;
  return !DESCRIPTIVE_PARTICIPLES.has(t.lower);
}

/**
 * Maximal runs of nominal tokens in each sentence, not crossing punctuation, trimmed to name-like phrases.
 * Tokens flagged in `skip` (citations, quoted examples) belong to no phrase, so a phrase stops where one begins.
 */
export function findChunks(tokens: readonly Token[], skip?: readonly boolean[]): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (skip?.[i] || !isNominal(t, tokens[i - 1])) {
      i++;
      continue;
    }
    let j = i + 1;
    let prev = t;
    while (j < tokens.length) {
      const n = tokens[j] as Token;
      if (prev.gap.trim() !== '' || n.sentence !== prev.sentence || /['’]s$/.test(prev.text) || skip?.[j] || !isNominal(n, prev)) break;
      prev = n;
      j++;
    }
    pushTrimmed(tokens, i, j, out);
    i = j;
  }
  return out;
}

/**
 * Whether the -ing word at `k` is a verb taking the words after it as its object ("of running large
 * transformers", "in boosting efficiency") rather than the modifier of a name ("reranking models"). An
 * adjective or article after it marks an object; a plain noun only when the tagger already read a verb and
 * the noun is no head a concept name could end in.
 */
export function verbalGerund(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  const next = tokens[k + 1];
  if (!next || next.sentence !== t.sentence || t.gap.trim() !== '') return false;
  if (!/[a-z]ing$/.test(t.lower) || t.nameLike || NOMINAL_GERUNDS.has(t.lower)) return false;
  // A capital mid-sentence makes it part of a name ("Sliding Window Attention").
  if (t.capitalized && k > 0 && (tokens[k - 1] as Token).sentence === t.sentence) return false;
  if (next.pos === 'DET' || (next.pos === 'ADJ' && !next.nameLike)) return true;
  return t.pos === 'GERUND' && (next.pos === 'NOUN' || next.pos === 'PROPN') && !next.nameLike && headType(headWord(next)) === undefined;
}

function pushTrimmed(tokens: readonly Token[], from: number, to: number, out: Chunk[]): void {
  let a = from;
  let b = to;
  while (b > a && !canHead(tokens[b - 1] as Token)) b--;
  while (a < b && (!canLead(tokens[a] as Token, a === 0 || (tokens[a - 1] as Token).sentence !== (tokens[a] as Token).sentence) || (a + 1 < b && verbalGerund(tokens, a)))) a++;
  if (a >= b) return;
  const first = tokens[a] as Token;
  const last = tokens[b - 1] as Token;
  const possessive = /['’]s$/.exec(last.text);
  out.push({ from: a, to: b, start: first.start, end: possessive ? last.end - possessive[0].length : last.end });
}
