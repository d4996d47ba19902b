import { createMemoryStore, ingestPapers } from '../../src/graph/index.js';
import { readPapers } from '../../src/ingest/index.js';
import { loadRelatedJudgments, meanAveragePrecision } from '../support/related-judgments.js';
import { createTfidfRanking } from '../support/tfidf-ranking.js';

describe('related papers on the seed corpus', () => {
  // The hybrid ranking (the default), measured by `npm run eval:related` beside BM25 and TF-IDF; this
  // holds the level reached and prints it beside the TF-IDF baseline.
  it('rank the blind-judged related papers at the level reached, printed beside a TF-IDF cosine baseline', async () => {
    const { papers } = await readPapers('seeds/trending-attention-papers.txt');
    const judged = loadRelatedJudgments(papers);

    const store = createMemoryStore();
    await store.init();
    await ingestPapers(store, papers);
    const anchorIds = [...judged.keys()];
    const related = await store.getRelatedPapers(anchorIds, { first: papers.length });
    const conceptRanking = new Map(anchorIds.map((id, i) => [id, (related[i] ?? []).map((result) => result.paperId)]));
    const tfidf = createTfidfRanking(papers.map((paper) => ({ id: paper.id, text: `${paper.title}\n${paper.abstract}` })));

    const conceptMap = meanAveragePrecision((id) => conceptRanking.get(id) ?? [], judged);
    const tfidfMap = meanAveragePrecision(tfidf, judged);
    console.info(
      `related papers, MAP over ${judged.size} judged anchors: hybrid ${conceptMap.toFixed(3)}, TF-IDF baseline ${tfidfMap.toFixed(3)}`,
    );
    expect(conceptMap).toBeGreaterThanOrEqual(0.78);
    expect(tfidfMap).toBeGreaterThan(0.8); // the baseline itself is sound: it finds the judged pairs
  });
});
