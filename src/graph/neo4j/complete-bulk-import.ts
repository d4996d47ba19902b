import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';

/** Label of the one node an `export --format csv` import carries until papergraph has completed it. */
export const BULK_IMPORT_LABEL = 'PapergraphImport';

// `neo4j-admin database import` stores no property for an empty array; papergraph writes empty lists, and its
// alias merge (`c.aliases + [...]`) needs one. Batched so a graph of millions needs no huge transaction.
const FILL_MISSING_LISTS = [
  `MATCH (c:Concept) WHERE c.aliases IS NULL
   WITH c LIMIT $batch SET c.aliases = [] RETURN count(c) AS n`,
  `MATCH (p:Paper) WHERE p.authors IS NULL OR p.categories IS NULL OR p.codeLinks IS NULL
   WITH p LIMIT $batch
   SET p.authors = coalesce(p.authors, []), p.categories = coalesce(p.categories, []), p.codeLinks = coalesce(p.codeLinks, [])
   RETURN count(p) AS n`,
];

/**
 * Completes a database built by `neo4j-admin database import` from papergraph's CSV, once: gives every node
 * the properties `papergraph ingest` would have written, then removes the marker node. A database without the
 * marker (any other) costs one lookup of an empty label.
 */
export async function completeBulkImport(driver: Driver, database: string, batch = 10_000): Promise<boolean> {
  const session = driver.session({ database });
  try {
    const marker = await session.executeRead((tx) => tx.run(`MATCH (m:${BULK_IMPORT_LABEL}) RETURN count(m) AS n`));
    if (neo4j.integer.toNumber(marker.records[0]?.get('n') ?? 0) === 0) return false;
    for (const statement of FILL_MISSING_LISTS) {
      for (;;) {
        const result = await session.executeWrite((tx) => tx.run(statement, { batch: neo4j.int(batch) }));
        if (neo4j.integer.toNumber(result.records[0]?.get('n') ?? 0) < batch) break;
      }
    }
    await session.executeWrite((tx) => tx.run(`MATCH (m:${BULK_IMPORT_LABEL}) DELETE m`));
    return true;
  } finally {
    await session.close();
  }
}
