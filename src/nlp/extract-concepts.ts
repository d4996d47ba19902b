import { canonicalKey, conceptId, keyParts, singularize, WindowKey } from './canonical-key.js';
import { classifyChunk, lexiconSuffixOfName, tokensText } from './classify-chunk.js';
import type { Typed } from './classify-chunk.js';
import { findAcronyms, matchAcronym } from './find-acronyms.js';
import type { AcronymDefinition } from './find-acronyms.js';
import { asideTokens } from './find-asides.js';
import { headWord, verbalGerund } from './find-candidates.js';
import type { Chunk } from './find-candidates.js';
import { defaultTagger } from './crf-tagger.js';
import { findCodeLinks } from './find-code-links.js';
import { everydayWordWritten, lexiconBroaderId, lexiconLooseKeyPrefix, lexiconMaxParts, lookupLexicon, lookupLexiconHit, trustedAlone, weakAlone, writtenAsLexicon } from './lexicon.js';
import type { LexiconEntry } from './lexicon.js';
import type { Tagger, TaggedSpan } from './tagger.js';
import { lexiconTags, typedChunks } from './tagger-features.js';
import type { TypedChunk } from './tagger-features.js';
import { tokenize } from './tokenize.js';
import type { Sentence, Token, Tokenized } from './tokenize.js';
import type { ConceptType, ExtractedConcept, ExtractInput, Extraction, Field, Mention, Role } from './types.js';
import { GENERIC_HEADS, NAMING_WORDS, NEVER_NAMES, NON_NAMING_MODIFIERS, SIZE_MODIFIERS, TASK_HEADS, TRAILING_HEADS, VACUOUS_MODIFIERS, headType } from './vocabulary.js';

interface Draft {
  id: string;
  key: string;
  type: ConceptType;
  name: string;
  lexicon?: LexiconEntry;
  aliases: string[];
  role: Role;
  confidence: number;
  evidence?: string;
  mentions: Mention[];
  /** Mentions the tagger found, with their token spans; kept across re-matching. */
  tagged: Array<Mention & { from: number; to: number }>;
  /** Typed by a strong rule ("our BizEval prompt set"): the tagger's other readings of the name join it. */
  strong?: boolean;
}

interface FieldText {
  field: Field;
  source: string;
  tok: Tokenized;
  /** Key parts per token, computed once for the surface matcher. */
  parts: string[][];
  /** Per token: inside a citation or quoted example sentence, which names authors and data, not concepts of the paper. */
  aside: boolean[];
  /** Typed mentions the tagger found. */
  spans: TaggedSpan[];
  /** Acronym definitions outside asides. */
  defs: AcronymDefinition[];
  /** Per token: the longest lexicon name there, as B-/I-TYPE, or "". */
  lexicon: string[];
  /** The rules' noun phrases and their typing. */
  chunks: TypedChunk[];
}

const PROPOSE_VERBS = new Set(['propose', 'proposes', 'introduce', 'introduces', 'present', 'presents', 'design', 'designs', 'develop', 'develops', 'devise', 'devises', 'build', 'builds', 'construct', 'constructs', 'create', 'creates', 'release', 'releases']);
const PROPOSE_SUBJECTS = new Set(['we', 'paper', 'work', 'study', 'article', 'letter', 'report', 'i']);
const PASSIVE_PROPOSED = new Set(['proposed', 'presented', 'introduced', 'described', 'developed']);
/** Verbs that open a title clause ("… to Mitigate In-Context Hallucination"); not part of a name after them. */
const TITLE_VERBS = new Set(['mitigate', 'mitigates', 'reduce', 'reduces', 'improve', 'improves', 'enhance', 'enhances', 'boost', 'boosts', 'fix', 'fixes', 'unlock', 'unlocks', 'rethink', 'revisit', 'revisits', 'eliminate', 'eliminates', 'understand', 'understands', 'accelerate', 'accelerates', 'measure', 'measures', 'characterize', 'characterizes', 'leverage', 'leverages', 'harness', 'harnesses', 'unveil', 'unveils', 'tame', 'taming', 'bridge', 'bridges', 'explore', 'explores', 'detect', 'detects', 'prevent', 'prevents', 'overcome', 'overcomes', 'alleviate', 'alleviates', 'analyze', 'analyzes', 'evaluate', 'evaluates', 'benchmark', 'benchmarks', 'optimize', 'optimizes', 'demystify', 'demystifies']);
const TITLE_BREAKS = new Set(['of', 'for', 'with', 'in', 'on', 'and', 'or', 'the', 'a', 'an', 'to', 'via', 'from', 'at', 'by', 'through', 'without', 'towards', 'toward', 'using', 'as', 'is', 'are', 'does', 'do', 'how', 'what', 'why', 'when', 'can', 'vs', 'versus', 'beyond', 'into', 'under', 'over', 'not', 'all', 'you', 'need', 'your', 'its', 'it', 'we', 'our', 'be']);

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function prepare(field: Field, source: string, tagger: Tagger): FieldText {
  const tok = tokenize(source);
  const aside = asideTokens(source, tok.tokens);
  const parts = tok.tokens.map((t) => keyParts(t.text));
  const lexicon = lexiconTags(tok.tokens, parts);
  const chunks = typedChunks(field, tok.tokens, tok.sentences, aside);
  const spans = tok.tokens.length > 0 ? tagger.tag({ field, source, tokens: tok.tokens, sentences: tok.sentences, aside, parts, lexicon, chunks }) : [];
  const defs = findAcronyms(tok.tokens).filter((d) => !aside.slice(d.from, d.shortAt + 1).some(Boolean));
  return { field, source, tok, parts, aside, spans, defs, lexicon, chunks };
}

function anyAside(ft: FieldText, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ft.aside[k]) return true;
  return false;
}

function sentenceOf(ft: FieldText, tokenIndex: number): Sentence {
  const t = ft.tok.tokens[tokenIndex] as Token;
  return ft.tok.sentences[t.sentence] as Sentence;
}

function sentenceText(ft: FieldText, tokenIndex: number): string {
  const s = sentenceOf(ft, tokenIndex);
  return ft.source.slice(s.start, s.end);
}

/** Display name: a sentence-initial capital is not part of the name ("Deep learning" → "deep learning"). */
function displayName(ft: FieldText, from: number, to: number, start: number, end: number): string {
  const raw = ft.source.slice(start, end).replace(/\s+/g, ' ');
  const first = ft.tok.tokens[from] as Token;
  const sentenceFirst = sentenceOf(ft, from).from === from;
  if (ft.field === 'abstract' && sentenceFirst && /^[A-Z][a-z]+$/.test(first.text) && to - from > 1) {
    const rest = raw.slice(first.text.length);
    if (rest === rest.toLowerCase()) return raw[0]?.toLowerCase() + raw.slice(1);
  }
  return raw;
}

/** Whether a lexicon entry's type overrides the tagger's for the names it knows. */
const LEXICON_TYPE_WINS = true;

class DraftSet {
  readonly byId = new Map<string, Draft>();
  /** Canonical key of every known surface → draft id. */
  readonly surfaces = new Map<string, string>();

  /**
   * The draft for `name`, created or found by a known surface. `sameType`: a known surface of another type
   * does not claim it (the tagger typed this occurrence otherwise), so the name gets a concept of its own type.
   */
  add(name: string, type: ConceptType, confidence: number, role: Role, evidence?: string, sameType = false, noLexicon = false): Draft {
    const key = canonicalKey(name);
    const lex = noLexicon ? undefined : lookupLexicon(key);
    // The lexicon is authored and wins over the tagger's typing for the names it knows.
    const lexWins = lex && (!sameType || LEXICON_TYPE_WINS || lex.type === type);
    const finalType = lex && lexWins ? lex.type : type;
    const finalName = lex && lexWins ? lex.name : name;
    const finalKey = lex && lexWins ? canonicalKey(lex.name) : key;
    const id = conceptId(finalType, finalKey);
    const existingId = this.surfaces.get(key);
    const existing = existingId === undefined ? undefined : this.byId.get(existingId);
    let d = existing && (!sameType || existing.type === finalType || existing.strong) ? existing : this.byId.get(id);
    if (!d) {
      d = { id, key: finalKey, type: finalType, name: finalName, aliases: [], role, confidence, mentions: [], tagged: [] };
      if (lex) d.lexicon = lex;
      if (evidence !== undefined) d.evidence = evidence;
      this.byId.set(id, d);
    } else {
      d.confidence = Math.max(d.confidence, confidence);
      if (role === 'PROPOSED' && d.role !== 'PROPOSED') {
        d.role = 'PROPOSED';
        if (evidence !== undefined) d.evidence = evidence;
      }
    }
    this.alias(d, name);
    if (lex && lexWins) for (const s of [lex.name, ...lex.aliases]) this.surfaces.set(canonicalKey(s), d.id);
    return d;
  }

  /** Gives `d` another type, unless a concept of that type and name exists already. */
  retype(d: Draft, type: ConceptType): void {
    const id = conceptId(type, d.key);
    if (this.byId.has(id)) return;
    this.byId.delete(d.id);
    for (const [k, v] of this.surfaces) if (v === d.id) this.surfaces.set(k, id);
    d.id = id;
    d.type = type;
    this.byId.set(id, d);
  }

  /** Another finding of `d`: the highest confidence counts, and a proposal cue makes it proposed. */
  raise(d: Draft, confidence: number, role: Role, evidence?: string): void {
    d.confidence = Math.max(d.confidence, confidence);
    if (role === 'PROPOSED' && d.role !== 'PROPOSED') {
      d.role = 'PROPOSED';
      if (evidence !== undefined) d.evidence = evidence;
    }
  }

  alias(d: Draft, surface: string): void {
    const k = canonicalKey(surface);
    if (!this.surfaces.has(k)) this.surfaces.set(k, d.id);
    if (k !== d.key && !d.aliases.some((a) => canonicalKey(a) === k)) d.aliases.push(surface);
  }
}

/** Which proposal cue, if any, introduces the phrase starting at token `from`. */
function proposalCue(tokens: readonly Token[], from: number, to: number, sentence: Sentence): boolean {
  if (from - 1 >= sentence.from) {
    const p = (tokens[from - 1] as Token).lower;
    if (p === 'our' || p === 'proposed' || NAMING_WORDS.has(p)) return true;
  }
  // "we (also) propose (a novel) X", "this paper introduces the X".
  let k = from - 1;
  let skipped = 0;
  while (k >= sentence.from && skipped < 4) {
    const t = tokens[k] as Token;
    if (PROPOSE_VERBS.has(t.lower)) {
      let s = k - 1;
      while (s >= sentence.from && ((tokens[s] as Token).pos === 'ADV' || (tokens[s] as Token).lower === 'also')) s--;
      return s >= sentence.from && PROPOSE_SUBJECTS.has((tokens[s] as Token).lower);
    }
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'ADV' || NON_NAMING_MODIFIERS.has(t.lower) || t.pos === 'NUM')) return false;
    k--;
    skipped++;
  }
  // "An entity-oriented approach … is proposed."
  if (from === sentence.from) {
    for (let j = to; j < Math.min(sentence.to, to + 8); j++) {
      const t = tokens[j] as Token;
      if (PASSIVE_PROPOSED.has(t.lower) && ((tokens[j - 1] as Token).lower === 'is' || (tokens[j - 1] as Token).lower === 'are')) return true;
    }
  }
  return false;
}

function isJunkName(name: string): boolean {
  const key = canonicalKey(name);
  if (key.length < 2) return true;
  const parts = key.split('-');
  if (parts.length === 1 && (GENERIC_HEADS.has(key) || NEVER_NAMES.has(key) || NON_NAMING_MODIFIERS.has(key))) return true;
  // Multipliers and dimensions ("2.1x", "20x-200x", "1.44times", "3-D") and formula fragments ("oleft(n^2dright").
  if (/^\d+(?:\.\d+)?(?:x|×|times)$/.test(parts[0] as string) || /^\d+(?:\.\d+)?-?d$/.test(key)) return true;
  if (/[\^()]/.test(key) && !/^o\([^()]*\)$/.test(key)) return true;
  return !/[a-z]/.test(key);
}

/** Tagged span overlapping token span [from, to) with the highest confidence. */
function spanAt(ft: FieldText, from: number, to: number): TaggedSpan | undefined {
  let best: TaggedSpan | undefined;
  for (const sp of ft.spans) if (sp.from < to && from < sp.to && (!best || sp.confidence > best.confidence)) best = sp;
  return best;
}

/** Acronym definitions of the abstract: the expansion is the name, the short form an alias. */
function collectDefinitions(ft: FieldText, drafts: DraftSet): void {
  const tokens = ft.tok.tokens;
  for (const def of ft.defs) {
    const longText = displayName(ft, def.from, def.to, (tokens[def.from] as Token).start, (tokens[def.to - 1] as Token).end);
    const longKey = canonicalKey(longText);
    const shortKey = canonicalKey(def.short);
    const s = sentenceOf(ft, def.from);
    const lex = lookupLexicon(longKey) ?? lookupLexicon(shortKey);
    const tagged = spanAt(ft, def.from, def.to);
    const taggedShort = spanAt(ft, def.shortAt, def.shortAt + 1);
    const cue = proposalCue(tokens, def.from, def.to, s);
    let type: ConceptType | undefined = lex?.type ?? tagged?.type ?? taggedShort?.type;
    if (!type && (cue || capitalizedWords(tokens, def.from, def.to))) type = 'METHOD';
    if (type && !lex && !tagged && !taggedShort) type = trailingHeadType(tokens, def.shortAt, ')') ?? type;
    // "Comprehensive Attention Benchmark (CAB)": the expansion's own head says what kind of thing it names.
    const ownHead = TRAILING_HEADS.get(singularize((tokens[def.to - 1] as Token).lower));
    if (ownHead && !lex) type = ownHead;
    if (!type || isJunkName(longText)) continue;
    // A definition is a strong signal that the paper names a concept; the tagger's belief still ranks it.
    const confidence = Math.max(tagged?.confidence ?? 0, taggedShort?.confidence ?? 0, lex ? 0.85 : 0, DEFINITION_CONFIDENCE);
    const d = drafts.add(longText, type, confidence, cue ? 'PROPOSED' : 'USED', sentenceText(ft, def.from));
    drafts.alias(d, def.short);
  }
}

/** Confidence of a concept defined with an acronym that the tagger did not find. */
const DEFINITION_CONFIDENCE = 0.6;

/** Words that open a tagged span but do not belong to the name ("our", "the", "a novel"). */
const NON_NAME_LEADS = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'his', 'her', 'this', 'these', 'those', 'that', 'such', 'each', 'every', 'any', 'some', 'all', 'both', 'which', 'whose']);

/** The name inside a tagged span: leading articles, possessives and describing words dropped. */
function nameSpan(ft: FieldText, from: number, to: number): [number, number] {
  const tokens = ft.tok.tokens;
  let a = from;
  let b = to;
  const sentenceStart = sentenceOf(ft, from).from;
  while (a < b) {
    const t = tokens[a] as Token;
    const lead = NON_NAME_LEADS.has(t.lower) || t.pos === 'DET' || t.pos === 'PRON' || (NON_NAMING_MODIFIERS.has(t.lower) && !(t.capitalized && a !== sentenceStart));
    if (!lead) break;
    a++;
  }
  while (b > a) {
    const t = tokens[b - 1] as Token;
    if (!(t.pos === 'DET' || t.pos === 'PREP' || t.pos === 'CONJ' || t.pos === 'PRON')) break;
    b--;
  }
  return [a, b];
}

/**
 * Whether the last word of [from, to) is a generic head after a name ("the EM algorithm", "computer vision
 * tasks", "the GBDT models"): it belongs to the mention, not to the concept's name. The words before it must
 * name something on their own: a known name, a written name, or a noun phrase of two or more words.
 */
function carriesName(ft: FieldText, from: number, to: number, type: ConceptType): boolean {
  const tokens = ft.tok.tokens;
  if (to - from < 2) return false;
  // "sparse mixture-of-experts layer": a known name of the same type and a generic head ("machine translation
  // system" is a method, not the task machine translation).
  const lastHead = singularize((tokens[to - 1] as Token).lower);
  if (GENERIC_HEADS.has(lastHead) && !lookupLexicon(canonicalKey(tokensText(tokens, from, to))) && lookupLexicon(canonicalKey(tokensText(tokens, from, to - 1)))?.type === type) return true;
  if (trailingHeadType(tokens, to - 2) !== type) return false;
  const before = tokens[to - 2] as Token;
  if (lookupLexicon(canonicalKey(tokensText(tokens, from, to)))) return false;
  // "information extraction techniques", "quality measure": a known name of another type before a method or
  // metric head names what the concept is for; the whole phrase is the concept, not the known task. (A task
  // head keeps the known name: "tabular data problems" are about the data.)
  const known = lookupLexicon(canonicalKey(tokensText(tokens, from, to - 1)));
  if (known) return known.type === type || type === 'TASK';
  if (to - 1 - from === 1) return before.nameLike || (before.capitalized && sentenceOf(ft, from).from !== from);
  return before.pos !== 'ADJ' && !NON_NAMING_MODIFIERS.has(before.lower) && !/(?:-based|-like|-aware|-free)$/.test(before.lower);
}

/** Typed mentions found by the tagger become concepts; the rules name, merge and give them a role. */
function collectTagged(ft: FieldText, drafts: DraftSet): void {
  const tokens = ft.tok.tokens;
  // Spans a strong rule types come first, then the most confident reading claims a surface.
  const strong = ft.chunks.filter((c) => c.typed && FALLBACK_RULES.has(c.typed.rule));
  const inRule = new Map(ft.spans.map((sp) => [sp, strong.some((c) => c.chunk.from <= sp.from && c.chunk.to >= sp.to) ? 0 : 1]));
  const spans = [...ft.spans].sort((x, y) => (inRule.get(x) as number) - (inRule.get(y) as number) || y.confidence - x.confidence || x.from - y.from);
  const taken = new Array<boolean>(tokens.length).fill(false);
  for (const tagged of spans.flatMap((sp) => splitCoordinatedNames(ft, adjustSpan(ft, sp)))) {
    let span = tagged;
    if (anyAside(ft, span.from, span.to) || taken.slice(span.from, span.to).some(Boolean)) continue;
    // A strong rule around the span decides its type and name ("our BizEval prompt set", "the Colored Objects task").
    const rule = strong.find((c) => c.chunk.from <= span.from && c.chunk.to >= span.to && c.chunk.to > span.to - 1)?.typed;
    if (rule) span = { ...span, from: Math.min(span.from, rule.from), to: Math.max(span.to, rule.nameTo ?? rule.to, (tokens[rule.to] && trailingHeadType(tokens, rule.to - 1) === rule.type) ? rule.to + 1 : rule.to), type: rule.type };
    let [nameFrom, nameTo] = rule ? [rule.nameFrom ?? rule.from, rule.nameTo ?? rule.to] : nameSpan(ft, span.from, span.to);
    if (nameFrom >= nameTo) continue;
    // "Markov random field (MRF) models": one mention; the concept is named by the definition's expansion.
    const def = ft.defs.find((d) => d.from >= nameFrom && d.from < nameTo && d.shortAt < nameTo);
    const defDraft = def && drafts.byId.get(drafts.surfaces.get(canonicalKey(tokensText(tokens, def.from, def.to))) ?? '');
    if (def) [nameFrom, nameTo] = [def.from, def.to];
    else {
      nameTo = beforeVerb(ft, nameFrom, nameTo);
      // Punctuation other than a hyphen or an apostrophe ends a name.
      for (let k = nameFrom; k < nameTo - 1; k++) {
        if (/[^\s'’-]/.test((tokens[k] as Token).gap)) {
          nameTo = k + 1;
          break;
        }
      }
      if (carriesName(ft, nameFrom, nameTo, span.type)) nameTo--;
      // "large transformers", "pre-conditioned gradient descent": describing words before a known name.
      nameFrom = knownAfterDescription(ft, nameFrom, nameTo);
    }
    const last = tokens[span.to - 1] as Token;
    const possessive = /['’]s$/.exec(last.text);
    const start = (tokens[span.from] as Token).start;
    const end = possessive ? last.end - possessive[0].length : last.end;
    const nameLast = tokens[nameTo - 1] as Token;
    const namePossessive = /['’]s$/.exec(nameLast.text);
    const name = displayName(ft, nameFrom, nameTo, (tokens[nameFrom] as Token).start, namePossessive ? nameLast.end - namePossessive[0].length : nameLast.end);
    if (!defDraft && (isJunkName(name) || vacuousName(tokens, nameFrom, nameTo))) continue;
    const s = sentenceOf(ft, nameFrom);
    const cue = ft.field === 'abstract' && proposalCue(tokens, nameFrom, nameTo, s);
    const role: Role = cue ? 'PROPOSED' : 'USED';
    const evidence = ft.field === 'abstract' ? sentenceText(ft, nameFrom) : undefined;
    const confidence = span.confidence * (defDraft ? 1 : nameWorth(ft, nameFrom, nameTo, name));
    // An ambiguous acronym ("CFG") is the lexicon's concept only where the text defines it.
    const hit = lookupLexiconHit(canonicalKey(name));
    const ambiguous = hit !== undefined && !trustedAlone(hit.surface) && !weakAlone(hit.surface) && !drafts.surfaces.has(canonicalKey(name));
    const d = defDraft ?? drafts.add(name, span.type, confidence, role, evidence, true, ambiguous);
    if (rule) d.strong = true;
    if (defDraft) drafts.raise(defDraft, span.confidence, role, evidence);
    taken.fill(true, span.from, span.to);
    d.tagged.push({ field: ft.field, start, end, text: ft.source.slice(start, end), from: span.from, to: span.to });
    // The whole phrase is a surface too, so its occurrences the tagger missed still count as mentions.
    const phraseKey = canonicalKey(ft.source.slice(start, end));
    if (!drafts.surfaces.has(phraseKey)) drafts.surfaces.set(phraseKey, d.id);
  }
}

/**
 * The tagged span as a mention: stretched over a lexicon name it cuts ("KV" of "KV cache"), and ended at a
 * parenthesis it opens or closes but does not hold whole ("LRA) benchmark", "neural networks (CNNs").
 */
function adjustSpan(ft: FieldText, span: TaggedSpan): TaggedSpan {
  const tokens = ft.tok.tokens;
  let { from, to } = span;
  const lex = ft.lexicon;
  if (lex[from]?.startsWith('I-')) while (from > 0 && lex[from]?.startsWith('I-')) from--;
  while (to < tokens.length && lex[to]?.startsWith('I-') && lex[to - 1] !== '') to++;
  let depth = 0;
  for (let k = from; k < to - 1; k++) {
    const gap = (tokens[k] as Token).gap;
    for (const c of gap) {
      if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && --depth < 0) return { ...span, from, to: k + 1 };
    }
  }
  if (depth > 0) {
    for (let k = from; k < to - 1; k++) if (/[([]/.test((tokens[k] as Token).gap)) return { ...span, from, to: k + 1 };
  }
  return { ...span, from, to };
}

/** "WikiText-103 and PG-19" tagged as one span: a mention of each name. */
function splitCoordinatedNames(ft: FieldText, span: TaggedSpan): TaggedSpan[] {
  const tokens = ft.tok.tokens;
  const out: TaggedSpan[] = [];
  let from = span.from;
  for (let k = span.from + 1; k < span.to - 1; k++) {
    const t = tokens[k] as Token;
    const before = tokens[k - 1] as Token;
    const after = tokens[k + 1] as Token;
    // "Mamba and RWKV", and two known names joined by a word misread into one phrase ("RWKV rival Transformers").
    const names = (t.lower === 'and' || t.lower === 'or') && before.nameLike && after.nameLike;
    const known = ft.lexicon[k] === '' && ft.lexicon[k - 1] !== '' && ft.lexicon[k + 1]?.startsWith('B-') && ((t.pos !== 'NOUN' && t.pos !== 'PROPN') || t.lower === 'of');
    if (names || known) {
      out.push({ ...span, from, to: k });
      from = k + 1;
    }
  }
  out.push({ ...span, from, to: span.to });
  return out;
}

/** Prepositions that end a name ("boosting to weak learners"); "of" does not ("histograms of oriented gradients"). */
const NAME_ENDING_PREPOSITIONS = new Set(['to', 'for', 'with', 'on', 'in', 'by', 'from', 'via', 'into', 'over', 'at', 'through', 'under', 'using', 'against', 'across']);

/**
 * End of a name at the first finite verb ("chain-of-thought prompting improve reasoning") or the first
 * preposition other than "of" in it.
 */
function beforeVerb(ft: FieldText, from: number, to: number): number {
  const tokens = ft.tok.tokens;
  for (let k = from + 1; k < to; k++) {
    const t = tokens[k] as Token;
    if (NAME_ENDING_PREPOSITIONS.has(t.lower)) return k;
    // "KV cache of long-context LLMs", "mechanistic interpretability of small models": a known name before "of".
    if (t.lower === 'of' && lookupLexicon(canonicalKey(tokensText(tokens, from, k)))) return k;
    // A last word read as a verb is mostly a plural head ("attention sinks").
    if (t.pos !== 'VERB' || t.nameLike || k === to - 1) continue;
    const head = headWord(t);
    if (headType(head) !== undefined || GENERIC_HEADS.has(head)) continue;
    return k;
  }
  return to;
}

/** Leading words that describe rather than name ("large", "pre-conditioned", "retrieval-based"). */
function describing(t: Token): boolean {
  return SIZE_MODIFIERS.has(t.lower) || NON_NAMING_MODIFIERS.has(t.lower) || /(?:ed|-based|-like|-aware|-free|-augmented)$/.test(t.lower);
}

/** Start of a known name that the words before it only describe, or `from` when there is none. */
function knownAfterDescription(ft: FieldText, from: number, to: number): number {
  const tokens = ft.tok.tokens;
  if (lookupLexicon(canonicalKey(tokensText(tokens, from, to)))) return from;
  for (let k = from + 1; k < to; k++) {
    if (!describing(tokens[k - 1] as Token)) return from;
    const hit = lookupLexiconHit(canonicalKey(tokensText(tokens, k, to)));
    if (hit && trustedAlone(hit.surface)) return k;
  }
  return from;
}

/** Rules strong enough to add a concept where the tagger found none ("the Colored Objects task", "our BizEval prompt set"). */
const FALLBACK_RULES = new Set(['x-task', 'data-carrier', 'name-carrier']);

/** Rules that type a phrase by its written shape; strong only where the paper says it proposes the name. */
const NAME_RULES = new Set(['title-case-name', 'name-shape']);

/** Concepts the strong rules find in phrases the tagger left alone. */
function collectRuleFallback(ft: FieldText, drafts: DraftSet): void {
  const tokens = ft.tok.tokens;
  const covered = taggedTokens(ft, drafts);
  for (const entry of ft.chunks) {
    const { chunk } = entry;
    const cued = entry.typed && (NAME_RULES.has(entry.typed.rule) || capitalizedWords(tokens, chunk.from, chunk.to)) && proposalCue(tokens, chunk.from, chunk.to, sentenceOf(ft, chunk.from));
    const typed = entry.typed && (FALLBACK_RULES.has(entry.typed.rule) || cued) ? entry.typed : namedByCue(tokens, chunk);
    if (!typed || covered.slice(chunk.from, chunk.to).some(Boolean)) continue;
    const nameFrom = typed.nameFrom ?? typed.from;
    const nameTo = typed.nameTo ?? typed.to;
    const name = displayName(ft, nameFrom, nameTo, (tokens[nameFrom] as Token).start, (tokens[nameTo - 1] as Token).end);
    if (isJunkName(name)) continue;
    const cue = proposalCue(tokens, chunk.from, chunk.to, sentenceOf(ft, chunk.from));
    // The rule's construction types the name where the tagger read it otherwise ("BizEval" … "our BizEval prompt set").
    const known = drafts.byId.get(drafts.surfaces.get(canonicalKey(name)) ?? '');
    if (known && known.type !== typed.type && !known.lexicon) drafts.retype(known, typed.type);
    const d = drafts.add(name, typed.type, typed.confidence, cue ? 'PROPOSED' : 'USED', sentenceText(ft, chunk.from));
    const phrase = canonicalKey(ft.source.slice(typed.start, typed.end));
    if (!drafts.surfaces.has(phrase)) drafts.surfaces.set(phrase, d.id);
  }
}

/** "computational model", "architectural backbone": modifiers that say nothing about which concept is meant. */
function vacuousName(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let k = from; k < to - 1; k++) if (!VACUOUS_MODIFIERS.has((tokens[k] as Token).lower)) return false;
  return true;
}

/** Weight of a name whose head is a generic word ("retrieval-based approach", "training speed"). */
const GENERIC_NAME_WEIGHT = 0.5;
/** Weight of a generic-sounding lexicon name on its own ("reasoning", "attention heads"). */
const WEAK_NAME_WEIGHT = 0.15;

/**
 * How much a tagged phrase names a concept rather than describes one: SciERC annotates "a retrieval-based
 * approach" as a method, but a graph node wants a name. Known names, written names and specific heads count
 * fully; a generic head with ordinary modifiers counts less.
 */
function nameWorth(ft: FieldText, from: number, to: number, name: string): number {
  const tokens = ft.tok.tokens;
  const hit = lookupLexiconHit(canonicalKey(name));
  if (hit) return weakAlone(hit.surface) ? WEAK_NAME_WEIGHT : 1;
  const sentenceStart = sentenceOf(ft, from).from;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.nameLike || (t.capitalized && k !== sentenceStart)) return 1;
  }
  const head = singularize((tokens[to - 1] as Token).lower.split('-').pop() as string);
  return GENERIC_HEADS.has(head) ? GENERIC_NAME_WEIGHT : 1;
}

/** Tokens of the field inside a mention the tagger found, of a concept still in the set. */
function taggedTokens(ft: FieldText, drafts: DraftSet): boolean[] {
  const covered = new Array<boolean>(ft.tok.tokens.length).fill(false);
  for (const d of drafts.byId.values()) for (const m of d.tagged) if (m.field === ft.field) covered.fill(true, m.from, m.to);
  return covered;
}

/**
 * Type of the generic head right after token `k` that belongs to the name before it ("the X task"; after an
 * acronym, `gap` ")" for "X (ACR) dataset"). Any other punctuation between them ends the name.
 */
function trailingHeadType(tokens: readonly Token[], k: number, gap: '' | ')' = ''): ConceptType | undefined {
  const t = tokens[k];
  const next = tokens[k + 1];
  if (!t || !next || next.sentence !== t.sentence || t.gap.trim() !== gap) return undefined;
  return TRAILING_HEADS.get(singularize(next.lower));
}

/** "a new family of architectures, called Titans": a capitalised name right after a naming word. */
function namedByCue(tokens: readonly Token[], chunk: Chunk): Typed | undefined {
  const before = tokens[chunk.from - 1];
  if (!before || !NAMING_WORDS.has(before.lower)) return undefined;
  for (let k = chunk.from; k < chunk.to; k++) {
    const t = tokens[k] as Token;
    if (!t.capitalized && !t.nameLike) return undefined;
  }
  return { ...chunk, type: 'METHOD', confidence: 0.6, rule: 'called' };
}

function capitalizedWords(tokens: readonly Token[], from: number, to: number): boolean {
  let caps = 0;
  for (let k = from; k < to; k++) if ((tokens[k] as Token).capitalized || (tokens[k] as Token).nameLike) caps++;
  return caps === to - from && to - from >= 2;
}

/**
 * Titles are in headline case, where the tagger calls every word a proper noun, so only strong signals
 * count: the "Name: subtitle" pattern, phrases split at function words with a typed head, and surfaces
 * already known from the abstract or the lexicon (found by the matcher).
 */
function collectTitle(ft: FieldText, drafts: DraftSet): void {
  const tokens = ft.tok.tokens;
  if (tokens.length === 0) return;
  const phrases: Array<[number, number]> = [];
  let a = 0;
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    const breakHere = !t || ft.aside[k] || TITLE_BREAKS.has(t.lower) || t.pos === 'URL' || /[?!]/.test(t.text);
    if (breakHere) {
      if (k > a) phrases.push([a, k]);
      a = k + 1;
      continue;
    }
    if (t.gap.trim() !== '' && !/^['’]/.test(t.gap.trim())) {
      phrases.push([a, k + 1]);
      a = k + 1;
    }
  }
  const colonAt = tokens.findIndex((t) => t.gap.includes(':'));
  if (colonAt === 0) {
    const nameTok = tokens[0] as Token;
    const key = canonicalKey(nameTok.text);
    const after = phrases.find(([f]) => f === 1);
    let expansion: string | undefined;
    if (after && /^[A-Z]{2,}[a-z]?$/.test(nameTok.text)) {
      const words = tokens.slice(after[0], after[1]).map((t) => t.text);
      const needed = matchAcronym(nameTok.text, words);
      // A title "ACR: Expansion of it" spells the acronym out from the first word on.
      if (needed === words.length) expansion = tokensText(tokens, after[0], after[1]);
    }
    if (!ft.aside[0] && !NEVER_NAMES.has(key) && (nameTok.nameLike || nameTok.capitalized)) {
      const known = drafts.byId.get(drafts.surfaces.get(key) ?? '');
      const type = known?.type ?? 'METHOD';
      const conf = known ? 0.8 : 0.6;
      if (expansion && known) {
        // "CAB: Comprehensive Attention Benchmarking" restates what the abstract defined; one concept.
        drafts.alias(known, expansion);
        known.role = 'PROPOSED';
      } else if (expansion) {
        const d = drafts.add(expansion, type, conf, 'PROPOSED', ft.source);
        drafts.alias(d, nameTok.text);
      } else if (known || !lookupLexiconHit(key)) {
        drafts.add(nameTok.text, type, conf, 'PROPOSED', ft.source);
      }
    }
  }
  for (const [from0, to] of phrases) {
    let from = from0;
    while (from < to && ((/ing$/.test((tokens[from] as Token).lower) && !TASK_HEADS.has((tokens[from] as Token).lower)) || NON_NAMING_MODIFIERS.has((tokens[from] as Token).lower) || TITLE_VERBS.has((tokens[from] as Token).lower))) from++;
    if (to - from < 2) continue;
    const chunk: Chunk = { from, to, start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
    const typed = classifyChunk(tokens, chunk, 0, tokens.length, true);
    // Title phrases with a method head are mostly descriptions ("Retrieval-Augmented Tabular Deep Learning");
    // method names in titles are found through the abstract and the lexicon instead, except a kind of a
    // known concept ("Multi-Head Softmax Attention").
    if (!typed || typed.to - typed.from < 2) continue;
    if (!((typed.rule === 'head' && typed.type !== 'METHOD') || (typed.rule === 'lexicon-suffix' && !describedKind(tokens, typed.from, typed.to)))) continue;
    const name = ft.source.slice(typed.start, typed.end);
    if (drafts.surfaces.has(canonicalKey(name)) || isJunkName(name)) continue;
    // "the Only Connect Wall Dataset" when the abstract defined the Only Connect Wall dataset: the known name.
    if (trailingHeadType(tokens, typed.to - 2) === typed.type && drafts.surfaces.has(canonicalKey(ft.source.slice(typed.start, (tokens[typed.to - 2] as Token).end)))) continue;
    drafts.add(name, typed.type, typed.rule === 'head' ? 0.5 : 0.45, 'USED', ft.source);
  }
}


const DESCRIBING_SUFFIXES = new Set(['aware', 'free', 'efficient', 'friendly', 'like', 'agnostic']);

/** Participle-like modifiers ("Retrieval-Augmented", "Difference-Aware") describe a thing rather than name a kind of it. */
function describedKind(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to - 1; k++) {
    const last = (tokens[k] as Token).lower.split('-').pop() as string;
    if (/ed$/.test(last) || DESCRIBING_SUFFIXES.has(last)) return true;
  }
  return false;
}

/** Every proper prefix, in key parts, of the known surfaces' keys: where a longer known surface may still begin. */
function surfacePrefixes(drafts: DraftSet): Set<string> {
  const out = new Set<string>();
  for (const key of drafts.surfaces.keys()) {
    for (let at = key.indexOf('-'); at >= 0; at = key.indexOf('-', at + 1)) out.add(key.slice(0, at));
  }
  return out;
}

/** Longest known surface at each position, left to right, so nested names do not double count. */
function matchSurfaces(ft: FieldText, drafts: DraftSet): void {
  const tokens = ft.tok.tokens;
  const maxParts = Math.max(lexiconMaxParts(), 8);
  // Where the tagger found a mention, its reading stands; the matcher fills in the rest.
  const covered = taggedTokens(ft, drafts);
  const prefixes = surfacePrefixes(drafts);
  for (let i = 0; i < tokens.length; ) {
    let best: { to: number; draft: Draft } | undefined;
    const window = new WindowKey();
    for (let j = i; j < tokens.length && window.count < maxParts; j++) {
      if (ft.aside[j] || covered[j] || (j > i && (tokens[j - 1] as Token).gap.trim() !== '')) break;
      window.push(ft.parts[j] as string[]);
      const key = window.key();
      if (key === undefined) continue;
      const draft = resolveSurface(ft, tokens, i, j + 1, key, drafts);
      if (draft) best = { to: j + 1, draft };
      // No known surface or lexicon name goes on from here: a wider window cannot match.
      const parts = window.prefix();
      if (!prefixes.has(parts) && !lexiconLooseKeyPrefix(parts)) break;
    }
    if (!best) {
      i++;
      continue;
    }
    const first = tokens[i] as Token;
    const last = tokens[best.to - 1] as Token;
    const possessive = /['’]s$/.exec(last.text);
    let end = possessive ? last.end - possessive[0].length : last.end;
    let next = best.to;
    // At a definition, "Long Range Arena (LRA)" names one concept twice: one mention for the expansion and
    // one for the acronym, each with its own offsets (never one mention spanning the parenthesis).
    const acr = tokens[best.to];
    if (!possessive && acr && !ft.aside[best.to] && !covered[best.to] && last.gap.trim() === '(' && acr.gap.trimStart().startsWith(')') && drafts.surfaces.get(canonicalKey(acr.text)) === best.draft.id) {
      best.draft.mentions.push({ field: ft.field, start: first.start, end, text: ft.source.slice(first.start, end) });
      const acrEnd = /['’]s$/.test(acr.text) ? acr.end - 2 : acr.end;
      best.draft.mentions.push({ field: ft.field, start: acr.start, end: acrEnd, text: ft.source.slice(acr.start, acrEnd) });
      i = best.to + 1;
      continue;
    }
    // "the EM algorithm", "the RM task": a generic head right after a name is part of the mention, not of the name.
    if (!possessive && !ft.aside[next] && trailingHeadType(tokens, next - 1) === best.draft.type && !drafts.surfaces.has(canonicalKey(tokensText(tokens, i, next + 1)))) {
      end = (tokens[next] as Token).end;
      next += 1;
    }
    best.draft.mentions.push({ field: ft.field, start: first.start, end, text: ft.source.slice(first.start, end) });
    i = next;
  }
}

function resolveSurface(ft: FieldText, tokens: readonly Token[], from: number, to: number, key: string, drafts: DraftSet): Draft | undefined {
  // "struggle in boosting efficiency": the verb, not the boosting technique.
  if (to - from === 1 && verbalGerund(tokens, from)) return undefined;
  const id = drafts.surfaces.get(key);
  const lexHit = lookupLexiconHit(key);
  if (lexHit) {
    const written = tokensText(tokens, from, to);
    // A known name written in another case still counts ("lora" once LoRA is a concept), except an everyday word.
    if (!writtenAsLexicon(written, lexHit)) return id && !everydayWordWritten(written, lexHit) ? drafts.byId.get(id) : undefined;
  }
  if (id) return drafts.byId.get(id);
  if (!lexHit) return undefined;
  if (!trustedAlone(lexHit.surface)) return undefined;
  const s = sentenceOf(ft, from);
  const cue = ft.field === 'abstract' && proposalCue(tokens, from, to, s);
  return drafts.add(lexHit.entry.name, lexHit.entry.type, 0.85, cue ? 'PROPOSED' : 'USED', ft.field === 'abstract' ? sentenceText(ft, from) : undefined);
}

const VERSION_PART = /^v?\d/i;

/** "FlashAttention-2" → "FlashAttention", "Llama-3-70B-Instruct" → "Llama": the family a version belongs to. */
export function familyName(name: string): string | undefined {
  const pieces = name.split(/([- ])/);
  for (let k = 2; k < pieces.length; k += 2) {
    if (VERSION_PART.test(pieces[k] as string)) {
      const base = pieces.slice(0, k - 1).join('');
      return /^[A-Z]/.test(base) && /[A-Za-z]{2}/.test(base) ? base : undefined;
    }
  }
  return undefined;
}

function finish(d: Draft, fields: FieldText[]): ExtractedConcept {
  d.mentions.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
  const nameKey = canonicalKey(d.name);
  const aliases: string[] = [];
  const seenKeys = new Set([nameKey]);
  const candidates = [...(d.lexicon ? [d.lexicon.name, ...d.lexicon.aliases] : []), ...d.aliases, ...d.mentions.map((m) => m.text)];
  for (const a of candidates) {
    if (a.includes('(') && !/^O\(/.test(a)) continue;
    const k = canonicalKey(a);
    if (seenKeys.has(k)) continue;
    seenKeys.add(k);
    aliases.push(a);
  }
  const first = d.mentions[0] as Mention;
  let evidence = d.evidence;
  if (evidence === undefined) {
    const abs = d.mentions.find((m) => m.field === 'abstract') ?? first;
    const ft = fields.find((f) => f.field === abs.field) as FieldText;
    const idx = ft.tok.tokens.findIndex((t) => t.start >= abs.start);
    evidence = idx >= 0 ? sentenceText(ft, idx) : ft.source;
  }
  const confidence = conceptConfidence(d);
  const concept: ExtractedConcept = {
    id: d.id,
    name: d.name,
    type: d.type,
    aliases,
    role: d.role,
    confidence: Math.round(confidence * 100) / 100,
    mentions: d.mentions,
    evidence,
  };
  const broader = broaderId(d);
  if (broader) concept.broader = broader;
  return concept;
}

/** Repeated mentions and a mention in the title (where a paper names what it is about) raise confidence. */
function conceptConfidence(d: Draft): number {
  const repeated = d.mentions.length > 1 ? 0.05 : 0;
  const inTitle = d.mentions.some((m) => m.field === 'title') ? 0.1 : 0;
  return Math.min(0.99, d.confidence + repeated + inTitle);
}

/**
 * The broader concept: the version family ("FlashAttention-2" → FlashAttention), else the known concept the
 * name ends with ("persistent sparse attention" → sparse attention, "Visual Attention Sink" → attention sink).
 */
export function broaderId(d: { name: string; type: ConceptType }): string | undefined {
  const nameKey = canonicalKey(d.name);
  // The lexicon's own hierarchy first ("QLoRA" → LoRA, "visual hallucination" → hallucination).
  const authored = lexiconBroaderId(nameKey);
  if (authored && authored.startsWith(`${d.type.toLowerCase()}:`)) return authored;
  const family = familyName(d.name);
  if (family && canonicalKey(family) !== nameKey) return conceptId(d.type, canonicalKey(family));
  const head = lexiconSuffixOfName(d.name);
  if (head && head.type === d.type && canonicalKey(head.name) !== nameKey) return conceptId(d.type, canonicalKey(head.name));
  return undefined;
}

export interface ExtractOptions {
  /** Concepts below this confidence are left out. Default: `DEFAULT_MIN_CONFIDENCE`, what the graph stores. */
  minConfidence?: number;
  /** Finds and types the mentions. Default: the CRF trained by `npm run train` (src/nlp/data/tagger-model.json). */
  tagger?: Tagger;
}

/**
 * What the graph stores: concepts the tagger is at least this sure of (span probability under the CRF, a generic
 * head weighing it down). Chosen on SciERC dev for the F1 of what the graph stores (`npm run eval -- --sweep`).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.2;

/** Typed concepts of one paper, with every mention, deterministic and sorted by id. */
export function extractConcepts(input: ExtractInput, options: ExtractOptions = {}): Extraction {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const tagger = options.tagger ?? defaultTagger();
  const abs = prepare('abstract', input.abstract ?? '', tagger);
  const title = prepare('title', input.title ?? '', tagger);
  const drafts = new DraftSet();
  collectDefinitions(abs, drafts);
  collectTagged(abs, drafts);
  collectRuleFallback(abs, drafts);
  collectTitle(title, drafts);
  matchSurfaces(title, drafts);
  matchSurfaces(abs, drafts);
  for (const d of drafts.byId.values()) d.mentions.push(...d.tagged.map(({ field, start, end, text }) => ({ field, start, end, text })));
  // Phrases too weak for the graph give their text back, so a known concept inside them still counts
  // ("pre-conditioned gradient descent" is a mention of gradient descent when the longer phrase is dropped).
  const dropped = new Set([...drafts.byId.values()].filter((d) => d.mentions.length > 0 && conceptConfidence(d) < minConfidence).map((d) => d.id));
  if (dropped.size > 0) {
    for (const id of dropped) drafts.byId.delete(id);
    for (const [k, id] of drafts.surfaces) if (dropped.has(id)) drafts.surfaces.delete(k);
    for (const d of drafts.byId.values()) d.mentions = [];
    matchSurfaces(title, drafts);
    matchSurfaces(abs, drafts);
    for (const d of drafts.byId.values()) d.mentions.push(...d.tagged.map(({ field, start, end, text }) => ({ field, start, end, text })));
  }
  const kept = [...drafts.byId.values()].filter((d) => d.mentions.length > 0 && conceptConfidence(d) >= minConfidence);
  const concepts: ExtractedConcept[] = [];
  for (const d of kept) concepts.push(finish(d, [title, abs]));
  concepts.sort(compareIds);
  return { concepts, codeLinks: findCodeLinks(input.abstract ?? '') };
}
