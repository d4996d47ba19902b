import { createBoundedMemo } from './bounded-memo.js';
import type { ConceptType } from './types.js';

/**
 * Words whose final "s" is not a plural marker; singularizing them would merge unrelated names
 * (e.g. the Kinetics dataset into "kinetic").
 */
const NOT_PLURAL = new Set([
  'bias', 'gas', 'atlas', 'alias', 'canvas', 'lens', 'news', 'series', 'species', 'bayes', 'chaos', 'thesis',
  'physics', 'mathematics', 'statistics', 'economics', 'linguistics', 'robotics', 'graphics', 'dynamics',
  'kinetics', 'semantics', 'analytics', 'genomics', 'ethics', 'optics', 'mechanics', 'pragmatics', 'phonetics',
  'logistics', 'diagnostics', 'acoustics', 'aids', 'glass', 'express', 'plus', 'various', 'previous',
  'means', 'always', 'perhaps', 'whereas', 'towards', 'across', 'this', 'its', 'has', 'was', 'does', 'is', 'us', 'flops',
]);

const IES_TO_IE = new Set(['movies', 'cookies', 'ties', 'lies', 'pies', 'zombies', 'calories']);

/** Singular of one lowercase word; conservative because a wrong merge is worse than a missed one. */
export function singularize(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || NOT_PLURAL.has(word)) return word;
  if (!/[a-z]{3}$/.test(word)) return word;
  if (word.endsWith('ies')) return IES_TO_IE.has(word) ? word.slice(0, -1) : `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  // "biases", "aliases": the singular is itself on the not-plural list.
  if (word.endsWith('es') && NOT_PLURAL.has(word.slice(0, -2))) return word.slice(0, -2);
  if (/(?:sses|ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * The canonical key of a window of tokens that widens one token at a time (the lexicon and surface matchers):
 * the key parts of every token so far, hyphen-joined, the last one singular, as `canonicalKey` would give for the
 * window's text. Built by appending, because a matcher asks for the key at every width.
 */
export class WindowKey {
  /** Every part but the last, hyphen-joined. */
  private head = '';
  private last: string | undefined;
  /** Parts taken so far. */
  count = 0;

  /** Widens the window by one token, given its key parts (`keyParts`). */
  push(parts: readonly string[]): void {
    for (const part of parts) {
      if (this.last !== undefined) this.head = this.head === '' ? this.last : `${this.head}-${this.last}`;
      this.last = part;
      this.count++;
    }
  }

  /** The window's key, or undefined while no token has given a part. */
  key(): string | undefined {
    if (this.last === undefined) return undefined;
    const singular = singularize(this.last);
    return this.head === '' ? singular : `${this.head}-${singular}`;
  }

  /** The parts joined as written (last one not singularized): what a longer name would start with. */
  prefix(): string {
    const last = this.last ?? '';
    return this.head === '' ? last : `${this.head}-${last}`;
  }
}

const BRITISH: ReadonlyMap<string, string> = new Map([
  ['modelling', 'modeling'], ['modelled', 'modeled'], ['labelling', 'labeling'], ['labelled', 'labeled'],
  ['behaviour', 'behavior'], ['behavioural', 'behavioral'], ['neighbour', 'neighbor'], ['neighbours', 'neighbors'],
  ['neighbourhood', 'neighborhood'], ['colour', 'color'], ['generalisation', 'generalization'],
  ['normalisation', 'normalization'], ['optimisation', 'optimization'], ['regularisation', 'regularization'],
  ['visualisation', 'visualization'], ['tokenisation', 'tokenization'], ['summarisation', 'summarization'],
  ['categorisation', 'categorization'], ['recognise', 'recognize'], ['analyse', 'analyze'],
]);

/** Lowercase word pieces of a surface: split on spaces and dashes, punctuation dropped, spelling unified. */
export function keyParts(text: string): string[] {
  const parts = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/['’]s\b/g, '')
    .split(/[\s_\-/]+/);
  const out: string[] = [];
  for (const raw of parts) {
    const p = raw.replace(/[^\p{L}\p{N}.+^()*]/gu, '').replace(/\.$/, '');
    if (p.length > 0) out.push(BRITISH.get(p) ?? p);
  }
  return out;
}

/**
 * Key shared by every spelling of a name: case-folded, dashes/spaces/underscores unified to one hyphen,
 * last word singular, British spellings folded. "Large Language Models", "large-language model" →
 * "large-language-model". Remembered per name: extraction asks for the same names' keys many times a paper.
 */
export const canonicalKey: (name: string) => string = createBoundedMemo((name) => {
  const parts = keyParts(name.normalize('NFKC'));
  const last = parts.length - 1;
  if (last >= 0) parts[last] = singularize(parts[last] as string);
  return parts.join('-');
}, 50_000);

/** Id shared by every paper's mention of a concept: `method:flashattention-2`. */
export function conceptId(type: ConceptType, key: string): string {
  return `${type.toLowerCase()}:${key}`;
}
