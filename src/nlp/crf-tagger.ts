import { readFileSync } from 'node:fs';
import { expTransitions, forwardBackward, segmentProbability, viterbi } from './crf.js';
import type { CrfWeights } from './crf.js';
import type { Tagger, TaggedSpan } from './tagger.js';
import { leftWordFeatures, ownWordFeatures, rightWordFeatures, tokenFeatures } from './tagger-features.js';
import type { TaggerInput, TokenFeatures } from './tagger-features.js';
import type { Sentence, Token } from './tokenize.js';
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

  /** Summed label scores of `hashes`, added into `out` (length L). */
  addScores(hashes: ArrayLike<number>, out: Float64Array): void {
    const { slots, mask, pairLabels, pairWeights } = this;
    for (let q = 0; q < hashes.length; q++) {
      const h = hashes[q] as number;
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
      for (;;) {
        const range = slots[2 * slot + 1] as number;
        if (range === 0) break;
        if (slots[2 * slot] === h) {
          const end = (range >>> 8) + (range & 0xff);
          for (let p = range >>> 8; p < end; p++) {
            const y = pairLabels[p] as number;
            out[y] = (out[y] as number) + (pairWeights[p] as number);
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /** Emission scores of tokens [from, to) given each token's hashed features: `emission[t * L + y]`. */
  score(features: TokenFeatures, from: number, to: number): Float64Array {
    const L = this.labelCount;
    const { slots, mask, pairLabels, pairWeights } = this;
    const emission = new Float64Array((to - from) * L);
    for (let t = 0; t < to - from; t++) {
      const base = t * L;
      const qEnd = features.offsets[from + t + 1] as number;
      for (let q = features.offsets[from + t] as number; q < qEnd; q++) {
        const h = features.hashes[q] as number;
        let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
        for (;;) {
          const range = slots[2 * slot + 1] as number;
          if (range === 0) break;
          if (slots[2 * slot] === h) {
            const end = (range >>> 8) + (range & 0xff);
            for (let p = range >>> 8; p < end; p++) {
              const at = base + (pairLabels[p] as number);
              emission[at] = (emission[at] as number) + (pairWeights[p] as number);
            }
            break;
          }
          slot = (slot + 1) & mask;
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
  const table = new EmissionTable(model);
  const groups = wordGroupScores(table);
  return {
    tag(input: TaggerInput): TaggedSpan[] {
      const { tokens } = input;
      const features = tokenFeatures(input, true);
      const out: TaggedSpan[] = [];
      // One pass over the field's features; each sentence's chain is a view of it.
      const all = table.score(features, 0, tokens.length);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        const prev = tokens[i - 1];
        const next = tokens[i + 1];
        groups.add(all, i * L, t.text, prev && prev.sentence === t.sentence ? prev.text : undefined, next && next.sentence === t.sentence ? next.text : undefined);
      }
      for (const s of input.sentences as readonly Sentence[]) {
        if (s.to <= s.from) continue;
        const lat = { n: s.to - s.from, emission: all.subarray(s.from * L, s.to * L) };
        const path = viterbi(model, lat);
        const spans = spansOfPath(model.labels, path).filter((sp) => KEPT.has(sp.type));
        if (spans.length === 0) continue;
        const marg = forwardBackward(model, lat, expT, false);
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

/** Distinct words a tagger keeps the scores of, per group; past it the cache starts over (open vocabulary). */
const WORD_CACHE_SIZE = 20_000;

/**
 * Scores of the word-only feature groups (a token's own form, and the previous and next word as seen from it),
 * kept per distinct word: a word's dozen such features cost one lookup instead of a dozen hash-table probes.
 */
function wordGroupScores(table: EmissionTable): { add(into: Float64Array, at: number, text: string, prev: string | undefined, next: string | undefined): void } {
  const L = table.labelCount;
  const hashes: number[] = [];
  const put = (h: number): void => {
    hashes.push(h);
  };
  const cached = (cache: Map<string, Float64Array>, key: string, features: () => void): Float64Array => {
    let v = cache.get(key);
    if (v === undefined) {
      hashes.length = 0;
      features();
      v = new Float64Array(L);
      table.addScores(hashes, v);
      if (cache.size >= WORD_CACHE_SIZE) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
  const own = new Map<string, Float64Array>();
  const left = new Map<string, Float64Array>();
  const right = new Map<string, Float64Array>();
  // Sentence edges are keys no token text can be (tokens have letters or digits).
  const EDGE = '';
  return {
    add(into, at, text, prev, next) {
      const a = cached(own, text, () => ownWordFeatures(text, put));
      const b = cached(left, prev ?? EDGE, () => leftWordFeatures(prev, put));
      const c = cached(right, next ?? EDGE, () => rightWordFeatures(next, put));
      for (let y = 0; y < L; y++) into[at + y] = (into[at + y] as number) + (a[y] as number) + (b[y] as number) + (c[y] as number);
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
