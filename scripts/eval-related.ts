/**
 * How well related-paper rankings find judged related papers, on the two judgment sets the hybrid mix was chosen
 * on (and on nothing else): the blind judgments of the seed corpus (test/fixtures/related-judgments.json) and the
 * SciREX leaderboard judgments (../shared/scirex/related-train.json, 178 papers). Side by side: the concept
 * ranking, a TF-IDF cosine baseline, BM25 with the whole text as the query, and the hybrid `related` serves by
 * default; MAP, nDCG@10, recall@5, and the share of top-5 results sharing a graph concept with their source.
 *   npm run eval:related [-- --scirex ../shared/scirex/related-train.json] [--grid]
 * `--grid` also prints every mix form and weight tried on the two sets (the grid the hybrid's form and
 * HYBRID_CONCEPT_WEIGHT were chosen from), each with the issue's three conditions: MAP above BM25's and recall@5
 * not below it on both sets, and at least 80% of every seed paper's top-5 results sharing a concept with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { HYBRID_CONCEPT_WEIGHT, QUERY_TERM_MAX_SHARE, conceptWeight, createMemoryStore, ingestPapers } from '../src/graph/index.js';
import type { GraphStore, RelatedBy, RelatedPaperResult } from '../src/graph/index.js';
import { readPapers } from '../src/ingest/index.js';
import type { PaperRecord } from '../src/ingest/index.js';
import { loadRelatedJudgments } from '../test/support/related-judgments.js';
import { createTfidfRanking } from '../test/support/tfidf-ranking.js';
import { cliArg } from './cli-arg.js';

const SEEDS = 'seeds/trending-attention-papers.txt';

/** Anchor id → judged related ids with their grades (1 relevant, 2 highly relevant). */
type Judgments = Map<string, Map<string, number>>;

interface JudgmentSet {
  name: string;
  papers: PaperRecord[];
  judged: Judgments;
}

async function seedSet(): Promise<JudgmentSet> {
  const { papers } = await readPapers(SEEDS);
  const judged = loadRelatedJudgments(papers);
  return {
    name: `seed judgments (${judged.size} anchors, ${papers.length} papers)`,
    papers,
    judged: new Map([...judged].map(([anchor, related]) => [anchor, new Map(related.map((id) => [id, 1]))])),
  };
}

function scirexSet(path: string): JudgmentSet {
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    papers: { id: string; title: string; abstract: string }[];
    queries: { id: string; relevant: Record<string, number> }[];
  };
  const papers: PaperRecord[] = data.papers.map((p) => ({ ...p, url: null, published: null, authors: [], categories: [], doi: null }));
  const judged: Judgments = new Map(
    data.queries
      .map((q) => [q.id, new Map(Object.entries(q.relevant).filter(([, grade]) => grade >= 1))] as const)
      .filter(([, relevant]) => relevant.size > 0),
  );
  return { name: `SciREX related-train (${judged.size} anchors, ${papers.length} papers)`, papers, judged };
}

function averagePrecision(ranking: readonly string[], relevant: ReadonlyMap<string, number>): number {
  let hits = 0;
  let sum = 0;
  ranking.forEach((id, i) => {
    if (!relevant.has(id)) return;
    hits += 1;
    sum += hits / (i + 1);
  });
  return sum / relevant.size;
}

function ndcgAt(k: number, ranking: readonly string[], relevant: ReadonlyMap<string, number>): number {
  const gain = (grade: number, i: number) => (2 ** grade - 1) / Math.log2(i + 2);
  const dcg = ranking.slice(0, k).reduce((sum, id, i) => sum + gain(relevant.get(id) ?? 0, i), 0);
  const ideal = [...relevant.values()].sort((a, b) => b - a).slice(0, k).reduce((sum, g, i) => sum + gain(g, i), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

function recallAt(k: number, ranking: readonly string[], relevant: ReadonlyMap<string, number>): number {
  return ranking.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

interface Measures {
  map: number;
  ndcg10: number;
  recall5: number;
  /** Share of top-5 results that share a graph concept with their source. */
  sharing5: number;
}

function measure(
  judged: Judgments,
  rank: (anchor: string) => readonly string[],
  sharesConcept: (anchor: string, id: string) => boolean,
): Measures {
  let map = 0;
  let ndcg10 = 0;
  let recall5 = 0;
  let shown = 0;
  let sharing = 0;
  for (const [anchor, relevant] of judged) {
    const ranking = rank(anchor);
    map += averagePrecision(ranking, relevant);
    ndcg10 += ndcgAt(10, ranking, relevant);
    recall5 += recallAt(5, ranking, relevant);
    for (const id of ranking.slice(0, 5)) {
      shown += 1;
      if (sharesConcept(anchor, id)) sharing += 1;
    }
  }
  const n = judged.size;
  return { map: map / n, ndcg10: ndcg10 / n, recall5: recall5 / n, sharing5: shown === 0 ? 0 : sharing / shown };
}

async function related(store: GraphStore, anchors: string[], by: RelatedBy, first: number): Promise<Map<string, RelatedPaperResult[]>> {
  const results = await store.getRelatedPapers(anchors, { first, by });
  return new Map(anchors.map((id, i) => [id, results[i] ?? []]));
}

const ids = (results: readonly RelatedPaperResult[]) => results.map((r) => r.paperId);

/** What a mix form sees of one candidate: its two scores and the weight of its rarest shared concept. */
interface Parts {
  id: string;
  concept: number;
  text: number;
  /** ln(1 + N / paperCount) of the rarest shared concept over ln(1 + N): 0 when none is shared. */
  specificity: number;
}

/** A mix form: a candidate's score, given all the source's candidates (for forms normalised by the best). */
type Mix = (x: Parts, all: readonly Parts[]) => number;

interface Evaluated {
  set: JudgmentSet;
  /** Every paper's HYBRID candidates with their parts, all of them (first = every paper). */
  parts: Map<string, Parts[]>;
}

function rankBy(candidates: readonly Parts[], mix: Mix): Parts[] {
  return candidates
    .map((x) => ({ x, score: mix(x, candidates) }))
    .sort((a, b) => b.score - a.score || (a.x.id < b.x.id ? -1 : a.x.id > b.x.id ? 1 : 0))
    .map((r) => r.x);
}

async function storeOf(set: JudgmentSet, queryTermMaxShare: number): Promise<GraphStore> {
  const store = createMemoryStore({ queryTermMaxShare });
  await store.init();
  await ingestPapers(store, set.papers);
  return store;
}

/** Whether `a` shares a graph concept with `b`, in a store holding the set. */
async function conceptSharing(store: GraphStore, set: JudgmentSet): Promise<(a: string, b: string) => boolean> {
  const links = await store.getPaperConcepts(set.papers.map((p) => p.id));
  const conceptsOf = new Map(set.papers.map((p, i) => [p.id, new Set((links[i] ?? []).map((l) => l.conceptId))]));
  return (a, b) => [...(conceptsOf.get(a) ?? [])].some((c) => conceptsOf.get(b)?.has(c));
}

async function evaluate(set: JudgmentSet): Promise<Evaluated> {
  const store = await storeOf(set, QUERY_TERM_MAX_SHARE);
  const wholeText = await storeOf(set, 1);
  const anchors = [...set.judged.keys()];
  const all = set.papers.length;
  const concepts = await related(store, anchors, 'CONCEPTS', all);
  const text = await related(store, anchors, 'TEXT', all);
  const everyTerm = await related(wholeText, anchors, 'TEXT', all);
  const hybrid = await related(store, anchors, 'HYBRID', all);
  const shares = await conceptSharing(store, set);
  const tfidf = createTfidfRanking(set.papers.map((p) => ({ id: p.id, text: `${p.title}\n${p.abstract}` })));

  const rows: [string, Measures][] = [
    ['concepts: IDF-weighted concept cosine (by: CONCEPTS)', measure(set.judged, (a) => ids(concepts.get(a) ?? []), shares)],
    ['TF-IDF cosine over title + abstract (baseline)', measure(set.judged, tfidf, shares)],
    ['BM25, whole text as the query, every term but the stop words', measure(set.judged, (a) => ids(everyTerm.get(a) ?? []), shares)],
    [
      `BM25, whole text as the query but terms in > ${QUERY_TERM_MAX_SHARE} of the papers (by: TEXT)`,
      measure(set.judged, (a) => ids(text.get(a) ?? []), shares),
    ],
    [
      `hybrid ${HYBRID_CONCEPT_WEIGHT}·specificity + ${1 - HYBRID_CONCEPT_WEIGHT}·BM25 (by: HYBRID, the default)`,
      measure(set.judged, (a) => ids(hybrid.get(a) ?? []), shares),
    ],
  ];
  console.log(`\n${set.name}`);
  console.log('   MAP  nDCG@10  recall@5  top-5 sharing a concept');
  for (const [label, m] of rows) {
    console.log(
      `${m.map.toFixed(3).padStart(6)}  ${m.ndcg10.toFixed(3).padStart(7)}  ${m.recall5.toFixed(3).padStart(8)}  ${(100 * m.sharing5).toFixed(0).padStart(5)}%  ${label}`,
    );
  }
  const everyPaper = set.papers.map((p) => p.id);
  const top5 = await store.getRelatedPapers(everyPaper, { first: 5 });
  const shown = top5.flat().length;
  const sharing = top5.flat().filter((r) => r.shared.length > 0).length;
  console.log(`  every paper's top 5 (HYBRID): ${sharing} of ${shown} (${((100 * sharing) / shown).toFixed(1)}%) share a concept with it`);

  const full = await related(store, everyPaper, 'HYBRID', all);
  const oneOnly = conceptWeight(all, 1);
  const parts = new Map(
    [...full].map(([id, results]) => [
      id,
      results.map((r) => ({
        id: r.paperId,
        concept: r.conceptScore,
        text: r.textScore,
        specificity: r.shared[0] === undefined ? 0 : r.shared[0].weight / oneOnly,
      })),
    ]),
  );
  return { set, parts };
}

interface GridCell {
  map: number;
  recall5: number;
  /** Share of every paper's top-5 results that share a concept with it. */
  sharing: number;
}

function gridCell({ set, parts }: Evaluated, mix: Mix): GridCell {
  const ranked = new Map([...parts].map(([id, candidates]) => [id, rankBy(candidates, mix)]));
  let map = 0;
  let recall5 = 0;
  for (const [anchor, relevant] of set.judged) {
    const ranking = (ranked.get(anchor) ?? []).map((x) => x.id);
    map += averagePrecision(ranking, relevant);
    recall5 += recallAt(5, ranking, relevant);
  }
  const top5 = [...ranked.values()].flatMap((r) => r.slice(0, 5));
  const sharing = top5.filter((x) => x.specificity > 0).length / Math.max(1, top5.length);
  return { map: map / set.judged.size, recall5: recall5 / set.judged.size, sharing };
}

/** Every mix form tried, with its weights: the grid the hybrid's form and weight were chosen from. */
function mixGrid(): [string, Mix][] {
  const grid: [string, Mix][] = [];
  const weights = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6];
  const best = (all: readonly Parts[]) => Math.max(0, ...all.map((y) => y.concept));
  grid.push([`BM25 alone (terms in > ${QUERY_TERM_MAX_SHARE} of the papers left out)`, (x) => x.text]);
  for (const w of weights) grid.push([`${w}·√cosine + ${+(1 - w).toFixed(3)}·text`, (x) => w * Math.sqrt(x.concept) + (1 - w) * x.text]);
  for (const w of weights) grid.push([`${w}·cosine + ${+(1 - w).toFixed(3)}·text`, (x) => w * x.concept + (1 - w) * x.text]);
  for (const w of weights) grid.push([`${w}·∛cosine + ${+(1 - w).toFixed(3)}·text`, (x) => w * Math.cbrt(x.concept) + (1 - w) * x.text]);
  for (const w of weights) {
    grid.push([`${w}·cosine/best + ${+(1 - w).toFixed(3)}·text`, (x, all) => w * (best(all) > 0 ? x.concept / best(all) : 0) + (1 - w) * x.text]);
  }
  for (const w of weights) {
    grid.push([`${w}·√(cosine/best) + ${+(1 - w).toFixed(3)}·text`, (x, all) => w * (best(all) > 0 ? Math.sqrt(x.concept / best(all)) : 0) + (1 - w) * x.text]);
  }
  for (const b of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3]) grid.push([`text + ${b}·[shares a concept]`, (x) => x.text + (x.specificity > 0 ? b : 0)]);
  for (const b of [0.1, 0.2, 0.3]) grid.push([`text · (${+(1 - b).toFixed(3)} + ${b}·[shares a concept])`, (x) => x.text * (x.specificity > 0 ? 1 : 1 - b)]);
  for (const k of [10, 30, 60]) {
    for (const w of [0.2, 0.3, 0.5]) {
      grid.push([
        `reciprocal-rank fusion k ${k}, concept share ${w}`,
        (x, all) =>
          (x.concept > 0 ? w / (k + 1 + all.filter((y) => y.concept > x.concept).length) : 0) +
          (x.text > 0 ? (1 - w) / (k + 1 + all.filter((y) => y.text > x.text).length) : 0),
      ]);
    }
  }
  for (const w of [0.2, 0.225, 0.25, 0.275, 0.3]) grid.push([`${w}·√specificity + ${+(1 - w).toFixed(3)}·text`, (x) => w * Math.sqrt(x.specificity) + (1 - w) * x.text]);
  for (const w of [0.1, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35, 0.4, 0.5]) {
    grid.push([`${w}·specificity + ${+(1 - w).toFixed(3)}·text${w === HYBRID_CONCEPT_WEIGHT ? '  (HYBRID)' : ''}`, (x) => w * x.specificity + (1 - w) * x.text]);
  }
  return grid;
}

function printGrid(seeds: Evaluated, scirex: Evaluated | undefined): void {
  console.log('\nmix forms tried (specificity: of the rarest shared concept, ln(1 + N/count) / ln(1 + N); best: the source\'s best candidate)');
  console.log('  ok = MAP > BM25 and recall@5 ≥ BM25 on both sets, and ≥ 80% of every seed paper\'s top 5 share a concept');
  console.log('  seeds MAP  rec@5  share | SciREX MAP  rec@5  share | form');
  const [, bm25] = mixGrid()[0] ?? ['', (x: Parts) => x.text];
  const base = [gridCell(seeds, bm25), scirex ? gridCell(scirex, bm25) : undefined];
  for (const [label, mix] of mixGrid()) {
    const a = gridCell(seeds, mix);
    const b = scirex ? gridCell(scirex, mix) : undefined;
    const beats = (cell: GridCell, against: GridCell | undefined) =>
      against !== undefined && cell.map > against.map && cell.recall5 >= against.recall5 - 1e-12;
    const ok = beats(a, base[0]) && b !== undefined && beats(b, base[1]) && a.sharing >= 0.8;
    const cell = (c: GridCell) => `${c.map.toFixed(3).padStart(9)}  ${c.recall5.toFixed(3)}  ${(100 * c.sharing).toFixed(1).padStart(5)}%`;
    console.log(`${ok ? 'ok' : '  '}${cell(a)} | ${b ? cell(b) : '         —'} | ${label}`);
  }
}

/** TEXT and HYBRID on a set with the text queries leaving out the terms in more than `share` of the papers. */
async function shareCell(set: JudgmentSet, share: number): Promise<{ text: Measures; hybrid: Measures; sharing: number }> {
  const store = await storeOf(set, share);
  const anchors = [...set.judged.keys()];
  const all = set.papers.length;
  const shares = await conceptSharing(store, set);
  const text = await related(store, anchors, 'TEXT', all);
  const hybrid = await related(store, anchors, 'HYBRID', all);
  const top5 = (await store.getRelatedPapers(set.papers.map((p) => p.id), { first: 5 })).flat();
  return {
    text: measure(set.judged, (a) => ids(text.get(a) ?? []), shares),
    hybrid: measure(set.judged, (a) => ids(hybrid.get(a) ?? []), shares),
    sharing: top5.filter((r) => r.shared.length > 0).length / Math.max(1, top5.length),
  };
}

/**
 * Every share of papers above which a term is left out of the text query (`QUERY_TERM_MAX_SHARE`) tried, on both
 * sets: the hybrid against BM25 over every term (share 1, what the issue names), and BM25 as queried.
 */
async function printShareGrid(seeds: JudgmentSet, scirex: JudgmentSet | undefined): Promise<void> {
  console.log('\nshares tried: a term in more than this share of the papers is left out of the text query');
  console.log('  ok = hybrid MAP > and recall@5 ≥ those of BM25 over every term (share 1) on both sets, ≥ 80% of every seed paper\'s top 5 share a concept');
  console.log('  share | seeds BM25 MAP rec@5, hybrid MAP rec@5 share | SciREX BM25 MAP rec@5, hybrid MAP rec@5 share');
  const sets = scirex === undefined ? [seeds] : [seeds, scirex];
  const whole = await Promise.all(sets.map((set) => shareCell(set, 1)));
  for (const share of [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5, 0.25, 0.1]) {
    const cells = await Promise.all(sets.map((set) => shareCell(set, share)));
    const ok =
      cells.length === 2 &&
      cells.every((c, i) => c.hybrid.map > (whole[i]?.text.map ?? 1) && c.hybrid.recall5 >= (whole[i]?.text.recall5 ?? 1) - 1e-12) &&
      (cells[0]?.sharing ?? 0) >= 0.8;
    const cell = (c: { text: Measures; hybrid: Measures; sharing: number }) =>
      `${c.text.map.toFixed(3)} ${c.text.recall5.toFixed(3)}, ${c.hybrid.map.toFixed(3)} ${c.hybrid.recall5.toFixed(3)} ${(100 * c.sharing).toFixed(1).padStart(5)}%`;
    console.log(`${ok ? 'ok' : '  '} ${String(share).padStart(4)}${share === QUERY_TERM_MAX_SHARE ? '*' : ' '}| ${cells.map(cell).join(' | ')}`);
  }
  console.log(`  * QUERY_TERM_MAX_SHARE, what the stores use`);
}

async function main(): Promise<void> {
  const grid = process.argv.includes('--grid');
  const seedJudgments = await seedSet();
  const seeds = await evaluate(seedJudgments);
  const path = cliArg('--scirex') ?? '../shared/scirex/related-train.json';
  const scirexJudgments = existsSync(path) ? scirexSet(path) : undefined;
  const scirex = scirexJudgments === undefined ? undefined : await evaluate(scirexJudgments);
  if (!scirex) console.log(`\n(no SciREX judgments at ${path}: pass --scirex PATH)`);
  if (grid) {
    printGrid(seeds, scirex);
    await printShareGrid(seedJudgments, scirexJudgments);
  }
}

await main();
