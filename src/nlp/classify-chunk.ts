import { canonicalKey } from './canonical-key.js';
import { matchAcronym } from './find-acronyms.js';
import { headWord } from './find-candidates.js';
import type { Chunk } from './find-candidates.js';
import { everydayWordWritten, lookupLexicon, lookupLexiconHit, trustedAlone, weakAlone } from './lexicon.js';
import type { Token } from './tokenize.js';
import type { ConceptType } from './types.js';
import { DATA_CARRIER_HEADS, GENERIC_HEADS, NAMING_WORDS, NEVER_NAMES, NON_NAMING_MODIFIERS, SIZE_MODIFIERS, SPECIFIC_ALONE, VACUOUS_MODIFIERS, WEAK_DATASET_HEADS, headType } from './vocabulary.js';

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
const NAME_CARRIER_HEADS = new Set(['model', 'kernel', 'architecture', 'framework', 'method', 'algorithm', 'approach', 'network', 'system', 'module', 'mechanism', 'technique', 'variant', 'family']);

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

/** The lowercase word `n` tokens before `from` in its sentence, or "". */
function wordBefore(tokens: readonly Token[], from: number, n: number, sentenceStart: number): string {
  return from - n >= sentenceStart ? (tokens[from - n] as Token).lower : '';
}

/**
 * Type of a noun phrase from, in order: the lexicon, the "X task(s)" construction, its head noun, its
 * written shape (CamelCase, acronym, Title Case), and context ("in terms of X", "on X" in an evaluation).
 */
export function classifyChunk(tokens: readonly Token[], chunk: Chunk, sentenceStart: number, sentenceEnd: number, headline = false): Typed | undefined {
  const { from, to } = chunk;
  const span = { from, to, start: chunk.start, end: chunk.end };

  if (wordBefore(tokens, from, 3, sentenceStart) === 'in' && wordBefore(tokens, from, 2, sentenceStart) === 'terms' && wordBefore(tokens, from, 1, sentenceStart) === 'of') {
    return { ...span, type: 'METRIC', confidence: 0.6, rule: 'in-terms-of' };
  }

  const written = tokensText(tokens, from, to);
  const wholeHit = lookupLexiconHit(canonicalKey(written));
  // Generic-sounding entries ("reasoning", "attention heads") are typed, but stay below the graph threshold.
  if (wholeHit && !everydayWordWritten(written, wholeHit)) return { ...span, type: wholeHit.entry.type, confidence: weakAlone(wholeHit.surface) ? 0.4 : 0.9, rule: 'lexicon' };

  for (let k = from; k < to; k++) if (NEVER_NAMES.has((tokens[k] as Token).lower)) return undefined;
  const last = tokens[to - 1] as Token;
  const h = headWord(last);
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

  if (DATA_CARRIER_HEADS.has(h) && dataCarrier(tokens, from, to)) {
    return { ...span, type: 'DATASET', confidence: 0.65, rule: 'data-carrier', nameFrom: from, nameTo: from + 1 };
  }

  if ((h === 'task' || h === 'problem') && n >= 2) {
    const inner = tokens[to - 2] as Token;
    const innerHead = headWord(inner);
    if ((inner.pos === 'NOUN' || inner.pos === 'PROPN' || inner.pos === 'GERUND' || inner.nameLike) && (!GENERIC_HEADS.has(innerHead) || inner.capitalized) && h === 'task') {
      // One plain word before "task" ("the search task") is too vague for a node unless it names a task alone.
      const vague = n === 2 && !inner.nameLike && !inner.capitalized && !SPECIFIC_ALONE.has(innerHead);
      return { from, to: to - 1, ...spanOf(tokens, from, to - 1), type: 'TASK', confidence: vague ? 0.4 : 0.7, rule: 'x-task' };
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
    // A "question answering system" is a method that does the task, not the task itself.
    if (inner && inner.type === 'TASK' && SYSTEM_HEADS.has(h)) return { ...span, type: 'METHOD', confidence: 0.45, rule: 'task-system' };
    if (inner || (n === 2 && (tokens[from] as Token).nameLike && !NEVER_NAMES.has((tokens[from] as Token).lower))) {
      return { ...span, type: inner?.type ?? 'METHOD', confidence: inner ? 0.85 : 0.65, rule: 'name-carrier', nameFrom: from, nameTo: to - 1 };
    }
  }
  if (modifiersGeneric) return undefined;
  const named = nameShaped(tokens, from, to, sentenceStart);
  // The head concept decides the kind: "multi-task linear regression" is a linear regression, a task.
  const suffix = lexiconSuffix(tokens, from + 1, to);
  // A plausible kind of a known concept; it takes a title mention or a proposal cue to become a graph node.
  if (suffix) return { ...span, type: suffix.type, confidence: 0.45, rule: 'lexicon-suffix' };
  // "Difference-aware Stripe Sparsity Identification": a capitalised name with a task head names a component.
  if (ht === 'TASK' && named && !headline && n >= 3 && !sentenceInitial(tokens, from, sentenceStart) && !taskFollows(tokens, to)) {
    return { ...span, type: 'METHOD', confidence: 0.5, rule: 'named-process' };
  }
  if (ht) {
    let confidence = GENERIC_HEADS.has(h) ? 0.4 : 0.55;
    // "spatial attention", "long sequences": plausible phrases, too loose for a graph node unless cued.
    if (h === 'attention' || (ht === 'DATASET' && WEAK_DATASET_HEADS.has(h)) || sizeOnly(tokens, from, to - 1)) confidence = Math.min(confidence, 0.4);
    return { ...span, type: ht, confidence, rule: 'head' };
  }
  if (named) {
    if (contextSaysDataset(tokens, from, to, sentenceStart, sentenceEnd)) return { ...span, type: 'DATASET', confidence: 0.55, rule: 'on-name' };
    return { ...span, type: 'METHOD', confidence: 0.5, rule: 'title-case-name' };
  }
  return undefined;
}

const QUANTIFIERS = new Set(['all', 'each', 'every', 'both', 'any', 'some', 'no', 'most', 'many', 'few']);

/** Heads of a phrase that names a thing doing a task ("machine translation system"). */
const SYSTEM_HEADS = new Set(['system', 'framework', 'module', 'approach', 'method', 'technique', 'algorithm', 'model', 'architecture', 'network']);

/** "Indirect Object Identification (IOI) task": the word "task" right after the phrase or its acronym. */
function taskFollows(tokens: readonly Token[], to: number): boolean {
  const next = tokens[to];
  const after = tokens[to + 1];
  return (next !== undefined && /^tasks?$/.test(next.lower)) || (next !== undefined && after !== undefined && (tokens[to - 1] as Token).gap.trim() === '(' && /^tasks?$/.test(after.lower));
}

function sentenceInitial(tokens: readonly Token[], from: number, sentenceStart: number): boolean {
  return from === sentenceStart || (tokens[from - 1] as Token).gap.trim() === ':';
}

/**
 * Type of the longest proper word suffix of the phrase that the lexicon knows ("persistent sparse attention"
 * → sparse attention, METHOD). Acronyms too ambiguous alone do not count.
 */
function lexiconSuffix(tokens: readonly Token[], from: number, to: number): { type: ConceptType; name: string } | undefined {
  for (let k = from; k < to; k++) {
    const m = tokens[k - 1] as Token;
    // Modifiers must be words that can describe a kind ("persistent", "content-based"), not a misread verb or "all".
    if (!(m.nameLike || m.pos === 'ADJ' || m.pos === 'NOUN' || m.pos === 'PROPN' || m.hyphenated) || QUANTIFIERS.has(m.lower)) return undefined;
    const hit = lookupLexiconHit(canonicalKey(tokensText(tokens, k, to)));
    if (hit && trustedAlone(hit.surface) && (k < to - 1 || !/[A-Z]/.test(hit.surface) || hit.surface === (tokens[k] as Token).text.replace(/s$/, ''))) {
      return { type: hit.entry.type, name: hit.entry.name };
    }
  }
  return undefined;
}

function sizeOnly(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!SIZE_MODIFIERS.has((tokens[k] as Token).lower)) return false;
  return to > from;
}

function allGeneric(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    // "in-context", "out-of-domain", "cross-document": a prefix makes a generic word a specific modifier.
    if (t.hyphenated && /^(?:in|out|cross|intra|inter)-/.test(t.lower)) return false;
    if (!NON_NAMING_MODIFIERS.has(t.lower) && !VACUOUS_MODIFIERS.has(t.lower) && !GENERIC_HEADS.has(headWord(t))) return false;
  }
  return true;
}

/** A name, then plain words, then a collection noun: "BizEval prompt set", not "BizEval Prompt Set" (a title). */
function dataCarrier(tokens: readonly Token[], from: number, to: number): boolean {
  const first = tokens[from] as Token;
  if (!first.nameLike || NEVER_NAMES.has(first.lower)) return false;
  for (let k = from + 1; k < to; k++) if ((tokens[k] as Token).nameLike || (tokens[k] as Token).capitalized) return false;
  return true;
}

/** Words that set a name beside the noun it names: "a dataset, i.e., Infographics-650K", "a benchmark called X". */
const APPOSITION_MARKERS = new Set(['i.e.', 'i.e', 'ie', 'namely', ...NAMING_WORDS]);

/** "a business content dataset, i.e., Infographics-650K", "the benchmark: FooBench": a name given to a data resource. */
function namesDataResource(tokens: readonly Token[], from: number, sentenceStart: number): boolean {
  let k = from - 1;
  const marked = k >= sentenceStart && APPOSITION_MARKERS.has((tokens[k] as Token).lower);
  if (marked) k--;
  if (k < sentenceStart) return false;
  const t = tokens[k] as Token;
  const gap = t.gap.trim();
  // Without a marker only a colon or parenthesis sets a name beside the noun; a comma often starts a new clause.
  if (!(marked ? /^[,:(]?$/.test(gap) : gap === ':' || gap === '(')) return false;
  const h = headWord(t);
  return headType(h) === 'DATASET' && !WEAK_DATASET_HEADS.has(h);
}

/**
 * "For language modeling tasks (Wikitext2)": a name in parentheses right after a task names the data the
 * task is run on, unless it abbreviates the task (that is an acronym definition).
 */
function dataOfTask(tokens: readonly Token[], from: number, to: number, sentenceStart: number): boolean {
  if (from - 1 < sentenceStart) return false;
  const prev = tokens[from - 1] as Token;
  if (prev.gap.trim() !== '(' || !(/^tasks?$/.test(prev.lower) || headType(headWord(prev)) === 'TASK')) return false;
  const words = tokens.slice(sentenceStart, from).map((t) => t.text);
  return matchAcronym(tokensText(tokens, from, to).replace(/\s+/g, ''), words) === 0;
}

function contextSaysDataset(tokens: readonly Token[], from: number, to: number, sentenceStart: number, sentenceEnd: number): boolean {
  return evaluatedOn(tokens, from, to, sentenceStart, sentenceEnd) || namesDataResource(tokens, from, sentenceStart) || dataOfTask(tokens, from, to, sentenceStart);
}

/** "We evaluate on X": a name after "on" or "across" in a sentence about evaluation. */
function evaluatedOn(tokens: readonly Token[], from: number, to: number, sentenceStart: number, sentenceEnd: number): boolean {
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

/** The known concept a multi-word name ends with, by words: "Position Persistent Sparse Attention" → sparse attention. */
export function lexiconSuffixOfName(name: string): { type: ConceptType; name: string } | undefined {
  const words = name.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const rest = words.slice(k);
    const hit = lookupLexiconHit(canonicalKey(rest.join(' ')));
    if (!hit || !trustedAlone(hit.surface)) continue;
    // One capitalised word must be written as the lexicon writes it ("Transformer", not "transformer" of a sentence).
    if (rest.length === 1 && /[A-Z]/.test(hit.surface) && rest[0]?.replace(/s$/, '') !== hit.surface) continue;
    return { type: hit.entry.type, name: hit.entry.name };
  }
  return undefined;
}
