/**
 * How the two-stage text search of `Paper.related` (above `TWO_STAGE_TEXT_MIN_PAPERS`) compares with the one-stage
 * search it replaces, on a kept synthetic corpus: the same related-papers statements the store runs, both with the
 * same sample of the papers' terms, one always in one stage and one always in two.
 *
 *   NEO4J_URI=… npx tsx bench/two-stage.bench.ts [--sources 100]
 *
 * Prints, for HYBRID and TEXT (first 10): the share of the one-stage top 10 the two-stage top 10 keeps, how often
 * the first paper is the same, and how many lists are identical.
 */
import neo4j from 'neo4j-driver';
import { DEFAULT_CONCEPT_BUDGET, commonTerms, runRelatedPapers, sampleTerms, twoStageFrom } from '../src/graph/index.js';
import type { RelatedQueryOptions } from '../src/graph/index.js';
import { cliArg } from '../scripts/cli-arg.js';
import { benchNeo4jConfig, syntheticPaperId } from './synthetic-corpus.js';

const config = benchNeo4jConfig();
const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
try {
  const sample = await session.executeRead((tx) => sampleTerms(tx));
  const sources = Number(cliArg('--sources') ?? 100);
  const ids = Array.from({ length: sources }, (_, i) => syntheticPaperId(Math.floor((i * sample.totalPapers) / sources) + 17));
  console.log(`${sample.totalPapers} papers, ${sources} sources, first 10, one sample of ${sample.sampled} papers for both`);
  for (const by of ['HYBRID', 'TEXT'] as const) {
    const base = { first: 10, by, types: null, minShared: 0, conceptBudget: DEFAULT_CONCEPT_BUDGET, commonTerms: commonTerms(sample) };
    const related = (batch: string[], twoStage: RelatedQueryOptions['twoStage']) =>
      session.executeRead((tx) => runRelatedPapers(tx, batch, { ...base, twoStage }));
    let kept = 0;
    let total = 0;
    let sameFirst = 0;
    let identical = 0;
    for (let i = 0; i < ids.length; i += 20) {
      const batch = ids.slice(i, i + 20);
      const whole = await related(batch, null);
      const staged = await related(batch, twoStageFrom(sample, 0));
      for (const id of batch) {
        const list = whole.get(id) ?? [];
        const other = staged.get(id) ?? [];
        const wanted = new Set(list.map((r) => r.paperId));
        kept += other.filter((r) => wanted.has(r.paperId)).length;
        total += list.length;
        if (list[0]?.paperId === other[0]?.paperId) sameFirst += 1;
        if (JSON.stringify(list) === JSON.stringify(other)) identical += 1;
      }
    }
    console.log(`${by}: top 10 kept ${((100 * kept) / total).toFixed(1)}%, same first ${sameFirst}/${ids.length}, identical ${identical}/${ids.length}`);
  }
} finally {
  await session.close();
  await driver.close();
}
