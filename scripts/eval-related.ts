/**
 * How well related-paper rankings find judged related papers, on the two judgment sets the hybrid mix was chosen
 * on (and on nothing else): the blind judgments of the seed corpus (test/fixtures/related-judgments.json) and the
 * SciREX leaderboard judgments (../shared/scirex/related-train.json, 178 papers). Side by side: the concept
 * ranking, a TF-IDF cosine baseline, BM25 with the whole text as the query, and the hybrid `related` serves by
 * default; MAP, nDCG@10, recall@5, and the share of top-5 results sharing a graph concept with their source.
 *   npm run eval:related [-- --scirex ../shared/scirex/related-train.json] [--grid]
 * `--grid` also prints the hybrid for concept weights 0 to 1, the grid HYBRID_CONCEPT_WEIGHT was read from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { HYBRID_CONCEPT_WEIGHT, createMemoryStore, hybridScore, ingestPapers } from '../src/graph/index.js';
import type { GraphStore, RelatedBy, RelatedPaperResult } from '../src/graph/index.js';
import { readPapers } from '../src/ingest/index.js';
import type { PaperRecord } from '../src/ingest/index.js';
import { loadRelatedJudgments } from '../test/support/related-judgments.js';
import { createTfidfRanking } from '../test/support/tfidf-ranking.js';

const SEEDS = 'seeds/trending-attention-papers.txt';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

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
  const papers: PaperRecord[] = data.papers.map((p) => ({ ...p, url: null, published: null, authors: [] }));
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

/** The hybrid ranking for another concept weight, from the parts every result carries. */
function remix(results: readonly RelatedPaperResult[], weight: number): string[] {
  return results
    .map((r) => ({ id: r.paperId, score: hybridScore(r.conceptScore, r.textScore, weight) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => r.id);
}

async function evaluate(set: JudgmentSet, grid: boolean): Promise<void> {
  const store = createMemoryStore();
  await store.init();
  await ingestPapers(store, set.papers);
  const anchors = [...set.judged.keys()];
  const all = set.papers.length;
  const concepts = await related(store, anchors, 'CONCEPTS', all);
  const text = await related(store, anchors, 'TEXT', all);
  const hybrid = await related(store, anchors, 'HYBRID', all);
  const links = await store.getPaperConcepts(set.papers.map((p) => p.id));
  const conceptsOf = new Map(set.papers.map((p, i) => [p.id, new Set((links[i] ?? []).map((l) => l.conceptId))]));
  const shares = (a: string, b: string) => [...(conceptsOf.get(a) ?? [])].some((c) => conceptsOf.get(b)?.has(c));
  const tfidf = createTfidfRanking(set.papers.map((p) => ({ id: p.id, text: `${p.title}\n${p.abstract}` })));

  const rows: [string, Measures][] = [
    ['concepts: IDF-weighted concept cosine (by: CONCEPTS)', measure(set.judged, (a) => ids(concepts.get(a) ?? []), shares)],
    ['TF-IDF cosine over title + abstract (baseline)', measure(set.judged, tfidf, shares)],
    ['BM25, whole text as the query (by: TEXT)', measure(set.judged, (a) => ids(text.get(a) ?? []), shares)],
    [
      `hybrid ${HYBRID_CONCEPT_WEIGHT}·√concepts + ${(1 - HYBRID_CONCEPT_WEIGHT).toFixed(1)}·BM25 (by: HYBRID, the default)`,
      measure(set.judged, (a) => ids(hybrid.get(a) ?? []), shares),
    ],
  ];
  console.log(`\n${set.name}`);
  console.log('   MAP  nDCG@10  recall@5  top-5 sharing a concept');
  const line = (m: Measures, label: string) =>
    console.log(
      `${m.map.toFixed(3).padStart(6)}  ${m.ndcg10.toFixed(3).padStart(7)}  ${m.recall5.toFixed(3).padStart(8)}  ${(100 * m.sharing5).toFixed(0).padStart(5)}%  ${label}`,
    );
  for (const [label, m] of rows) line(m, label);
  const everyPaper = set.papers.map((p) => p.id);
  const top5 = await store.getRelatedPapers(everyPaper, { first: 5 });
  const shown = top5.flat().length;
  const sharing = top5.flat().filter((r) => r.shared.length > 0).length;
  console.log(`  every paper's top 5 (HYBRID): ${sharing} of ${shown} (${((100 * sharing) / shown).toFixed(0)}%) share a concept with it`);
  if (grid) {
    console.log('  hybrid by concept weight:');
    for (let w = 0; w <= 1.0001; w += 0.05) {
      line(measure(set.judged, (a) => remix(hybrid.get(a) ?? [], w), shares), `concept weight ${w.toFixed(2)}`);
    }
  }
}

async function main(): Promise<void> {
  const grid = process.argv.includes('--grid');
  await evaluate(await seedSet(), grid);
  const scirex = arg('--scirex') ?? '../shared/scirex/related-train.json';
  if (existsSync(scirex)) await evaluate(scirexSet(scirex), grid);
  else console.log(`\n(no SciREX judgments at ${scirex}: pass --scirex PATH)`);
}

await main();
