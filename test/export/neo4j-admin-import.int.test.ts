import { afterAll, expect, it } from '@jest/globals';
import neo4j from 'neo4j-driver';
import { createSilentLogger } from '../../src/config/index.js';
import { neo4jAdminImportArgs, writeNeo4jCsv } from '../../src/export/index.js';
import { createNeo4jStore, exportConcepts, exportPapers, ingestPaperStream, type GraphStore } from '../../src/graph/index.js';
import { streamPapers, streamPapersFromText } from '../../src/ingest/index.js';
import { corpus } from '../graph/fixtures.js';
import { answersOf } from '../graph/store-contract.js';
import { clearNeo4jDatabase, describeNeo4j, neo4jTestConfig } from '../support/neo4j-test-env.js';
import { createTemporaryNeo4j, hasNeo4jJars, type TemporaryNeo4j } from '../support/temporary-neo4j.js';
import { temporaryDirectories } from '../support/temporary-directories.js';

const temporaryDirectory = temporaryDirectories('papergraph-csv-');

const describeAdmin = hasNeo4jJars() ? describeNeo4j : describe.skip;

describeAdmin('neo4j-admin database import of an exported CSV', () => {
  const stores: GraphStore[] = [];
  let temporary: TemporaryNeo4j | null = null;
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await temporary?.dispose();
  });

  it('builds, in a fresh database, a graph that answers exactly as the one papergraph ingest built', async () => {
    // The original: the seed corpus (extracted) and the contract fixtures (with their concepts), ingested.
    await clearNeo4jDatabase();
    // `answersOf` asks for every concept name at once: more reads than the server's default queue admits.
    // This test compares answers, not speed: a read of the freshly started copy on a loaded machine may take more
    // than the default 10 s.
    const original = createNeo4jStore({ config: { ...neo4jTestConfig, readTimeoutMillis: 120_000 }, logger: createSilentLogger(), maxQueuedReads: 100_000 });
    stores.push(original);
    await original.init();
    await ingestPaperStream(original, streamPapers(['seeds']), { workers: 1 });
    const fixtureLines = corpus()
      .map((p) => JSON.stringify({ ...p, extraction: undefined, concepts: p.extraction.concepts, codeLinks: p.extraction.codeLinks }))
      .join('\n');
    await ingestPaperStream(original, streamPapersFromText(fixtureLines, 'fixtures.jsonl'));

    const dir = await temporaryDirectory();
    const count = await writeNeo4jCsv(exportConcepts(original), exportPapers(original), dir);
    expect(count).toBe((await original.stats()).papers);

    temporary = await createTemporaryNeo4j();
    const imported = temporary.admin(neo4jAdminImportArgs(dir));
    expect(imported.output).toMatch(/IMPORT DONE/);
    expect(imported.status).toBe(0);
    const config = await temporary.start();
    const copy = createNeo4jStore({ config: { ...config, readTimeoutMillis: 120_000 }, logger: createSilentLogger(), maxQueuedReads: 100_000 });
    stores.push(copy);
    await copy.init(); // papergraph's constraints and indexes, created on the imported data

    expect(await answersOf(copy)).toEqual(await answersOf(original));
    expect((await copy.getPapers(['p1']))[0]).toMatchObject({ categories: ['cs.CL', 'cs.LG'], doi: '10.1000/p1.2019' });
    // Empty lists are imported as empty lists, not as missing properties: Cypher's `null + [x]` is null, so a
    // missing alias list would swallow the aliases of later writes.
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    try {
      const { records } = await driver.executeQuery(
        `MATCH (c:Concept) WHERE c.aliases IS NULL RETURN count(c) AS n
         UNION ALL MATCH (p:Paper) WHERE p.authors IS NULL OR p.categories IS NULL OR p.codeLinks IS NULL RETURN count(p) AS n`,
      );
      expect(records.map((r) => (r.get('n') as { toNumber(): number }).toNumber())).toEqual([0, 0]);
    } finally {
      await driver.close();
    }
    // The copy takes writes like any papergraph graph (aliases merge into imported lists, empty ones included).
    const more = corpus().slice(0, 2).map((p) => ({ ...p, id: `${p.id}-again` }));
    await copy.upsertPapers(more);
    await original.upsertPapers(more);
    expect(await answersOf(copy)).toEqual(await answersOf(original));
  }, 300_000);
});
