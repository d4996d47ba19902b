import { forwardBackward, segmentProbability, viterbi } from '../../src/nlp/crf.js';
import type { CrfWeights, Lattice } from '../../src/nlp/crf.js';
import { FeatureIndex, spansOfPath } from '../../src/nlp/crf-tagger.js';
import { minimizeLbfgs } from '../../scripts/lbfgs.js';

/** A small CRF with fixed pseudo-random weights, and every label sequence scored by brute force. */
function fixture(L: number, n: number, seed: number): { w: CrfWeights; lat: Lattice; all: Array<{ path: number[]; p: number }> } {
  let x = seed;
  const rnd = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x / 2 ** 32) * 4 - 2;
  };
  const w: CrfWeights = {
    labels: Array.from({ length: L }, (_, k) => String(k)),
    transition: Float64Array.from({ length: L * L }, rnd),
    start: Float64Array.from({ length: L }, rnd),
  };
  const lat: Lattice = { n, emission: Float64Array.from({ length: n * L }, rnd) };
  const all: Array<{ path: number[]; p: number }> = [];
  for (let code = 0; code < L ** n; code++) {
    const path = Array.from({ length: n }, (_, t) => Math.floor(code / L ** t) % L);
    let s = (w.start[path[0]!] as number) + (lat.emission[path[0]!] as number);
    for (let t = 1; t < n; t++) s += (w.transition[path[t - 1]! * L + path[t]!] as number) + (lat.emission[t * L + path[t]!] as number);
    all.push({ path, p: Math.exp(s) });
  }
  const z = all.reduce((a, b) => a + b.p, 0);
  for (const a of all) a.p /= z;
  return { w, lat, all };
}

describe('linear-chain CRF', () => {
  const L = 3;
  const n = 5;
  const { w, lat, all } = fixture(L, n, 7);

  it('decodes the most probable label sequence', () => {
    const best = all.reduce((a, b) => (b.p > a.p ? b : a));
    expect([...viterbi(w, lat)]).toEqual(best.path);
  });

  it('gives node marginals equal to the brute-force sums', () => {
    const m = forwardBackward(w, lat);
    for (let t = 0; t < n; t++) {
      for (let y = 0; y < L; y++) {
        const expected = all.filter((a) => a.path[t] === y).reduce((s, a) => s + a.p, 0);
        expect(m.node[t * L + y]).toBeCloseTo(expected, 10);
      }
    }
  });

  it('gives a segment the probability of exactly those labels, not continued after its end', () => {
    const m = forwardBackward(w, lat);
    // Segment [1, 3) labelled 1, 2, not followed by label 2 at position 3.
    const expected = all.filter((a) => a.path[1] === 1 && a.path[2] === 2 && a.path[3] !== 2).reduce((s, a) => s + a.p, 0);
    expect(segmentProbability(m, L, n, 1, [1, 2], 2)).toBeCloseTo(expected, 10);
    const atEnd = all.filter((a) => a.path[3] === 0 && a.path[4] === 1).reduce((s, a) => s + a.p, 0);
    expect(segmentProbability(m, L, n, 3, [0, 1], 1)).toBeCloseTo(atEnd, 10);
  });

  it('stays finite on a long chain', () => {
    const long = fixture(3, 1, 3);
    const big: Lattice = { n: 20_000, emission: Float64Array.from({ length: 60_000 }, (_, i) => ((i * 7919) % 13) - 6) };
    const m = forwardBackward(long.w, big);
    expect(Number.isFinite(m.logZ)).toBe(true);
    expect(m.node[19_999 * 3]! + m.node[19_999 * 3 + 1]! + m.node[19_999 * 3 + 2]!).toBeCloseTo(1, 8);
  });
});

describe('spans of a BIO path', () => {
  it('opens a span at B and at an I without its B, and closes it at a change of type', () => {
    const labels = ['O', 'B-METHOD', 'I-METHOD', 'B-TASK', 'I-TASK'];
    expect(spansOfPath(labels, [1, 2, 0, 2, 2, 4, 3, 3])).toEqual([
      { from: 0, to: 2, type: 'METHOD' },
      { from: 3, to: 5, type: 'METHOD' },
      { from: 5, to: 6, type: 'TASK' },
      { from: 6, to: 7, type: 'TASK' },
      { from: 7, to: 8, type: 'TASK' },
    ]);
  });

  it('reads BILOU: L closes a span, U is one token', () => {
    const labels = ['O', 'B-METHOD', 'I-METHOD', 'L-METHOD', 'U-METHOD'];
    expect(spansOfPath(labels, [1, 2, 3, 4, 4, 0, 1, 3])).toEqual([
      { from: 0, to: 3, type: 'METHOD' },
      { from: 3, to: 4, type: 'METHOD' },
      { from: 4, to: 5, type: 'METHOD' },
      { from: 6, to: 8, type: 'METHOD' },
    ]);
  });
});

describe('feature index', () => {
  it('finds every stored hash and nothing else', () => {
    const hashes = Uint32Array.from({ length: 5000 }, (_, k) => (Math.imul(k + 1, 2654435761) >>> 0));
    const index = new FeatureIndex(hashes);
    hashes.forEach((h, k) => expect(index.get(h)).toBe(k));
    expect(index.get(12345)).toBe(-1);
  });
});

describe('L-BFGS', () => {
  it('finds the minimum of an ill-conditioned quadratic', () => {
    const scale = [1, 10, 100, 1000];
    const f = (x: Float64Array, g: Float64Array): number => {
      let v = 0;
      x.forEach((xi, i) => {
        const d = xi - (i + 1);
        v += 0.5 * scale[i]! * d * d;
        g[i] = scale[i]! * d;
      });
      return v;
    };
    const x = minimizeLbfgs(f, new Float64Array(4), { maxIterations: 100, tolerance: 1e-12 });
    [...x].forEach((xi, i) => expect(xi).toBeCloseTo(i + 1, 4));
  });
});
