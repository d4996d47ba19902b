/**
 * How well related-paper rankings find the blind-judged pairs (test/fixtures/related-judgments.json), as MAP:
 * the ranking the API serves, the TF-IDF baseline, and what other representations of a paper could reach at
 * best, to tell whether a gap comes from the scoring or from what the concepts cover.
 *   npm run eval:related [-- --anchors]
 */
import { canonicalKey, extractConcepts } from '../src/nlp/index.js';
import type { ExtractedConcept } from '../src/nlp/index.js';
import { createMemoryStore, ingestPapers } from '../src/graph/index.js';
import { readPapers } from '../src/ingest/index.js';
// Noun chunks are the extractor's candidates before typing; no public entry exposes them, and this
// analysis needs exactly those, so it reads the stage's internals.
import { findChunks } from '../src/nlp/find-candidates.js';
import { tokenize as tokenizeForNlp } from '../src/nlp/tokenize.js';
import { averagePrecision, loadRelatedJudgments, meanAveragePrecision } from '../test/support/related-judgments.js';
import { createTermRanking, createTfidfRanking, tokenize as tokenizeWords } from '../test/support/tfidf-ranking.js';

const SEEDS = 'seeds/trending-attention-papers.txt';

async function main(): Promise<void> {
  const { papers } = await readPapers(SEEDS);
  const judged = loadRelatedJudgments(papers);
  const text = (id: string) => {
    const paper = papers.find((p) => p.id === id)!;
    return [paper.title, paper.abstract] as const;
  };
  const extract = (minConfidence?: number) =>
    new Map(papers.map((p) => [p.id, extractConcepts({ title: p.title, abstract: p.abstract ?? '' }, { minConfidence }).concepts]));
  const graphConcepts = extract();
  const mentionConcepts = extract(0);

  const store = createMemoryStore();
  await store.init();
  await ingestPapers(store, papers);
  const anchors = [...judged.keys()];
  const related = await store.getRelatedPapers(anchors, { first: papers.length });
  const served = new Map(anchors.map((id, i) => [id, related[i]!.map((r) => r.paperId)]));

  const baseline = createTfidfRanking(papers.map((p) => ({ id: p.id, text: `${p.title}\n${p.abstract}` })));
  const shareConcept = (concepts: Map<string, ExtractedConcept[]>) => (a: string, b: string) => {
    const ids = new Set(concepts.get(a)!.map((c) => c.id));
    return concepts.get(b)!.some((c) => ids.has(c.id));
  };
  const conceptTerms = (concepts: Map<string, ExtractedConcept[]>) =>
    papers.map((p) => ({ id: p.id, terms: concepts.get(p.id)!.flatMap((c) => c.mentions.map(() => c.id)) }));
  const withBroader = (concepts: Map<string, ExtractedConcept[]>) =>
    conceptTerms(concepts).map((doc) => ({ ...doc, terms: [...doc.terms, ...concepts.get(doc.id)!.flatMap((c) => (c.broader ? [c.broader] : []))] }));
  const withNameWords = (concepts: Map<string, ExtractedConcept[]>) =>
    conceptTerms(concepts).map((doc) => ({ ...doc, terms: [...doc.terms, ...concepts.get(doc.id)!.flatMap((c) => tokenizeWords(c.name))] }));
  const mentionWords = (concepts: Map<string, ExtractedConcept[]>) =>
    papers.map((p) => ({ id: p.id, terms: concepts.get(p.id)!.flatMap((c) => c.mentions.flatMap((m) => tokenizeWords(m.text))) }));
  const chunkTerms = (withHeads: boolean) =>
    papers.map((p) => ({
      id: p.id,
      terms: text(p.id).flatMap((source) =>
        findChunks(tokenizeForNlp(source).tokens).flatMap((chunk) => {
          const words = canonicalKey(source.slice(chunk.start, chunk.end)).split(/[\s-]+/).filter(Boolean);
          // With heads, "bi-level routing attention" also counts as "routing attention" and "attention".
          return withHeads ? words.map((_, i) => words.slice(i).join(' ')) : [words.join(' ')];
        }),
      ),
    }));
  // The best any score can do when only papers sharing a concept are candidates: all of those ranked first.
  const gateCeiling = (concepts: Map<string, ExtractedConcept[]>) => {
    const shares = shareConcept(concepts);
    let total = 0;
    for (const [anchor, related] of judged) total += averagePrecision(related.filter((id) => shares(anchor, id)), related);
    return total / judged.size;
  };

  const rows: Array<[string, number]> = [
    ['served: IDF-weighted cosine over shared graph concepts (what `related` returns)', meanAveragePrecision((id) => served.get(id) ?? [], judged)],
    ['baseline: TF-IDF cosine over title + abstract words', meanAveragePrecision(baseline, judged)],
    ['TF-IDF over concept ids, graph concepts (confidence ≥ 0.5)', meanAveragePrecision(createTermRanking(conceptTerms(graphConcepts)), judged)],
    ['… plus each concept’s broader concept', meanAveragePrecision(createTermRanking(withBroader(graphConcepts)), judged)],
    ['… plus the words of each concept name', meanAveragePrecision(createTermRanking(withNameWords(graphConcepts)), judged)],
    ['TF-IDF over concept ids, every typed phrase (confidence ≥ 0)', meanAveragePrecision(createTermRanking(conceptTerms(mentionConcepts)), judged)],
    ['TF-IDF over the words inside graph concept mentions', meanAveragePrecision(createTermRanking(mentionWords(graphConcepts)), judged)],
    ['TF-IDF over the words inside every typed phrase', meanAveragePrecision(createTermRanking(mentionWords(mentionConcepts)), judged)],
    ['TF-IDF over every noun chunk, typed or not, as a phrase', meanAveragePrecision(createTermRanking(chunkTerms(false)), judged)],
    ['… and each chunk also as its head phrases (a head hierarchy)', meanAveragePrecision(createTermRanking(chunkTerms(true)), judged)],
    [
      'baseline text ranking, candidates limited to papers sharing a graph concept',
      meanAveragePrecision(createTermRanking(papers.map((p) => ({ id: p.id, terms: tokenizeWords(`${p.title}\n${p.abstract}`) })), shareConcept(graphConcepts)), judged),
    ],
    ['ceiling of any score over shared graph concepts (oracle order)', gateCeiling(graphConcepts)],
  ];
  const pairs = [...judged.values()].reduce((sum, related) => sum + related.length, 0);
  console.log(`MAP over ${judged.size} judged anchors (${pairs} judged related papers), seed corpus of ${papers.length} papers\n`);
  for (const [label, value] of rows) console.log(`${value.toFixed(3)}  ${label}`);

  if (process.argv.includes('--anchors')) {
    console.log('\nrank of each judged paper: served / baseline (0 = not ranked: no shared concept)');
    const title = (id: string) => papers.find((p) => p.id === id)!.title.slice(0, 40);
    for (const [anchor, related] of judged) {
      const ranks = related.map((id) => `${(served.get(anchor) ?? []).indexOf(id) + 1}/${baseline(anchor).indexOf(id) + 1}`);
      console.log(`${title(anchor).padEnd(40)}  ${ranks.join('  ')}`);
    }
  }
}

await main();
