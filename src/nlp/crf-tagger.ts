import { readFileSync } from 'node:fs';
import { createChainScratch, expTransitions, forwardBackward, segmentProbability, viterbi } from './crf.js';
import type { CrfWeights } from './crf.js';
import type { Tagger, TaggedSpan } from './tagger.js';
import { leftWordFeatures, ownWordFeatures, posContextFeatures, rightWordFeatures, tokenFeatures } from './tagger-features.js';
import type { TaggerInput, TokenFeatures } from './tagger-features.js';
import { POS_VALUES } from './tokenize.js';
import type { Pos, Sentence, Token } from './tokenize.js';
import { CONCEPT_TYPES } from './types.js';
import type { ConceptType } from './types.js';

/** The model file as written by `npm run train`: typed arrays as base64, feature names as hashes only. */
export interface CrfModelFile {
  format: 'papergraph-crf-1';
  /** "O", "B-METHOD", "I-METHOD", …; the model may know more types than papergraph keeps. */
  labels: string[];
  start: number[];
  transition: number[];
  /** Uint32 feature hashes, ascending. */
  features: string;
  /** Uint32, one more than features: the weights of feature k are pairs [offsets[k], offsets[k+1]). */
  offsets: string;
  /** Uint8 label index of each pair. */
  pairLabels: string;
  /** Float32 weight of each pair. */
  pairWeights: string;
  /** How the model was trained, for the record. */
  meta?: Record<string, unknown>;
}

/** A CRF whose emission weights are stored as (feature, label) pairs seen in training. */
export interface CrfModel extends CrfWeights {
  featureIndex: FeatureIndex;
  offsets: Uint32Array;
  pairLabels: Uint8Array;
  pairWeights: Float32Array | Float64Array;
}

/**
 * Feature hash → feature number, by open addressing over typed arrays: the lookup runs for every feature of
 * every token, where a Map of 100k+ numbers costs more than the rest of the tagger.
 */
export class FeatureIndex {
  /** Slot s holds a hash at 2s and its feature number + 1 at 2s + 1 (0: empty), so one probe reads one cache line. */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  readonly size: number;

  /** `hashes[k]` is the hash of feature k; hashes are distinct. */
  constructor(readonly hashes: Uint32Array) {
    let cap = 1024;
    while (cap < hashes.length * 1.6) cap *= 2;
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    this.size = hashes.length;
    hashes.forEach((h, k) => {
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
      while ((this.slots[2 * slot + 1] as number) !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = h;
      this.slots[2 * slot + 1] = k + 1;
    });
  }

  /** Feature number of hash `h`, or -1. */
  get(h: number): number {
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const v = this.slots[2 * slot + 1] as number;
      if (v === 0) return -1;
      if (this.slots[2 * slot] === h) return v - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * The model without features whose weights are all below `epsilon` in magnitude: they change no score that
 * matters, and every feature kept costs a lookup per token and bytes in the file.
 */
export function pruneModel(m: CrfModel, epsilon: number): CrfModel {
  const hashes: number[] = [];
  const offsets: number[] = [0];
  const labels: number[] = [];
  const weights: number[] = [];
  const all = m.featureIndex.hashes;
  for (let k = 0; k < all.length; k++) {
    const from = m.offsets[k] as number;
    const to = m.offsets[k + 1] as number;
    let keep = false;
    for (let p = from; p < to; p++) if (Math.abs(m.pairWeights[p] as number) >= epsilon) keep = true;
    if (!keep) continue;
    hashes.push(all[k] as number);
    for (let p = from; p < to; p++) {
      labels.push(m.pairLabels[p] as number);
      weights.push(m.pairWeights[p] as number);
    }
    offsets.push(labels.length);
  }
  return { ...m, featureIndex: new FeatureIndex(Uint32Array.from(hashes)), offsets: Uint32Array.from(offsets), pairLabels: Uint8Array.from(labels), pairWeights: Float64Array.from(weights) };
}

const toBase64 = (a: ArrayBufferView): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromBase64<T>(s: string, make: (b: ArrayBuffer) => T): T {
  const buf = Buffer.from(s, 'base64');
  // Copy into a fresh, aligned buffer: Node's pooled buffers may start at an offset typed arrays cannot use.
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return make(copy);
}

export function encodeModel(m: CrfModel, meta?: Record<string, unknown>): CrfModelFile {
  const hashes = m.featureIndex.hashes;
  const file: CrfModelFile = {
    format: 'papergraph-crf-1',
    labels: [...m.labels],
    start: [...m.start].map((x) => Math.fround(x)),
    transition: [...m.transition].map((x) => Math.fround(x)),
    features: toBase64(hashes),
    offsets: toBase64(m.offsets),
    pairLabels: toBase64(m.pairLabels),
    pairWeights: toBase64(Float32Array.from(m.pairWeights)),
  };
  if (meta) file.meta = meta;
  return file;
}

export function decodeModel(file: CrfModelFile): CrfModel {
  if (file.format !== 'papergraph-crf-1') throw new Error(`unknown tagger model format: ${String(file.format)}`);
  const featureIndex = new FeatureIndex(fromBase64(file.features, (b) => new Uint32Array(b)));
  return {
    labels: file.labels,
    start: Float64Array.from(file.start),
    transition: Float64Array.from(file.transition),
    featureIndex,
    offsets: fromBase64(file.offsets, (b) => new Uint32Array(b)),
    pairLabels: fromBase64(file.pairLabels, (b) => new Uint8Array(b)),
    pairWeights: fromBase64(file.pairWeights, (b) => new Float32Array(b)),
  };
}

/**
 * The emission weights laid out for scoring: an open-addressing table whose slot holds a feature's hash and the
 * range of its (label, weight) pairs, so a feature costs one probe and no second lookup in `offsets` (the
 * table is most of the tagger's memory traffic: tens of thousands of random reads per abstract).
 */
export class EmissionTable {
  /** Slot s: hash at 2s; at 2s + 1 the first pair << 8 | the number of pairs (0: empty slot). 8 bytes a slot. */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly pairLabels: Uint8Array;
  private readonly pairWeights: Float32Array | Float64Array;
  readonly labelCount: number;

  constructor(m: CrfModel) {
    const hashes = m.featureIndex.hashes;
    if (m.pairLabels.length >= 2 ** 24 || m.labels.length > 255) throw new Error('tagger model too large for the emission table');
    let cap = 1024;
    while (cap < hashes.length * 1.6) cap *= 2;
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    this.pairLabels = m.pairLabels;
    this.pairWeights = m.pairWeights;
    this.labelCount = m.labels.length;
    hashes.forEach((h, k) => {
      const from = m.offsets[k] as number;
      const count = (m.offsets[k + 1] as number) - from;
      // A feature without pairs scores nothing; leaving it out keeps count 0 free to mean an empty slot.
      if (count <= 0) return;
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
      while ((this.slots[2 * slot + 1] as number) !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = h;
      this.slots[2 * slot + 1] = ((from << 8) | count) >>> 0;
    });
  }

  /** The packed pair range (`from << 8 | count`) of feature hash `h`, or 0 when the model has no such feature. */
  private rangeOf(h: number): number {
    const { slots, mask } = this;
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const range = slots[2 * slot + 1] as number;
      if (range === 0 || slots[2 * slot] === h) return range;
      slot = (slot + 1) & mask;
    }
  }

  /** The hashes a feature group emits, collected by `addScoresOf` (kept to allocate nothing per group). */
  private readonly collected: number[] = [];
  private readonly collect = (h: number): void => {
    this.collected.push(h);
  };

  /** Summed label scores of the features `group` emits (as `ownWordFeatures` does), added into `out` (length L). */
  addScoresOf(group: (put: (h: number) => void) => void, out: Float64Array): void {
    const { pairLabels, pairWeights, collected } = this;
    collected.length = 0;
    group(this.collect);
    for (let q = 0; q < collected.length; q++) {
      const range = this.rangeOf(collected[q] as number);
      const end = (range >>> 8) + (range & 0xff);
      for (let p = range >>> 8; p < end; p++) {
        const y = pairLabels[p] as number;
        out[y] = (out[y] as number) + (pairWeights[p] as number);
      }
    }
  }

  /**
   * Emission scores of tokens [from, to) given each token's hashed features: `emission[t * L + y]`, written
   * into the start of `into` when given (the rest of it left as it was).
   */
  score(features: TokenFeatures, from: number, to: number, into?: Float64Array): Float64Array {
    const L = this.labelCount;
    const { pairLabels, pairWeights } = this;
    const emission = into ? into.fill(0, 0, (to - from) * L) : new Float64Array((to - from) * L);
    for (let t = 0; t < to - from; t++) {
      const base = t * L;
      const qEnd = features.offsets[from + t + 1] as number;
      for (let q = features.offsets[from + t] as number; q < qEnd; q++) {
        const range = this.rangeOf(features.hashes[q] as number);
        const end = (range >>> 8) + (range & 0xff);
        for (let p = range >>> 8; p < end; p++) {
          const at = base + (pairLabels[p] as number);
          emission[at] = (emission[at] as number) + (pairWeights[p] as number);
        }
      }
    }
    return emission;
  }
}

const KEPT = new Set<string>(CONCEPT_TYPES);

/**
 * Spans of a BIO or BILOU label path: B opens a span, I continues it, L closes it, U is a span of one token. An
 * I or L without its B opens a span too, as the model's best reading of it.
 */
export function spansOfPath(labels: readonly string[], path: ArrayLike<number>): Array<{ from: number; to: number; type: string }> {
  const out: Array<{ from: number; to: number; type: string }> = [];
  let open: { from: number; type: string } | undefined;
  for (let t = 0; t <= path.length; t++) {
    const label = t < path.length ? (labels[path[t] as number] as string) : 'O';
    const bio = label.slice(0, 1);
    const type = label.slice(2);
    const continues = (bio === 'I' || bio === 'L') && open?.type === type;
    if (open && !continues) {
      out.push({ from: open.from, to: t, type: open.type });
      open = undefined;
    }
    if (bio === 'U') out.push({ from: t, to: t + 1, type });
    else if (bio === 'B' || ((bio === 'I' || bio === 'L') && !open)) open = { from: t, type };
    if (bio === 'L' && open) {
      out.push({ from: open.from, to: t + 1, type: open.type });
      open = undefined;
    }
  }
  return out;
}

/** The label sequence of one span of `type` over `length` tokens, and the label that would continue it. */
function spanLabels(index: ReadonlyMap<string, number>, type: string, length: number): { labels: number[]; continuation: number } {
  const get = (l: string) => index.get(`${l}-${type}`) as number;
  const bilou = index.has(`U-${type}`);
  if (!bilou) return { labels: Array.from({ length }, (_, k) => get(k === 0 ? 'B' : 'I')), continuation: get('I') };
  if (length === 1) return { labels: [get('U')], continuation: -1 };
  return { labels: Array.from({ length }, (_, k) => get(k === 0 ? 'B' : k === length - 1 ? 'L' : 'I')), continuation: -1 };
}

export function createCrfTagger(model: CrfModel): Tagger {
  const L = model.labels.length;
  const labelIndex = new Map(model.labels.map((l, k) => [l, k]));
  const expT = expTransitions(model);
  const scratch = createChainScratch(model, expT);
  const emissions = createEmissionScorer(new EmissionTable(model));
  return {
    tag(input: TaggerInput): TaggedSpan[] {
      const out: TaggedSpan[] = [];
      // One pass over the field's features; each sentence's chain is a view of it.
      const all = emissions(input);
      for (const s of input.sentences as readonly Sentence[]) {
        if (s.to <= s.from) continue;
        const lat = { n: s.to - s.from, emission: all.subarray(s.from * L, s.to * L) };
        const path = viterbi(model, lat, scratch);
        const spans = spansOfPath(model.labels, path).filter((sp) => KEPT.has(sp.type));
        if (spans.length === 0) continue;
        const marg = forwardBackward(model, lat, expT, false, scratch);
        for (const sp of spans) {
          const { labels, continuation } = spanLabels(labelIndex, sp.type, sp.to - sp.from);
          const confidence = segmentProbability(marg, L, lat.n, sp.from, labels, continuation);
          out.push({ from: s.from + sp.from, to: s.from + sp.to, type: sp.type as ConceptType, confidence });
        }
      }
      return out;
    },
  };
}

/**
 * Emission scores of every token of a field (`emission[t * L + y]`), equal up to rounding to
 * `table.score(tokenFeatures(input), 0, n)`: the feature groups that depend on a word alone or on a triple of
 * parts of speech are scored once per distinct key and kept, the rest probed per token. The array returned is
 * reused by the next call.
 */
export function createEmissionScorer(table: EmissionTable, wordCacheSize = WORD_CACHE_SIZE): (input: TaggerInput) => Float64Array {
  const L = table.labelCount;
  const words = wordGroupScores(table, wordCacheSize);
  const pos = posGroupScores(table);
  let out = new Float64Array(0);
  let rows = new Int32Array(0);
  return (input) => {
    const { tokens } = input;
    const n = tokens.length;
    if (out.length < n * L) out = new Float64Array(Math.max(n, 256) * 2 * L);
    const all = table.score(tokenFeatures(input, true), 0, n, out);
    if (rows.length < n) rows = new Int32Array(Math.max(n, 256) * 2);
    words.reserve(n);
    for (let i = 0; i < n; i++) rows[i] = words.of((tokens[i] as Token).text);
    const w = words.scores();
    for (let i = 0; i < n; i++) {
      const t = tokens[i] as Token;
      const samePrev = i > 0 && (tokens[i - 1] as Token).sentence === t.sentence;
      const sameNext = i + 1 < n && (tokens[i + 1] as Token).sentence === t.sentence;
      // The word's own features, the previous word's as seen from here, the next word's likewise.
      const own = rows[i] as number;
      const left = (samePrev ? (rows[i - 1] as number) : EDGE_ROW) + L;
      const right = (sameNext ? (rows[i + 1] as number) : EDGE_ROW) + 2 * L;
      const at = i * L;
      for (let y = 0; y < L; y++) all[at + y] = (all[at + y] as number) + (w[own + y] as number) + (w[left + y] as number) + (w[right + y] as number);
      pos.add(all, at, samePrev ? (tokens[i - 1] as Token).pos : undefined, t.pos, sameNext ? (tokens[i + 1] as Token).pos : undefined);
    }
    return all;
  };
}

/** Distinct words a tagger keeps the scores of; past it the cache starts over (open vocabulary). */
export const WORD_CACHE_SIZE = 20_000;
/** The row of a sentence's edges (its left and right groups; its own group is unused). */
const EDGE_ROW = 0;

/**
 * Scores of the word-only feature groups, kept per distinct word in one row of 3L: the word's own form
 * (`ownWordFeatures`), then the word as the previous (`leftWordFeatures`) and as the next word
 * (`rightWordFeatures`) of a token. A word's dozen such features cost one lookup instead of a dozen probes.
 * The rows live in one array (few objects for the garbage collector to trace); `of` gives a row's offset in
 * `scores()`, valid for the field `reserve` was called for.
 */
function wordGroupScores(table: EmissionTable, cacheSize: number): { reserve(n: number): void; of(text: string): number; scores(): Float64Array } {
  const L = table.labelCount;
  const R = 3 * L;
  let arena = new Float64Array(1024 * R);
  const score = (at: number, group: (put: (h: number) => void) => void): void => table.addScoresOf(group, arena.subarray(at, at + L));
  const index = new Map<string, number>();
  let next = 0;
  const reset = (): void => {
    index.clear();
    arena.fill(0, 0, R);
    score(EDGE_ROW + L, (put) => leftWordFeatures(undefined, put));
    score(EDGE_ROW + 2 * L, (put) => rightWordFeatures(undefined, put));
    next = R;
  };
  reset();
  return {
    reserve(n) {
      // Start over between fields, never within one: offsets given out for a field stay its words'.
      if (index.size + n > cacheSize) reset();
    },
    of(text) {
      let at = index.get(text);
      if (at === undefined) {
        at = next;
        next += R;
        if (next > arena.length) {
          const grown = new Float64Array(arena.length * 2);
          grown.set(arena);
          arena = grown;
        }
        arena.fill(0, at, at + R);
        score(at, (put) => ownWordFeatures(text, put));
        score(at + L, (put) => leftWordFeatures(text, put));
        score(at + 2 * L, (put) => rightWordFeatures(text, put));
        index.set(text, at);
      }
      return at;
    },
    scores: () => arena,
  };
}

/** Every part of speech, and the sentence's edges, numbered for `posGroupScores`. */
const POS_INDEX = new Map<string, number>(['<s>', '</s>', ...POS_VALUES].map((p, k) => [p, k]));
const POS_COUNT = POS_INDEX.size;

/**
 * Scores of `posContextFeatures` (bias and the parts of speech of a token and its neighbours), kept per
 * triple: six features that each weigh nearly every label cost one read of L scores per token.
 */
function posGroupScores(table: EmissionTable): { add(into: Float64Array, at: number, prev: Pos | undefined, pos: Pos, next: Pos | undefined): void } {
  const L = table.labelCount;
  const scores = new Float64Array(POS_COUNT ** 3 * L);
  const filled = new Uint8Array(POS_COUNT ** 3);
  return {
    add(into, at, prev, pos, next) {
      const pp = prev ?? '<s>';
      const pn = next ?? '</s>';
      const key = ((POS_INDEX.get(pp) as number) * POS_COUNT + (POS_INDEX.get(pos) as number)) * POS_COUNT + (POS_INDEX.get(pn) as number);
      const base = key * L;
      if (!filled[key]) {
        table.addScoresOf((put) => posContextFeatures(pp, pos, pn, put), scores.subarray(base, base + L));
        filled[key] = 1;
      }
      for (let y = 0; y < L; y++) into[at + y] = (into[at + y] as number) + (scores[base + y] as number);
    },
  };
}

const MODEL_URL = new URL('./data/tagger-model.json', import.meta.url);
let shipped: Tagger | undefined;

/** The tagger trained by `npm run train`, read once per process. */
export function defaultTagger(): Tagger {
  shipped ??= createCrfTagger(decodeModel(JSON.parse(readFileSync(MODEL_URL, 'utf8')) as CrfModelFile));
  return shipped;
}
