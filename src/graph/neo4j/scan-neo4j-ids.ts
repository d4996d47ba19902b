import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import type { ScanKind } from '../scan-ids.js';

// The label is chosen in code from two constants, never from input; the cursor and limit are parameters.
const SCAN = {
  paper: 'MATCH (n:Paper) WHERE $after IS NULL OR n.id > $after RETURN n.id AS id ORDER BY n.id LIMIT $first',
  concept: 'MATCH (n:Concept) WHERE $after IS NULL OR n.id > $after RETURN n.id AS id ORDER BY n.id LIMIT $first',
} as const;

/**
 * Neo4j's `scanIds`: keyset paging over the unique id index (ordered by it, so a page costs its own size
 * whatever its depth, unlike SKIP).
 */
export async function scanNeo4jIds(tx: ManagedTransaction, kind: ScanKind, after: string | null, first: number): Promise<string[]> {
  const result = await tx.run(SCAN[kind], { after, first: neo4j.int(first) });
  return result.records.map((record) => record.get('id') as string);
}
