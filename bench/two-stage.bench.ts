/**
 * How the two-stage text search of `Paper.related` (above `TWO_STAGE_TEXT_MIN_PAPERS`) compares with the one-stage
 * search it replaces, on a kept synthetic corpus: both stores open the same Neo4j, one never using two stages.
 *
 *   NEO4J_URI=… npx tsx bench/two-stage.bench.ts [--sources 100]
 *
 * Prints, for HYBRID and TEXT (first 10): the share of the one-stage top 10 the two-stage top 10 keeps, how often
 * the first paper is the same, and how many lists are identical.
 */
import { createSilentLogger } from '../src/config/index.js';
import { createNeo4jStore } from '../src/graph/index.js';
import { cliArg } from '../scripts/cli-arg.js';
import { benchNeo4jConfig, syntheticPaperId } from './synthetic-corpus.js';

const config = benchNeo4jConfig();
const one = createNeo4jStore({ config, logger: createSilentLogger(), twoStageTextMinPapers: Number.MAX_SAFE_INTEGER });
const two = createNeo4jStore({ config, logger: createSilentLogger() });
try {
  const totalPapers = (await two.stats()).papers;
  const sources = Number(cliArg('--sources') ?? 100);
  const ids = Array.from({ length: sources }, (_, i) => syntheticPaperId(Math.floor((i * totalPapers) / sources) + 17));
  console.log(`${totalPapers} papers, ${sources} sources, first 10`);
  for (const by of ['HYBRID', 'TEXT'] as const) {
    let kept = 0;
    let total = 0;
    let sameFirst = 0;
    let identical = 0;
    for (let i = 0; i < ids.length; i += 20) {
      const batch = ids.slice(i, i + 20);
      const [whole, staged] = [await one.getRelatedPapers(batch, { first: 10, by }), await two.getRelatedPapers(batch, { first: 10, by })];
      whole.forEach((list, j) => {
        const other = staged[j] ?? [];
        const wanted = new Set(list.map((r) => r.paperId));
        kept += other.filter((r) => wanted.has(r.paperId)).length;
        total += list.length;
        if (list[0]?.paperId === other[0]?.paperId) sameFirst += 1;
        if (JSON.stringify(list) === JSON.stringify(other)) identical += 1;
      });
    }
    console.log(`${by}: top 10 kept ${((100 * kept) / total).toFixed(1)}%, same first ${sameFirst}/${ids.length}, identical ${identical}/${ids.length}`);
  }
} finally {
  await one.close();
  await two.close();
}
