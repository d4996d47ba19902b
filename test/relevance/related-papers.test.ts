import { createMemoryStore, ingestPapers } from '../../src/graph/index.js';
import { readPapers, type PaperRecord } from '../../src/ingest/index.js';
import { createTfidfRanking } from '../support/tfidf-ranking.js';

/**
 * Seed papers judged related by reading both abstracts (by title, as the page gives them): same
 * problem and approach family, which a researcher reading one would want to find from the other.
 */
const RELATED_PAIRS: [string, string][] = [
  ['Titans: Learning to Memorize at Test Time', "It's All Connected: A Journey Through Test-Time Memorization"],
  ['Towards Analyzing and Mitigating Sycophancy in Large Vision-Language Models', 'Fixing Imbalanced Attention to Mitigate In-Context Hallucination'],
  ['Cracking the Code of Hallucination in LVLMs', 'Fixing Imbalanced Attention to Mitigate In-Context Hallucination'],
  ['Does Circuit Analysis Interpretability Scale?', 'Circuit Component Reuse Across Tasks in Transformer Language Models'],
  ['AnchorAttention: Difference-Aware Sparse Attention', 'FlexPrefill: A Context-Aware Sparse Attention Mechanism'],
  ['Activation-aware Probe-Query', 'TidalDecode: Fast and Accurate LLM Decoding'],
  ['Efficient Content-Based Sparse Attention with Routing Transformers', 'Combiner: Full Attention Transformer with Sparse Computation Cost'],
  ['Various Lengths, Constant Speed: Efficient Language Modeling with Lightning Attention', 'Lightning Attention-2'],
  ['TabR: Unlocking the Power of Retrieval-Augmented Tabular Deep Learning', 'ExcelFormer: Can a DNN be a Sure Bet for Tabular Prediction?'],
  ['OAT: Object-Level Attention Transformer for Gaze Scanpath Prediction', 'Visual Search Asymmetry'],
  ['Unveiling and Harnessing Hidden Attention Sinks', 'See What You Are Told: Visual Attention Sink'],
];

/** Mean reciprocal rank of the partner over both directions of every pair (rank beyond the list counts 0). */
function meanReciprocalRank(rank: (id: string) => string[], pairs: [PaperRecord, PaperRecord][]): number {
  let total = 0;
  for (const [a, b] of pairs) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const position = rank(from.id).indexOf(to.id);
      total += position < 0 ? 0 : 1 / (position + 1);
    }
  }
  return total / (pairs.length * 2);
}

describe('related papers on the seed corpus', () => {
  it('ranks hand-judged related pairs higher than a TF-IDF cosine baseline over title and abstract', async () => {
    const { papers } = await readPapers('seeds/trending-attention-papers.txt');
    const byTitle = (prefix: string) => {
      const paper = papers.find((candidate) => candidate.title.startsWith(prefix));
      if (!paper) throw new Error(`no seed paper titled "${prefix}…"`);
      return paper;
    };
    const pairs = RELATED_PAIRS.map(([a, b]) => [byTitle(a), byTitle(b)] as [PaperRecord, PaperRecord]);

    const store = createMemoryStore();
    await store.init();
    await ingestPapers(store, papers);
    const conceptRanking = new Map<string, string[]>();
    for (const paper of papers) {
      const related = await store.getRelatedPapers(paper.id, { first: papers.length });
      conceptRanking.set(paper.id, related.map((result) => result.paperId));
    }
    const tfidf = createTfidfRanking(papers.map((paper) => ({ id: paper.id, text: `${paper.title}\n${paper.abstract}` })));

    const conceptMrr = meanReciprocalRank((id) => conceptRanking.get(id) ?? [], pairs);
    const tfidfMrr = meanReciprocalRank(tfidf, pairs);
    console.info(`related pairs MRR: concepts ${conceptMrr.toFixed(3)}, TF-IDF baseline ${tfidfMrr.toFixed(3)}`);
    expect(conceptMrr).toBeGreaterThan(tfidfMrr);
  });
});
