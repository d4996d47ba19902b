import { readFileSync } from 'node:fs';
import { canonicalKey, conceptId } from './canonical-key.js';
import type { ConceptType } from './types.js';

export interface LexiconEntry {
  name: string;
  type: ConceptType;
  aliases: string[];
  /** Name of the broader lexicon concept (same type), e.g. "hallucination" for "visual hallucination". */
  broader?: string;
}

/**
 * The lexicon, authored by the papergraph team from general ML/NLP/CV knowledge (no annotated corpus was
 * mined): one concept a line in data/lexicon.txt, whose header gives the format and the types.
 */
const TABLE = readFileSync(new URL('./data/lexicon.txt', import.meta.url), 'utf8');

/**
 * Generic-sounding entries: known concepts, and the broader targets of their kinds, but too loose to become a
 * graph node from a bare mention ("reasoning", "attention heads"). They are typed in mention mode, and found
 * inside longer names, but not matched alone.
 */
const WEAK_ALONE = new Set(['generalization', 'attention head', 'attention heads', 'reasoning', 'attribution', 'probing', 'robustness', 'fairness', 'planning', 'softmax', 'warmup', 'prompting', 'router', 'tokenizer', 'tokenizers', 'decoding strategy', 'generative model', 'multimodal model', 'model compression', 'hybrid model', 'recommendation method', 'mechanistic interpretability method', 'pre-training', 'pretraining']);

/** Whether a whole-phrase lexicon match is a generic word that should stay below the graph threshold. */
export function weakAlone(surface: string): boolean {
  return WEAK_ALONE.has(surface);
}

/** Acronyms too ambiguous to trust on their own; they still count when defined in the text. */
const AMBIGUOUS_ALONE = new Set(['IS', 'AP', 'EM', 'GP', 'IE', 'IR', 'MT', 'AI', 'CV', 'ML', 'LM', 'NN', 'ARC', 'VOC', 'CUB', 'Pile', 'NQ', 'RULER', 'Adam', 'Inception', 'Claude', 'Gemini', 'Falcon', 'BLOOM', 'OPT', 'Mistral', 'KD', 'SSL', 'RL', 'LDA', 'MRR', 'KG', 'SAM', 'MIA', 'VQ', 'PRM', 'Phi', 'Whisper', 'Imagen', 'Performer', 'Reformer', 'Places', 'Steam', 'Cora', 'ETT', 'M4', 'SST', 'TTA', 'DINO', 'Alpaca', 'Codex', 'Hyena', 'MATH', 'ROOTS', 'HELM', 'CHAIR', 'POPE', 'MME', 'GIN', 'TER', 'KID', 'LIME', 'SWA', 'CFG']);

export const LEXICON: readonly LexiconEntry[] = TABLE.split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 0 && !l.startsWith('#'))
  .map((l) => {
    const [type, name, ...rest] = l.split('|');
    const entry: LexiconEntry = { type: type as ConceptType, name: name as string, aliases: rest.filter((a) => !a.startsWith('^')) };
    const broader = rest.find((a) => a.startsWith('^'));
    if (broader) entry.broader = broader.slice(1);
    return entry;
  });

/** Whether a lexicon surface may be matched without an in-text definition or typing context. */
export function trustedAlone(surface: string): boolean {
  return !AMBIGUOUS_ALONE.has(surface) && !WEAK_ALONE.has(surface);
}

export interface LexiconHit {
  entry: LexiconEntry;
  /** The name or alias whose key matched. */
  surface: string;
  /** Canonical key of `surface`. */
  key: string;
}

let index: Map<string, LexiconHit> | undefined;
/** The same surfaces by `looseKey`, for spellings that drop or add the hyphen before a version number. */
const looseIndex = new Map<string, LexiconHit>();
/** Keys with a surface that may be written in any case ("Llama" beside "LLaMA"). */
const caseFreeKeys = new Set<string>();
/** An entry's surfaces as written, and without hyphens, with and without a final "s". */
interface WrittenForms {
  exact: Set<string>;
  bare: Set<string>;
}
/** Built with the index because `writtenAsLexicon` runs for every lexicon hit of the surface matcher. */
const writtenForms = new Map<LexiconEntry, WrittenForms>();
let maxWords = 1;
/** Every proper prefix (in key parts) of every key, loose keys too: where a longer name may still begin. */
const keyPrefixes = new Set<string>();
/** Every prefix, in characters, of every loose key. */
const looseCharPrefixes = new Set<string>();

/** "gpt-2" and "gpt2", "wikitext-2" and "wikitext2" name the same thing; a word and its number are one key here. */
function looseKey(key: string): string {
  // Nearly every key looked up has no "-<digit>" (most have no hyphen at all); a test is about half the cost of
  // a replace that finds nothing.
  return key.includes('-') && /[a-z]-\d/.test(key) ? key.replace(/([a-z])-(?=\d)/g, '$1') : key;
}

function buildIndex(): Map<string, LexiconHit> {
  const m = new Map<string, LexiconHit>();
  for (const entry of LEXICON) {
    const forms: WrittenForms = { exact: new Set(), bare: new Set() };
    writtenForms.set(entry, forms);
    for (const surface of [entry.name, ...entry.aliases]) {
      const plain = surface.replace(/-/g, '');
      forms.exact.add(surface);
      forms.bare.add(plain).add(plain.replace(/s$/, ''));
      const k = canonicalKey(surface);
      const hit = { entry, surface, key: k };
      if (!m.has(k)) m.set(k, hit);
      const loose = looseKey(k);
      if (!looseIndex.has(loose)) looseIndex.set(loose, hit);
      for (let c = 1; c <= loose.length; c++) looseCharPrefixes.add(loose.slice(0, c));
      if (!caseSensitiveSurface(surface)) caseFreeKeys.add(k);
      maxWords = Math.max(maxWords, k.split('-').length);
      for (const key of [k, loose]) {
        const parts = key.split('-');
        for (let n = 1; n < parts.length; n++) keyPrefixes.add(parts.slice(0, n).join('-'));
      }
    }
  }
  return m;
}

/** Id of the broader concept the lexicon gives for the entry named by this canonical key, if any. */
export function lexiconBroaderId(key: string): string | undefined {
  const entry = lookupLexicon(key);
  if (!entry?.broader) return undefined;
  const parent = lookupLexicon(canonicalKey(entry.broader));
  return parent ? conceptId(parent.type, canonicalKey(parent.name)) : undefined;
}

/** The lexicon entry one of whose names has this canonical key. */
export function lookupLexicon(key: string): LexiconEntry | undefined {
  return lookupLexiconHit(key)?.entry;
}

export function lookupLexiconHit(key: string): LexiconHit | undefined {
  index ??= buildIndex();
  return index.get(key) ?? looseIndex.get(looseKey(key));
}

/** Whether some lexicon key starts with these key parts (joined by "-") and goes on. */
export function lexiconKeyPrefix(parts: string): boolean {
  index ??= buildIndex();
  return keyPrefixes.has(parts);
}

/**
 * Whether some lexicon key may extend the key parts `parts` (joined by "-", the last not singularized) by more
 * parts, loose spellings included: every key that does has a loose form starting with `looseKey(parts)`, since
 * the loose form only drops hyphens between a letter and a digit.
 */
export function lexiconLooseKeyPrefix(parts: string): boolean {
  index ??= buildIndex();
  return looseCharPrefixes.has(looseKey(parts));
}

/** Longest lexicon name in key parts, bounding the window of the surface matcher. */
export function lexiconMaxParts(): number {
  index ??= buildIndex();
  return maxWords;
}

/**
 * Short mixed-case or upper-case surfaces ("CV", "ARC", "LoRA") must match in their written case, or
 * ordinary words ("arc", "lora") would become concepts; so must capitalised names that are everyday words
 * ("since its inception" is not the Inception network, "places" not the Places dataset).
 */
export function caseSensitiveSurface(surface: string): boolean {
  if (/\s/.test(surface)) return false;
  return /[A-Z]/.test(surface.slice(1)) || everydayWordName(surface);
}

function everydayWordName(surface: string): boolean {
  return AMBIGUOUS_ALONE.has(surface) && /^[A-Z][a-z]+$/.test(surface);
}

/**
 * A lowercase "inception", "places": the everyday word, even where a noun phrase is expected. (A lowercase
 * acronym such as "svm" in a noun phrase still is the acronym.)
 */
export function everydayWordWritten(written: string, hit: LexiconHit): boolean {
  return everydayWordName(hit.surface) && written === written.toLowerCase();
}

/**
 * Whether `written` spells one of the hit entry's surfaces in the case that surface needs; a plural or
 * possessive "s" and hyphens may differ ("LLMs", "GPT2" for GPT-2).
 */
export function writtenAsLexicon(written: string, hit: LexiconHit): boolean {
  index ??= buildIndex();
  if (caseFreeKeys.has(hit.key)) return true;
  const forms = writtenForms.get(hit.entry) as WrittenForms;
  return forms.exact.has(written) || forms.bare.has(written.replace(/['’]?s$/, '').replace(/-/g, ''));
}
