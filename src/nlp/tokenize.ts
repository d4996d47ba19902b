import nlp from 'compromise';

/** Every coarse part of speech. */
export const POS_VALUES = ['NOUN', 'PROPN', 'ADJ', 'VERB', 'GERUND', 'PARTICIPLE', 'ADV', 'DET', 'PRON', 'PREP', 'CONJ', 'NUM', 'URL', 'OTHER'] as const;
/** Coarse part of speech; enough for chunking, and cheap to compare. */
export type Pos = (typeof POS_VALUES)[number];

export interface Token {
  /** Exactly `source.slice(start, end)`. */
  text: string;
  lower: string;
  start: number;
  end: number;
  pos: Pos;
  /** Source text between this token and the next one (punctuation, spaces). */
  gap: string;
  sentence: number;
  /** Built from several compromise terms joined by "-" (Wikitext-103, Multi-Head). */
  hyphenated: boolean;
  /** Written like a name: CamelCase, ALLCAPS acronym, letters mixed with digits (ViT, GPT-4, PG-19). */
  nameLike: boolean;
  capitalized: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  from: number;
  to: number;
}

export interface Tokenized {
  tokens: Token[];
  sentences: Sentence[];
}

interface Term {
  text: string;
  tags: Set<string>;
}

const NAME_SHAPE = /^(?:[A-Z]{2,}[a-z]?s?|[A-Z][a-z]+[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*|.*[A-Za-z].*\d.*|.*\d.*[A-Za-z].*|[A-Z][A-Za-z]*-[A-Z0-9][A-Za-z0-9-]*)$/;

export function isNameLike(text: string): boolean {
  if (!/[A-Za-z]/.test(text)) return false;
  // Ordinals and units ("1st", "3D", "128k") are digits with letters but not names.
  if (/^\d+(?:\.\d+)?(?:st|nd|rd|th|k|K|M|B|x|X|×|D|d|GB|MB|ms|s|%)?$/.test(text)) return false;
  // A number glued to a word ("1.44times") is a typo, not a name.
  if (/^\d+(?:\.\d+)?[a-z]{3,}$/.test(text)) return false;
  return NAME_SHAPE.test(text);
}

function posOf(tags: Set<string>): Pos {
  if (tags.has('Url') || tags.has('Email')) return 'URL';
  if (tags.has('Determiner')) return 'DET';
  if (tags.has('Pronoun')) return 'PRON';
  if (tags.has('Preposition')) return 'PREP';
  if (tags.has('Conjunction')) return 'CONJ';
  if (tags.has('Gerund')) return 'GERUND';
  if (tags.has('PastTense') && tags.has('Verb')) return 'PARTICIPLE';
  if (tags.has('Participle')) return 'PARTICIPLE';
  if (tags.has('Verb') || tags.has('Modal') || tags.has('Copula') || tags.has('Auxiliary')) return 'VERB';
  if (tags.has('Adverb') || tags.has('Negative')) return 'ADV';
  if (tags.has('Value') || tags.has('NumericValue')) return 'NUM';
  if (tags.has('Adjective') || tags.has('Comparable')) return 'ADJ';
  if (tags.has('ProperNoun')) return 'PROPN';
  if (tags.has('Noun') || tags.has('Acronym')) return 'NOUN';
  return 'OTHER';
}

/**
 * Most tokens in one sentence. Every stage after tokenizing works per sentence, and some of them (noun chunks
 * and their suffix lookups, context windows) cost the square of a sentence's length, so text without sentence
 * breaks ("x x x …", a pasted table) would cost the square of its whole length; cutting sentences here keeps
 * extraction linear in the text. Real sentences stay well under it (the longest abstract sentence in SciERC
 * has about 120 tokens).
 */
export const MAX_SENTENCE_TOKENS = 150;

const COMPLEXITY = /\bO\([^()\s]{1,16}\)/g;

/** "like GPT-4.In this work": a sentence break typed without its space, which compromise reads as one word. */
const GLUED_SENTENCE = /(?<!\S)(\S*?[\p{L}\p{N}])\.([A-Z][a-z]+)(?=\s+[a-z])/gu;

/**
 * The text compromise parses. Terms are re-aligned to `source` by searching for their text, so spaces added
 * here change how compromise splits sentences, never the offsets. URLs and e-mail addresses keep their dots.
 */
function parseText(source: string): string {
  return source.replace(GLUED_SENTENCE, (m: string, before: string, after: string) => (/[/@]/.test(before) ? m : `${before}. ${after}`));
}

interface Document {
  document: Term[][];
  compute(hooks: readonly string[]): Document;
}

/** compromise's parser internals that `nlp(text)` itself runs: its string tokenizer and its document view. */
const world = nlp.world() as { methods: { one: { tokenize: { fromString(text: string, w: unknown): Term[][] } } } };
const View = nlp.tokenize('').constructor as new (document: Term[][]) => Document;

/**
 * compromise's own steps after tokenizing, in `nlp(text)`'s order, without the last one, "chunks": it only
 * groups terms into noun and verb chunks (`term.chunk`), which nothing here reads (find-candidates chunks the
 * tokens itself), and it costs about a tenth of the parse. `nlp.tokenize(text).compute(…)` would also give the
 * same tags, but it normalizes every term a second time.
 */
const PARSE_HOOKS = nlp.hooks().filter((h) => h !== 'chunks');

/** compromise's parse of `text`: what `nlp(text)` does, without the chunks; terms and tags are the same (tokenize.test.ts). */
export function parse(text: string): { document: Term[][] } {
  return new View(world.methods.one.tokenize.fromString(text, world)).compute(PARSE_HOOKS);
}

const MODALS = new Set(['can', 'cannot', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall']);
/** Function words that a missing space glues to the end of a name ("S2-Attentioncan provide", "DKerneland"). */
const GLUED_FUNCTION_WORD = new RegExp(`^(.*[a-z0-9])(${[...MODALS, 'and', 'or'].join('|')})$`);

/**
 * One compromise parse of `source`, re-aligned to character offsets by scanning the source, with the
 * split pieces of hyphenated names ("Wikitext" "-" "103") glued back into one token.
 */
export function tokenize(source: string): Tokenized {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  if (source.trim().length === 0) return { tokens, sentences };
  // compromise's document is an array of sentences of terms; reading it directly avoids .json() costs.
  const doc = parse(parseText(source));
  /** Per token: compromise read it as a bare verb ("provide"), the form that follows a modal. */
  const bareVerb: boolean[] = [];
  let cursor = 0;
  for (const terms of doc.document) {
    let from = tokens.length;
    for (const term of terms) {
      const text = term.text;
      // Punctuation written with spaces around it (" , ") arrives as a term of its own; it belongs in the gap.
      if (text.length === 0 || !/[\p{L}\p{N}]/u.test(text)) continue;
      const at = source.indexOf(text, cursor);
      if (at < 0) continue;
      const end = at + text.length;
      cursor = end;
      const prev = tokens[tokens.length - 1];
      const pos = posOf(term.tags);
      if (prev && prev.sentence === sentences.length && source.slice(prev.end, at) === '-' && pos !== 'URL') {
        prev.text = source.slice(prev.start, end);
        prev.lower = prev.text.toLowerCase();
        prev.end = end;
        prev.hyphenated = true;
        // The last piece decides the category ("state-of-the-art" ADJ, "Multi-Head" NOUN), except numbers.
        if (pos !== 'NUM' && pos !== 'DET' && pos !== 'PREP' && pos !== 'CONJ') prev.pos = pos === 'PROPN' || pos === 'NOUN' || pos === 'ADJ' ? pos : prev.pos;
        prev.nameLike = isNameLike(prev.text);
        continue;
      }
      if (tokens.length - from >= MAX_SENTENCE_TOKENS) {
        sentences.push(sentenceOver(tokens, from));
        from = tokens.length;
      }
      tokens.push({
        text,
        lower: text.toLowerCase(),
        start: at,
        end,
        pos,
        gap: '',
        sentence: sentences.length,
        hyphenated: false,
        nameLike: isNameLike(text),
        capitalized: /^[A-Z]/.test(text),
      });
      bareVerb.push(term.tags.has('Infinitive'));
    }
    if (tokens.length > from) sentences.push(sentenceOver(tokens, from));
  }
  splitGluedFunctionWords(source, tokens, bareVerb);
  mergeComplexity(source, tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    t.gap = source.slice(t.end, next ? next.start : source.length);
  }
  for (const s of sentences) {
    // Extend to the closing punctuation so evidence reads as a sentence (not into a glued next sentence).
    const m = /^[^\s\p{L}\p{N}]*/u.exec(source.slice(s.end));
    s.end += m ? m[0].length : 0;
  }
  return { tokens, sentences: reindex(sentences, tokens) };
}

function sentenceOver(tokens: readonly Token[], from: number): Sentence {
  return { start: (tokens[from] as Token).start, end: (tokens[tokens.length - 1] as Token).end, from, to: tokens.length };
}

/**
 * "S2-Attentioncan provide": a name the text also writes on its own, with a function word glued to it, is the
 * name followed by that word. Without the name written elsewhere the split would be a guess ("Pelican").
 */
function splitGluedFunctionWords(source: string, tokens: Token[], bareVerb: boolean[]): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    if (!t.nameLike) continue;
    const m = GLUED_FUNCTION_WORD.exec(t.text);
    if (!m) continue;
    const stem = m[1] as string;
    const word = m[2] as string;
    const next = tokens[i + 1];
    if (MODALS.has(word) && !(next && next.sentence === t.sentence && bareVerb[i + 1])) continue;
    if (!isNameLike(stem) || !writtenAlone(source, stem)) continue;
    const cut = t.start + stem.length;
    const glued: Token = { ...t, text: word, lower: word, start: cut, pos: MODALS.has(word) ? 'VERB' : 'CONJ', hyphenated: false, nameLike: false, capitalized: false };
    t.text = stem;
    t.lower = stem.toLowerCase();
    t.end = cut;
    t.nameLike = true;
    tokens.splice(i + 1, 0, glued);
    bareVerb.splice(i + 1, 0, false);
  }
}

/** Whether `word` occurs in `source` as a whole word, not only inside longer ones. */
function writtenAlone(source: string, word: string): boolean {
  for (let at = source.indexOf(word); at >= 0; at = source.indexOf(word, at + 1)) {
    const before = source[at - 1] ?? ' ';
    const after = source[at + word.length] ?? ' ';
    if (!/[\p{L}\p{N}-]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** "O(n^2)" arrives as "O(n^2" plus a ")" in the gap; keep the notation whole so it is not read as a word. */
function mergeComplexity(source: string, tokens: Token[]): void {
  for (const m of source.matchAll(COMPLEXITY)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const i = tokens.findIndex((t) => t.start <= start && t.end > start);
    if (i < 0) continue;
    let j = i;
    while (j + 1 < tokens.length && (tokens[j + 1] as Token).start < end) j++;
    const t = tokens[i] as Token;
    t.start = start;
    t.end = end;
    t.text = m[0];
    t.lower = m[0].toLowerCase();
    t.pos = 'OTHER';
    t.nameLike = false;
    tokens.splice(i + 1, j - i);
  }
}

function reindex(sentences: Sentence[], tokens: Token[]): Sentence[] {
  let k = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si] as Sentence;
    s.from = k;
    while (k < tokens.length && (tokens[k] as Token).sentence === si) k++;
    s.to = k;
  }
  return sentences;
}
