/**
 * PROFILE of the Neo4j reads whose work grows with the graph: related papers (the statement `Paper.related` runs for
 * the default ranking; one source, and the 20 sources of the nested read), the cooccurrence join (when a matrix is computed) and the write-log read that brings a kept
 * matrix forward. Prints each plan's operators over 1,000 rows or db hits. Run against a database holding the
 * synthetic corpus (what `npm run bench:scale -- --keep` leaves): `NEO4J_URI=… npx tsx bench/profile.bench.ts`.
 */
import neo4j from 'neo4j-driver';
import {
  DEFAULT_CONCEPT_BUDGET,
  commonTerms,
  relatedPapersStatement,
  sampleTerms,
  twoStageFrom,
} from '../src/graph/index.js';
import { benchNeo4jConfig, syntheticPaperId } from './synthetic-corpus.js';
const config = benchNeo4jConfig();
const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
async function profile(name: string, cypher: string, params: Record<string, unknown>) {
  const s = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
  try {
    const t0 = Date.now();
    const result = await s.run(`PROFILE ${cypher}`, params);
    const ms = Date.now() - t0;
    const plan = result.summary.profile as any;
    let hits = 0;
    const lines: string[] = [];
    const walk = (op: any, depth: number) => {
      hits += Number(op.dbHits ?? 0);
      if (Number(op.dbHits) > 1000 || Number(op.rows) > 1000) lines.push(`${'  '.repeat(depth)}${op.operatorType} rows=${op.rows} dbHits=${op.dbHits}`);
      for (const c of op.children ?? []) walk(c, depth + 1);
    };
    walk(plan, 0);
    console.log(`\n## ${name}: ${ms} ms, ${hits} db hits in all; operators with >1000 rows or db hits:`);
    console.log(lines.join('\n'));
  } finally {
    await s.close();
  }
}
const sampling = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
const sample = await sampling.executeRead((tx) => sampleTerms(tx));
const opts = {
  first: 5,
  by: 'HYBRID' as const,
  types: null,
  minShared: 0,
  conceptBudget: DEFAULT_CONCEPT_BUDGET,
  commonTerms: commonTerms(sample),
  twoStage: twoStageFrom(sample),
};
const { records } = await driver.executeQuery('MATCH (p:Paper) RETURN count(p) AS n');
const n = neo4j.integer.toNumber(records[0]?.get('n'));
/** The statement `Paper.related` runs for these sources, with its parameters (not counting the read of their texts). */
async function relatedStatement(ids: string[]): Promise<[string, Record<string, unknown>]> {
  const { cypher, params } = await sampling.executeRead((tx) => relatedPapersStatement(tx, ids, opts));
  return [cypher, params];
}
await profile('Paper.related, one source', ...(await relatedStatement([syntheticPaperId(Math.floor(n / 3))])));
await profile(
  'Paper.related, 20 sources (the nested read)',
  ...(await relatedStatement(Array.from({ length: 20 }, (_, i) => syntheticPaperId(Math.floor((i * n) / 20))))),
);
await sampling.close();
const top = async (label: string) =>
  (await driver.executeQuery(`MATCH (c:${label}) WHERE c.paperCount IS NOT NULL WITH c ORDER BY c.paperCount DESC, c.name, c.id LIMIT 20 RETURN c.id AS id`)).records.map((r) => r.get('id'));
await profile(
  'cooccurrence join (METHOD × DATASET, 20), when computed',
  `MATCH (r:Concept)<-[:MENTIONS]-(p)-[:MENTIONS]->(b:Concept) USING JOIN ON p WHERE r.id IN $rows AND b.id IN $columns RETURN r.id AS row, b.id AS column, count(*) AS count`,
  { rows: await top('Method'), columns: await top('Dataset') },
);
await profile('cooccurrence write log read', `MATCH (g:GraphWrite) WHERE g.epoch = $epoch AND g.writes > $from RETURN g.changes ORDER BY g.writes`, { epoch: 'x', from: neo4j.int(0) });
await driver.close();
