/**
 * Trains the concept tagger (a linear-chain CRF, src/nlp/crf.ts) and writes src/nlp/data/tagger-model.json.
 *   npm run train -- --scirex ../shared/scirex/train.json --scierc ../shared/scierc/train.json --dev ../shared/scierc/dev.json
 * Options: --c2 1,2 (L2 strengths tried; the best on dev is kept), --iterations 200, --min-count 1,
 * --prune 0.05 (features whose weights are all smaller are dropped from the file), --scheme bilou|bio, --out <path>. Deterministic: no randomness anywhere, so the same data gives the same model.
 * The datasets are read from the given paths only; the model stores feature hashes and weights, no text.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { expTransitions, forwardBackward } from '../src/nlp/crf.js';
import { FeatureIndex, createCrfTagger, encodeModel, pruneModel } from '../src/nlp/crf-tagger.js';
import type { CrfModel } from '../src/nlp/crf-tagger.js';
import { asideTokens } from '../src/nlp/find-asides.js';
import { tokenFeatures } from '../src/nlp/tagger-features.js';
import type { TaggerInput, TokenFeatures } from '../src/nlp/tagger-features.js';
import { tokenize } from '../src/nlp/tokenize.js';
import type { Field } from '../src/nlp/types.js';
import { minimizeLbfgs } from './lbfgs.js';
import { docText, readDocs, wordAt } from './scierc-data.js';
import type { Doc } from './scierc-data.js';
import { cliArg } from './cli-arg.js';

/** Dataset types → tagger types. Every type is learned; papergraph keeps the first four. */
const TYPES: Record<string, string> = { Method: 'METHOD', Task: 'TASK', Material: 'DATASET', Metric: 'METRIC', OtherScientificTerm: 'OTHER', Generic: 'GENERIC' };
/** BILOU (begin, inside, last, unit) by default; `--scheme bio` for plain BIO. */
const SCHEME = process.argv.includes('--scheme') && process.argv[process.argv.indexOf('--scheme') + 1] === 'bio' ? 'bio' : 'bilou';
const LABELS = ['O', ...Object.values(TYPES).flatMap((t) => (SCHEME === 'bio' ? [`B-${t}`, `I-${t}`] : [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`]))];
const L = LABELS.length;
const LABEL_INDEX = new Map(LABELS.map((l, k) => [l, k]));
const KEPT = new Set(['METHOD', 'TASK', 'DATASET', 'METRIC']);

/** One field of one document, tokenized as papergraph tokenizes, with gold spans on its word offsets. */
interface Field_ {
  input: TaggerInput;
  features: TokenFeatures;
  /** Gold label per token. */
  gold: Int32Array;
  /** For scoring on dev: word offset of each token's start/end, and the gold spans in words. */
  wordStarts: number[];
  goldSpans: Array<{ s: number; e: number; type: string }>;
  wordOfChar: (c: number) => number;
}

function prepareField(field: Field, words: string[], spans: Array<[number, number, string]>, glueHyphens: boolean): Field_ {
  const dt = docText(words, glueHyphens);
  const tok = tokenize(dt.text);
  const input: TaggerInput = { field, source: dt.text, tokens: tok.tokens, sentences: tok.sentences, aside: asideTokens(dt.text, tok.tokens) };
  const gold = new Int32Array(tok.tokens.length);
  const goldSpans: Field_['goldSpans'] = [];
  for (const [s, e, raw] of spans) {
    const type = TYPES[raw];
    if (!type) continue;
    goldSpans.push({ s, e, type });
    const cs = dt.starts[s] as number;
    const ce = (dt.starts[e] as number) + (dt.words[e] as string).length;
    const covered: number[] = [];
    tok.tokens.forEach((t, k) => {
      if (t.end > cs && t.start < ce && gold[k] === 0) covered.push(k);
    });
    covered.forEach((k, j) => {
      const last = j === covered.length - 1;
      const tag = SCHEME === 'bio' ? (j === 0 ? 'B' : 'I') : covered.length === 1 ? 'U' : j === 0 ? 'B' : last ? 'L' : 'I';
      gold[k] = LABEL_INDEX.get(`${tag}-${type}`) as number;
    });
  }
  return { input, features: tokenFeatures(input), gold, wordStarts: dt.starts, goldSpans, wordOfChar: (c) => wordAt(dt.starts, c) };
}

/** SciERC documents are abstracts; SciREX documents start with the title as their first sentence. */
function prepareDoc(doc: Doc, titleFirst: boolean): Field_[] {
  const out: Field_[] = [];
  let offset = 0;
  doc.sentences.forEach((sent, k) => {
    if (titleFirst && k === 0) {
      out.push(prepareField('title', sent, (doc.ner[0] ?? []).map(([s, e, t]) => [s, e, t]), titleFirst));
      offset = sent.length;
    }
  });
  const words = doc.sentences.slice(titleFirst ? 1 : 0).flat();
  const spans = doc.ner.slice(titleFirst ? 1 : 0).flat().map(([s, e, t]) => [s - offset, e - offset, t] as [number, number, string]);
  out.push(prepareField('abstract', words, spans, titleFirst));
  return out;
}

interface Chain {
  n: number;
  /** Feature indices of token t: feats[featStart[t] .. featStart[t+1]). */
  featStart: Int32Array;
  feats: Int32Array;
  gold: Int32Array;
}

function buildModel(fields: Field_[], minCount: number) {
  const counts = new Map<number, number>();
  for (const f of fields) for (const h of f.features.hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  const kept = [...counts].filter(([, c]) => c >= minCount).map(([h]) => h).sort((a, b) => a - b);
  const featureIndex = new FeatureIndex(Uint32Array.from(kept));
  const labelSets: Array<Set<number>> = Array.from({ length: featureIndex.size }, () => new Set<number>());
  const chains: Chain[] = [];
  for (const f of fields) {
    for (const s of f.input.sentences) {
      const n = s.to - s.from;
      if (n <= 0) continue;
      const featStart = new Int32Array(n + 1);
      const list: number[] = [];
      const gold = new Int32Array(n);
      for (let t = 0; t < n; t++) {
        featStart[t] = list.length;
        const y = f.gold[s.from + t] as number;
        gold[t] = y;
        const fo = f.features.offsets;
        for (let q = fo[s.from + t] as number; q < (fo[s.from + t + 1] as number); q++) {
          const k = featureIndex.get(f.features.hashes[q] as number);
          if (k < 0) continue;
          list.push(k);
          (labelSets[k] as Set<number>).add(y);
        }
      }
      featStart[n] = list.length;
      chains.push({ n, featStart, feats: Int32Array.from(list), gold });
    }
  }
  const offsets = new Uint32Array(featureIndex.size + 1);
  const pairLabels: number[] = [];
  labelSets.forEach((set, k) => {
    offsets[k] = pairLabels.length;
    for (const y of [...set].sort((a, b) => a - b)) pairLabels.push(y);
  });
  offsets[featureIndex.size] = pairLabels.length;
  return { featureIndex, offsets, pairLabels: Uint8Array.from(pairLabels), chains };
}

function train(fields: Field_[], c2: number, iterations: number, minCount: number): CrfModel {
  const { featureIndex, offsets, pairLabels, chains } = buildModel(fields, minCount);
  const P = pairLabels.length;
  const dim = P + L * L + L;
  console.log(`  ${featureIndex.size} features, ${P} feature-label pairs, ${chains.length} chains, c2 ${c2}`);
  const model = (theta: Float64Array): CrfModel => ({
    labels: LABELS,
    pairWeights: theta.subarray(0, P),
    transition: theta.subarray(P, P + L * L),
    start: theta.subarray(P + L * L),
    featureIndex,
    offsets,
    pairLabels,
  });
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    const m = model(theta);
    const expT = expTransitions(m);
    let nll = 0;
    for (const ch of chains) {
      const emission = new Float64Array(ch.n * L);
      for (let t = 0; t < ch.n; t++) {
        for (let q = ch.featStart[t] as number; q < (ch.featStart[t + 1] as number); q++) {
          const k = ch.feats[q] as number;
          for (let p = offsets[k] as number; p < (offsets[k + 1] as number); p++) {
            const at = t * L + (pairLabels[p] as number);
            emission[at] = (emission[at] as number) + (theta[p] as number);
          }
        }
      }
      const fb = forwardBackward(m, { n: ch.n, emission }, expT);
      // Gold path score.
      let score = (m.start[ch.gold[0] as number] as number);
      for (let t = 0; t < ch.n; t++) {
        score += emission[t * L + (ch.gold[t] as number)] as number;
        if (t > 0) score += m.transition[(ch.gold[t - 1] as number) * L + (ch.gold[t] as number)] as number;
      }
      nll += fb.logZ - score;
      for (let t = 0; t < ch.n; t++) {
        const y = ch.gold[t] as number;
        for (let q = ch.featStart[t] as number; q < (ch.featStart[t + 1] as number); q++) {
          const k = ch.feats[q] as number;
          for (let p = offsets[k] as number; p < (offsets[k + 1] as number); p++) {
            const lab = pairLabels[p] as number;
            grad[p] = (grad[p] as number) + (fb.node[t * L + lab] as number) - (lab === y ? 1 : 0);
          }
        }
        if (t === 0) {
          for (let a = 0; a < L; a++) grad[P + L * L + a] = (grad[P + L * L + a] as number) + (fb.node[a] as number) - (a === y ? 1 : 0);
        } else {
          const c = fb.scale[t] as number;
          for (let a = 0; a < L; a++) {
            const al = fb.alpha[(t - 1) * L + a] as number;
            for (let b = 0; b < L; b++) {
              const pr = (al * (expT[a * L + b] as number) * (fb.expEmission[t * L + b] as number) * (fb.beta[t * L + b] as number)) / c;
              grad[P + a * L + b] = (grad[P + a * L + b] as number) + pr;
            }
          }
          const gp = ch.gold[t - 1] as number;
          grad[P + gp * L + y] = (grad[P + gp * L + y] as number) - 1;
        }
      }
    }
    let reg = 0;
    for (let i = 0; i < dim; i++) {
      reg += (theta[i] as number) * (theta[i] as number);
      grad[i] = (grad[i] as number) + c2 * (theta[i] as number);
    }
    return nll + (c2 / 2) * reg;
  };
  const t0 = performance.now();
  const theta = minimizeLbfgs(objective, new Float64Array(dim), {
    maxIterations: iterations,
    onIteration: (it, v, gn) => {
      if (it % 10 === 0) console.log(`  it ${it} objective ${v.toFixed(1)} |g| ${gn.toFixed(2)} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    },
  });
  return model(theta);
}

/** Mention-level exact and relaxed F1 of the tagger alone over the four kept types, scored on words. */
function score(m: CrfModel, fields: Field_[]): { exact: number; relaxed: number } {
  const tagger = createCrfTagger(m);
  let np = 0;
  let ng = 0;
  let exact = 0;
  let relP = 0;
  let relR = 0;
  for (const f of fields) {
    const pred = tagger.tag(f.input).map((sp) => ({
      s: f.wordOfChar((f.input.tokens[sp.from] as { start: number }).start),
      e: f.wordOfChar((f.input.tokens[sp.to - 1] as { end: number }).end - 1),
      type: sp.type as string,
    }));
    const gold = f.goldSpans.filter((g) => KEPT.has(g.type));
    np += pred.length;
    ng += gold.length;
    const overlap = (a: { s: number; e: number }, b: { s: number; e: number }) => a.s <= b.e && b.s <= a.e;
    exact += pred.filter((x) => gold.some((y) => y.s === x.s && y.e === x.e && y.type === x.type)).length;
    relP += pred.filter((x) => gold.some((y) => overlap(x, y) && y.type === x.type)).length;
    relR += gold.filter((y) => pred.some((x) => overlap(x, y) && y.type === x.type)).length;
  }
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  return { exact: f1(exact / np, exact / ng), relaxed: f1(relP / np, relR / ng) };
}

function main(): void {
  const scirex = cliArg('--scirex');
  const scierc = cliArg('--scierc');
  const dev = cliArg('--dev');
  if (!scierc || !dev) {
    console.error('usage: train --scierc <train.json> --dev <dev.json> [--scirex <train.json>] [--c2 0.1,0.3,1] [--iterations 150] [--min-count 1] [--out path]');
    process.exit(2);
  }
  const out = cliArg('--out') ?? new URL('../src/nlp/data/tagger-model.json', import.meta.url).pathname;
  const c2s = (cliArg('--c2') ?? '1,2').split(',').map(Number);
  const iterations = Number(cliArg('--iterations') ?? 200);
  const prune = Number(cliArg('--prune') ?? 0.05);
  const minCount = Number(cliArg('--min-count') ?? 1);
  const t0 = performance.now();
  const trainFields = [...readDocs(scierc).flatMap((d) => prepareDoc(d, false)), ...(scirex ? readDocs(scirex).flatMap((d) => prepareDoc(d, true)) : [])];
  const devFields = readDocs(dev).flatMap((d) => prepareDoc(d, false));
  console.log(`features of ${trainFields.length} train and ${devFields.length} dev fields in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  let best: { c2: number; model: CrfModel; exact: number; relaxed: number } | undefined;
  for (const c2 of c2s) {
    const t1 = performance.now();
    const model = pruneModel(train(trainFields, c2, iterations, minCount), prune);
    const s = score(model, devFields);
    console.log(`c2 ${c2}: dev tagger exact F1 ${s.exact.toFixed(3)} relaxed ${s.relaxed.toFixed(3)} (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
    if (!best || s.exact > best.exact) best = { c2, model, ...s };
  }
  if (!best) return;
  const file = encodeModel(best.model, {
    trainedOn: [scierc, scirex].filter(Boolean).map((p) => (p as string).split('/').slice(-2).join('/')),
    c2: best.c2,
    iterations,
    minCount,
    prune,
    scheme: SCHEME,
    devExactF1: Number(best.exact.toFixed(3)),
    devRelaxedF1: Number(best.relaxed.toFixed(3)),
  });
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${out} (c2 ${best.c2}, dev tagger exact ${best.exact.toFixed(3)} relaxed ${best.relaxed.toFixed(3)}) in ${((performance.now() - t0) / 1000).toFixed(0)} s total`);
}

main();
