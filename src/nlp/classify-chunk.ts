import { canonicalKey, singularize } from './canonical-key.js';
import type { Chunk } from './find-candidates.js';
import { lookupLexicon } from './lexicon.js';
import type { Token } from './tokenize.js';
import type { ConceptType } from './types.js';
import { GENERIC_HEADS, NEVER_NAMES, NON_NAMING_MODIFIERS, headType } from './vocabulary.js';

export interface Typed {
  from: number;
  to: number;
  start: number;
  end: number;
  type: ConceptType;
  confidence: number;
  /** Which rule typed it; kept for debugging and tests. */
  rule: string;
  /** Token span naming the concept when it is shorter than the phrase ("tiling" in "tiling technique"). */
  nameFrom?: number;
  nameTo?: number;
}

const EVAL_WORDS = new Set([
  'evaluate', 'evaluated', 'evaluation', 'experiment', 'experiments', 'results', 'benchmark', 'benchmarks',
  'test', 'tested', 'outperform', 'outperforms', 'achieve', 'achieves', 'accuracy', 'state-of-the-art', 'trained',
  'training', 'dataset', 'datasets', 'fine-tuned', 'pretrained', 'pre-trained',
]);

/** Generic-headed phrases whose name is the modifier: "the TabR model" names TabR. */
const NAME_CARRIER_HEADS = new Set(['model', 'architecture', 'framework', 'method', 'algorithm', 'approach', 'network', 'system', 'module', 'mechanism', 'technique', 'variant', 'family']);

function head(t: Token): string {
  const parts = t.lower.replace(/['’]s$/, '').split('-');
  return singularize(parts[parts.length - 1] as string);
}

function spanOf(tokens: readonly Token[], from: number, to: number, end?: number): { start: number; end: number } {
  return { start: (tokens[from] as Token).start, end: end ?? (tokens[to - 1] as Token).end };
}

function isAcronymShape(t: Token): boolean {
  return /^[A-Z][A-Z0-9]+s?$/.test(t.text.replace(/-/g, ''));
}

function nameShaped(tokens: readonly Token[], from: number, to: number, sentenceStart: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.nameLike) continue;
    if (!t.capitalized) return false;
    if (k === sentenceStart && to - from === 1) return false;
  }
  return true;
}

/**
 * Type of a noun phrase from, in order: the lexicon, the "X task(s)" construction, its head noun, its
 * written shape (CamelCase, acronym, Title Case), and context ("in terms of X", "on X" in an evaluation).
 */
export function classifyChunk(tokens: readonly Token[], chunk: Chunk, sentenceStart: number, sentenceEnd: number): Typed | undefined {
  const { from, to } = chunk;
  const text = (k: number) => (tokens[k] as Token).lower;
  const span = { from, to, start: chunk.start, end: chunk.end };
  const before = (n: number) => (from - n >= sentenceStart ? text(from - n) : '');

  if (before(3) === 'in' && before(2) === 'terms' && before(1) === 'of') {
    return { ...span, type: 'METRIC', confidence: 0.6, rule: 'in-terms-of' };
  }

  const whole = lookupLexicon(canonicalKey(tokensText(tokens, from, to)));
  if (whole) return { ...span, type: whole.type, confidence: 0.9, rule: 'lexicon' };

  for (let k = from; k < to; k++) if (NEVER_NAMES.has((tokens[k] as Token).lower)) return undefined;
  const last = tokens[to - 1] as Token;
  const h = head(last);
  const n = to - from;

  const plural = h !== last.lower.split('-').pop();
  if (n === 1) {
    if (NEVER_NAMES.has(h) || NEVER_NAMES.has(last.lower)) return undefined;
    // Specific heads name a concept even alone ("parser", "chunking"), unlike "approach" or "model".
    const alone = SPECIFIC_ALONE.get(h);
    if (alone && !(alone === 'TASK' && plural)) return { ...span, type: alone, confidence: 0.4, rule: 'specific-head' };
    if (last.nameLike && !isAcronymShape(last)) {
      if (contextSaysDataset(tokens, from, to, sentenceStart, sentenceEnd)) return { ...span, type: 'DATASET', confidence: 0.55, rule: 'on-name' };
      return { ...span, type: 'METHOD', confidence: /[a-z][A-Z]|[A-Za-z]-?\d/.test(last.text) ? 0.6 : 0.5, rule: 'name-shape' };
    }
    return undefined;
  }

  if ((h === 'task' || h === 'problem') && n >= 2) {
    const inner = tokens[to - 2] as Token;
    const innerHead = head(inner);
    if ((inner.pos === 'NOUN' || inner.pos === 'PROPN' || inner.pos === 'GERUND' || inner.nameLike) && !GENERIC_HEADS.has(innerHead) && h === 'task') {
      return { from, to: to - 1, ...spanOf(tokens, from, to - 1), type: 'TASK', confidence: 0.7, rule: 'x-task' };
    }
    return undefined;
  }

  let ht = headType(h);
  // "phrase translations", "object detections" are outputs; the task is singular.
  if (ht === 'TASK' && plural) ht = undefined;
  const modifiersGeneric = allGeneric(tokens, from, to - 1);
  if (NAME_CARRIER_HEADS.has(h)) {
    // "the TabR model", "a tiling technique": the phrase is an occurrence of the concept its modifier names.
    const inner = lookupLexicon(canonicalKey(tokensText(tokens, from, to - 1)));
    if (inner || (n === 2 && (tokens[from] as Token).nameLike && !NEVER_NAMES.has((tokens[from] as Token).lower))) {
      return { ...span, type: inner?.type ?? 'METHOD', confidence: inner ? 0.85 : 0.65, rule: 'name-carrier', nameFrom: from, nameTo: to - 1 };
    }
  }
  if (ht && !modifiersGeneric) {
    return { ...span, type: ht, confidence: GENERIC_HEADS.has(h) ? 0.4 : 0.55, rule: 'head' };
  }
  if (nameShaped(tokens, from, to, sentenceStart) && !modifiersGeneric) {
    if (contextSaysDataset(tokens, from, to, sentenceStart, sentenceEnd)) return { ...span, type: 'DATASET', confidence: 0.55, rule: 'on-name' };
    return { ...span, type: 'METHOD', confidence: 0.5, rule: 'title-case-name' };
  }
  return undefined;
}

/** Heads specific enough to be a concept with no modifier. */
const SPECIFIC_ALONE: ReadonlyMap<string, ConceptType> = new Map([
  ...['parser', 'classifier', 'tagger', 'recognizer', 'segmenter', 'tokenizer', 'lemmatizer', 'stemmer', 'chunker', 'autoencoder', 'perceptron', 'transformer', 'kernel', 'regression', 'clustering'].map((w) => [w, 'METHOD'] as const),
  ...['parsing', 'chunking', 'tagging', 'summarization', 'segmentation', 'classification', 'recognition', 'detection', 'translation', 'reconstruction', 'tracking', 'retrieval', 'generation', 'localization', 'captioning', 'disambiguation', 'forecasting', 'transliteration', 'diarization'].map((w) => [w, 'TASK'] as const),
  ...['accuracy', 'precision', 'recall', 'perplexity', 'f1', 'bleu', 'rouge', 'wer', 'latency', 'throughput', 'speedup'].map((w) => [w, 'METRIC'] as const),
]);

function allGeneric(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (!NON_NAMING_MODIFIERS.has(t.lower) && !GENERIC_HEADS.has(head(t))) return false;
  }
  return true;
}

function contextSaysDataset(tokens: readonly Token[], from: number, to: number, sentenceStart: number, sentenceEnd: number): boolean {
  let k = from - 1;
  if (k >= sentenceStart && (tokens[k] as Token).pos === 'DET') k--;
  if (k < sentenceStart) return false;
  const prep = (tokens[k] as Token).lower;
  if (prep !== 'on' && prep !== 'across') return false;
  for (let s = sentenceStart; s < sentenceEnd; s++) if (EVAL_WORDS.has((tokens[s] as Token).lower)) return true;
  return to < sentenceEnd && EVAL_WORDS.has((tokens[to] as Token).lower);
}

export function tokensText(tokens: readonly Token[], from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    s += (k > from ? ' ' : '') + t.text;
  }
  return s;
}
