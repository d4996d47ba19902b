import { canonicalKey, conceptId, keyParts, singularize } from './canonical-key.js';
import { classifyChunk, lexiconSuffixOfName, tokensText } from './classify-chunk.js';
import type { Typed } from './classify-chunk.js';
import { findAcronyms, matchAcronym } from './find-acronyms.js';
import { asideTokens } from './find-asides.js';
import { findChunks, verbalGerund } from './find-candidates.js';
import type { Chunk } from './find-candidates.js';
import { findCodeLinks } from './find-code-links.js';
import { everydayWordWritten, lexiconBroaderId, lexiconMaxParts, lookupLexicon, lookupLexiconHit, trustedAlone, writtenAsLexicon } from './lexicon.js';
import type { LexiconEntry } from './lexicon.js';
import { tokenize } from './tokenize.js';
import type { Sentence, Token, Tokenized } from './tokenize.js';
import type { ConceptType, ExtractedConcept, ExtractInput, Extraction, Field, Mention, Role } from './types.js';
import { GENERIC_HEADS, NAMING_WORDS, NEVER_NAMES, NON_NAMING_MODIFIERS, TASK_HEADS, TRAILING_HEADS } from './vocabulary.js';

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
}

interface FieldText {
  field: Field;
  source: string;
  tok: Tokenized;
  /** Key parts per token, computed once for the surface matcher. */
  parts: string[][];
  /** Per token: inside a citation or quoted example sentence, which names authors and data, not concepts of the paper. */
  aside: boolean[];
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

function prepare(field: Field, source: string): FieldText {
  const tok = tokenize(source);
  return { field, source, tok, parts: tok.tokens.map((t) => keyParts(t.text)), aside: asideTokens(source, tok.tokens) };
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

class DraftSet {
  readonly byId = new Map<string, Draft>();
  /** Canonical key of every known surface → draft id. */
  readonly surfaces = new Map<string, string>();

  add(name: string, type: ConceptType, confidence: number, role: Role, evidence?: string): Draft {
    const key = canonicalKey(name);
    const lex = lookupLexicon(key);
    // The lexicon is authored and wins over rule-based typing for the names it knows.
    const finalType = lex ? lex.type : type;
    const finalName = lex ? lex.name : name;
    const finalKey = lex ? canonicalKey(lex.name) : key;
    const id = conceptId(finalType, finalKey);
    const existingId = this.surfaces.get(key);
    let d = this.byId.get(existingId ?? id);
    if (!d) {
      d = { id, key: finalKey, type: finalType, name: finalName, aliases: [], role, confidence, mentions: [] };
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
    if (lex) for (const s of [lex.name, ...lex.aliases]) this.surfaces.set(canonicalKey(s), d.id);
    return d;
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

/** Typed phrases of the abstract: chunks, acronym definitions, proposal cues. */
function collectAbstract(ft: FieldText, drafts: DraftSet): void {
  const tokens = ft.tok.tokens;
  const defs = findAcronyms(tokens).filter((d) => !anyAside(ft, d.from, d.shortAt + 1));
  const chunks = findChunks(tokens, ft.aside);
  const typedChunks: Array<{ chunk: Chunk; typed: Typed | undefined }> = [];
  for (const chunk of chunks) {
    const s = sentenceOf(ft, chunk.from);
    typedChunks.push({ chunk, typed: classifyChunk(tokens, chunk, s.from, s.to) });
  }
  for (const def of defs) {
    const longText = displayName(ft, def.from, def.to, (tokens[def.from] as Token).start, (tokens[def.to - 1] as Token).end);
    const longKey = canonicalKey(longText);
    const shortKey = canonicalKey(def.short);
    const s = sentenceOf(ft, def.from);
    const lex = lookupLexicon(longKey) ?? lookupLexicon(shortKey);
    const typedLong = typedChunks.find((c) => c.typed && c.chunk.to === def.to && c.typed.to === def.to)?.typed;
    const cue = proposalCue(tokens, def.from, def.to, s);
    let type: ConceptType | undefined = lex?.type ?? typedLong?.type;
    if (!type && (cue || capitalizedWords(tokens, def.from, def.to))) type = 'METHOD';
    // "the Only Connect Wall (OCW) dataset": the noun after the acronym says what a name typed only by its
    // written shape is.
    if (type && !lex && (!typedLong || typedLong.rule === 'title-case-name' || typedLong.rule === 'name-shape')) type = trailingHeadType(tokens, def.shortAt, ')') ?? type;
    if (!type || isJunkName(longText)) continue;
    const d = drafts.add(longText, type, Math.min(0.95, (typedLong?.confidence ?? 0.6) + 0.2), cue ? 'PROPOSED' : 'USED', sentenceText(ft, def.from));
    drafts.alias(d, def.short);
  }
  // Strong typings first, so a later weak guess cannot claim the surface ("Colored Objects" … "the Colored Objects task").
  const strong = (e: (typeof typedChunks)[number]) => (e.typed && (e.typed.rule === 'lexicon' || e.typed.rule === 'x-task') ? 0 : 1);
  const ordered = [...typedChunks].sort((a, b) => strong(a) - strong(b));
  for (const entry of ordered) {
    const { chunk } = entry;
    const typed = entry.typed ?? namedByCue(tokens, chunk);
    if (!typed) continue;
    const phrase = displayName(ft, typed.from, typed.to, typed.start, typed.end);
    const nameFrom = typed.nameFrom ?? typed.from;
    const nameTo = typed.nameTo ?? typed.to;
    const name = displayName(ft, nameFrom, nameTo, (tokens[nameFrom] as Token).start, (tokens[nameTo - 1] as Token).end);
    if (isJunkName(name)) continue;
    const s = sentenceOf(ft, chunk.from);
    const cue = proposalCue(tokens, chunk.from, chunk.to, s);
    const existing = drafts.surfaces.get(canonicalKey(phrase));
    if (existing && !cue) continue;
    const d = drafts.add(name, typed.type, typed.confidence + (cue ? 0.15 : 0), cue ? 'PROPOSED' : 'USED', sentenceText(ft, chunk.from));
    // The whole phrase stays a surface so its occurrences count as mentions, but it is not a new name.
    if (phrase !== name && !drafts.surfaces.has(canonicalKey(phrase))) drafts.surfaces.set(canonicalKey(phrase), d.id);
  }
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

/** Longest known surface at each position, left to right, so nested names do not double count. */
function matchSurfaces(ft: FieldText, drafts: DraftSet): void {
  const tokens = ft.tok.tokens;
  const maxParts = Math.max(lexiconMaxParts(), 8);
  for (let i = 0; i < tokens.length; ) {
    let best: { to: number; draft: Draft } | undefined;
    const acc: string[] = [];
    for (let j = i; j < tokens.length && acc.length < maxParts; j++) {
      if (ft.aside[j] || (j > i && (tokens[j - 1] as Token).gap.trim() !== '')) break;
      for (const p of ft.parts[j] as string[]) acc.push(p);
      if (acc.length === 0) continue;
      const key = [...acc.slice(0, -1), singularize(acc[acc.length - 1] as string)].join('-');
      const draft = resolveSurface(ft, tokens, i, j + 1, key, drafts);
      if (draft) best = { to: j + 1, draft };
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
    if (!possessive && acr && !ft.aside[best.to] && last.gap.trim() === '(' && acr.gap.trimStart().startsWith(')') && drafts.surfaces.get(canonicalKey(acr.text)) === best.draft.id) {
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
  /**
   * Concepts below this confidence are left out. The default keeps what a researcher would accept as a graph
   * node; 0 returns every typed phrase (what mention-level benchmarks such as SciERC count).
   */
  minConfidence?: number;
}

/** Below this, a concept is a plausible phrase rather than a name worth a graph node (generic heads, bare heads). */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Typed concepts of one paper, with every mention, deterministic and sorted by id. */
export function extractConcepts(input: ExtractInput, options: ExtractOptions = {}): Extraction {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const abs = prepare('abstract', input.abstract ?? '');
  const title = prepare('title', input.title ?? '');
  const drafts = new DraftSet();
  collectAbstract(abs, drafts);
  collectTitle(title, drafts);
  matchSurfaces(title, drafts);
  matchSurfaces(abs, drafts);
  // Phrases too weak for the graph give their text back, so a known concept inside them still counts
  // ("pre-conditioned gradient descent" is a mention of gradient descent when the longer phrase is dropped).
  const dropped = new Set([...drafts.byId.values()].filter((d) => d.mentions.length > 0 && conceptConfidence(d) < minConfidence).map((d) => d.id));
  if (dropped.size > 0) {
    for (const id of dropped) drafts.byId.delete(id);
    for (const [k, id] of drafts.surfaces) if (dropped.has(id)) drafts.surfaces.delete(k);
    for (const d of drafts.byId.values()) d.mentions = [];
    matchSurfaces(title, drafts);
    matchSurfaces(abs, drafts);
  }
  const concepts: ExtractedConcept[] = [];
  for (const d of drafts.byId.values()) {
    if (d.mentions.length === 0 || conceptConfidence(d) < minConfidence) continue;
    concepts.push(finish(d, [title, abs]));
  }
  concepts.sort(compareIds);
  return { concepts, codeLinks: findCodeLinks(input.abstract ?? '') };
}
