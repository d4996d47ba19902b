/**
 * Linear-chain conditional random field: Viterbi decoding and forward-backward marginals over one chain of
 * tokens. Every pass is O(n·L²) in the chain length n (L labels), so cost stays linear in text length.
 * Training (scripts/train.ts) uses the same forward-backward for its gradient.
 */

/** Weights of a trained CRF, indexed for scoring. */
export interface CrfWeights {
  labels: readonly string[];
  /** transition[from * L + to]. */
  transition: Float64Array;
  /** Score of a label at the first token of a chain. */
  start: Float64Array;
}

/**
 * Per-token label scores of one chain: `emission[t * L + y]`, the sum of the weights of token t's features
 * for label y.
 */
export interface Lattice {
  n: number;
  emission: Float64Array;
}

/** Forward-backward state, scaled per position so long chains neither overflow nor underflow. */
export interface Marginals {
  /** P(y_t = y): `node[t * L + y]` (empty when computed without it). */
  node: Float64Array;
  /** Normalised forward and scaled backward vectors, and the scale of each position. */
  alpha: Float64Array;
  beta: Float64Array;
  scale: Float64Array;
  /** exp(emission − max over labels at that position). */
  expEmission: Float64Array;
  expTransition: Float64Array;
  logZ: number;
}

/** `m` (L×L, row-major) transposed, so loops over the previous label read memory in order. */
function transposed(m: Float64Array, L: number): Float64Array {
  const out = new Float64Array(L * L);
  for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) out[b * L + a] = m[a * L + b] as number;
  return out;
}

/** Best label sequence (indices into `labels`). `scratch`: buffers kept across chains (`createChainScratch`). */
export function viterbi(w: CrfWeights, lat: Lattice, scratch?: ChainScratch): Int32Array {
  const L = w.labels.length;
  const { n, emission } = lat;
  const path = new Int32Array(n);
  if (n === 0) return path;
  const into = scratch ? scratch.into : transposed(w.transition, L);
  if (scratch && scratch.back.length < n * L) scratch.back = new Int32Array(Math.max(n, 64) * L * 2);
  const back = scratch ? scratch.back : new Int32Array(n * L);
  let prev = scratch ? scratch.prev : new Float64Array(L);
  let cur = scratch ? scratch.cur : new Float64Array(L);
  for (let y = 0; y < L; y++) prev[y] = (w.start[y] as number) + (emission[y] as number);
  for (let t = 1; t < n; t++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      const row = y * L;
      for (let p = 0; p < L; p++) {
        const s = (prev[p] as number) + (into[row + p] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[y] = best + (emission[t * L + y] as number);
      back[t * L + y] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    if ((prev[y] as number) > best) {
      best = prev[y] as number;
      arg = y;
    }
  }
  path[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t * L + (path[t] as number)] as number;
  return path;
}

export function expTransitions(w: CrfWeights): Float64Array {
  return w.transition.map(Math.exp);
}

/**
 * Buffers and the transposed transitions kept by a caller that runs forward-backward over many chains of one
 * model (the tagger), so a chain allocates nothing. Marginals computed with it are valid until the next call.
 */
export interface ChainScratch {
  /** The transitions transposed, `into[y * L + p]`, and their exp. */
  into: Float64Array;
  expInto: Float64Array;
  /** Viterbi's back pointers and score rows. */
  back: Int32Array;
  prev: Float64Array;
  cur: Float64Array;
  expEmission: Float64Array;
  alpha: Float64Array;
  beta: Float64Array;
  scale: Float64Array;
  /** expEmission · beta of the next position, per label. */
  next: Float64Array;
}

/** Buffers for chains of model `w`; one caller at a time (the tagger keeps one). */
export function createChainScratch(w: CrfWeights, expTransition: Float64Array = expTransitions(w)): ChainScratch {
  const L = w.labels.length;
  return { into: transposed(w.transition, L), expInto: transposed(expTransition, L), back: new Int32Array(0), prev: new Float64Array(L), cur: new Float64Array(L), expEmission: new Float64Array(0), alpha: new Float64Array(0), beta: new Float64Array(0), scale: new Float64Array(0), next: new Float64Array(L) };
}

/** `scratch` with room for a chain of n positions over L labels. */
function roomFor(scratch: ChainScratch, n: number, L: number): ChainScratch {
  if (scratch.scale.length < n) {
    const cap = Math.max(n, scratch.scale.length * 2, 64);
    scratch.expEmission = new Float64Array(cap * L);
    scratch.alpha = new Float64Array(cap * L);
    scratch.beta = new Float64Array(cap * L);
    scratch.scale = new Float64Array(cap);
  }
  return scratch;
}

/**
 * Scaled forward-backward: node marginals and log partition. `expTransition` may be shared across chains.
 * `withNode` false leaves `node` empty, for callers that only read span probabilities (`segmentProbability`).
 * `scratch` (`createChainScratch`): reuse its buffers; the marginals then hold views of them.
 */
export function forwardBackward(w: CrfWeights, lat: Lattice, expTransition: Float64Array = expTransitions(w), withNode = true, scratch?: ChainScratch): Marginals {
  const L = w.labels.length;
  const { n, emission } = lat;
  const ws = roomFor(scratch ?? createChainScratch(w, expTransition), n, L);
  const { expEmission, alpha, beta, scale, next } = ws;
  const into = ws.expInto;
  const node = new Float64Array(withNode ? n * L : 0);
  let logZ = 0;
  for (let t = 0; t < n; t++) {
    let max = -Infinity;
    for (let y = 0; y < L; y++) max = Math.max(max, (emission[t * L + y] as number) + (t === 0 ? (w.start[y] as number) : 0));
    logZ += max;
    for (let y = 0; y < L; y++) expEmission[t * L + y] = Math.exp((emission[t * L + y] as number) + (t === 0 ? (w.start[y] as number) : 0) - max);
  }
  for (let t = 0; t < n; t++) {
    let sum = 0;
    for (let y = 0; y < L; y++) {
      let a = 1;
      if (t > 0) {
        a = 0;
        const prev = (t - 1) * L;
        const row = y * L;
        for (let p = 0; p < L; p++) a += (alpha[prev + p] as number) * (into[row + p] as number);
      }
      a *= expEmission[t * L + y] as number;
      alpha[t * L + y] = a;
      sum += a;
    }
    scale[t] = sum;
    for (let y = 0; y < L; y++) alpha[t * L + y] = (alpha[t * L + y] as number) / sum;
    logZ += Math.log(sum);
  }
  if (n > 0) for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1;
  for (let t = n - 2; t >= 0; t--) {
    const c = scale[t + 1] as number;
    for (let y = 0; y < L; y++) next[y] = (expEmission[(t + 1) * L + y] as number) * (beta[(t + 1) * L + y] as number);
    for (let p = 0; p < L; p++) {
      let b = 0;
      const row = p * L;
      for (let y = 0; y < L; y++) b += (expTransition[row + y] as number) * (next[y] as number);
      beta[t * L + p] = b / c;
    }
  }
  if (withNode) for (let i = 0; i < n * L; i++) node[i] = (alpha[i] as number) * (beta[i] as number);
  return { node, alpha, beta, scale, expEmission, expTransition, logZ };
}

/**
 * Probability that tokens [from, to) carry exactly `labels` (one per token) under the model, with the token at
 * `to` (if any) not continuing the segment (`continuation` is the label that would continue it, or -1 when
 * the labels themselves mark the end). This is the marginal probability of the span as one mention of its type.
 */
export function segmentProbability(m: Marginals, L: number, n: number, from: number, labels: readonly number[], continuation: number): number {
  const to = from + labels.length;
  // P(y_from..y_{to-1}) = alpha_from(y_from) · Π_{t=from+1}^{to-1} [T(y_{t-1}, y_t) e_t(y_t) / c_t] · beta_{to-1}(y_{to-1}).
  let p = m.alpha[from * L + (labels[0] as number)] as number;
  for (let t = from + 1; t < to; t++) {
    const a = labels[t - from - 1] as number;
    const b = labels[t - from] as number;
    p *= ((m.expTransition[a * L + b] as number) * (m.expEmission[t * L + b] as number)) / (m.scale[t] as number);
  }
  const last = labels[labels.length - 1] as number;
  if (to >= n || continuation < 0) return Math.max(0, Math.min(1, p * (m.beta[(to - 1) * L + last] as number)));
  const whole = p * (m.beta[(to - 1) * L + last] as number);
  const continued = (p * (m.expTransition[last * L + continuation] as number) * (m.expEmission[to * L + continuation] as number) * (m.beta[to * L + continuation] as number)) / (m.scale[to] as number);
  return Math.max(0, Math.min(1, whole - continued));
}
