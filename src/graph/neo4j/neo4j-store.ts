import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { Logger, Neo4jConfig } from '../../config/index.js';
import { CONCEPT_TYPES, canonicalKey } from '../../nlp/index.js';
import type { ConceptType, Field, Role } from '../../nlp/index.js';
import {
  checkCount,
  checkGranularity,
  checkPage,
  checkSort,
  checkType,
  checkTypes,
} from '../check-arguments.js';
import { compareStrings, sortPaperLinks } from '../compare.js';
import type { GraphStore } from '../graph-store.js';
import { preparePapers } from '../prepare-papers.js';
import { DEFAULT_MAX_CONCEPT_FANOUT, scoreRelated, selectExpansion } from '../score-related.js';
import type { ConceptFrequency } from '../score-related.js';
import { searchTerms } from '../search-terms.js';
import type {
  ConceptCount,
  Cooccurrence,
  ListPapersOptions,
  Page,
  PaperConceptLink,
  PaperSort,
  RelatedPaperResult,
  StoredConcept,
  StoredPaper,
  TimeBucket,
} from '../types.js';
import { translateError } from './translate-error.js';

export interface Neo4jStoreOptions {
  config: Neo4jConfig;
  logger: Logger;
  /**
   * Concepts mentioned by more papers than this ("hubs") are not traversed to find related papers; they still
   * count in scores. See `selectExpansion`. Default 10 000.
   */
  maxConceptFanout?: number;
  /** Rows per `UNWIND` statement inside the one write transaction of `upsertPapers`. Default 1 000. */
  batchSize?: number;
  /** How long the driver retries a transaction on transient failures, in ms. Default 30 000 (the driver's). */
  maxTransactionRetryTime?: number;
  /** How long `init` waits for indexes to come online, in seconds. Default 300. */
  indexWaitSeconds?: number;
}

/** Applied by `init`; each statement is idempotent. Mirrored in schema/graph-model.md. */
export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE',
  'CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE',
  'CREATE CONSTRAINT concept_key IF NOT EXISTS FOR (k:ConceptKey) REQUIRE k.key IS UNIQUE',
  'CREATE INDEX concept_type IF NOT EXISTS FOR (c:Concept) ON (c.type)',
  'CREATE INDEX concept_broader IF NOT EXISTS FOR (c:Concept) ON (c.broader)',
  'CREATE INDEX paper_title IF NOT EXISTS FOR (p:Paper) ON (p.title)',
  'CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published)',
  "CREATE FULLTEXT INDEX paper_search IF NOT EXISTS FOR (p:Paper) ON EACH [p.searchText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }",
] as const;

const PAPER = 'p {.id, .title, .abstract, .url, .published, .authors, .codeLinks}';
const PAPER_COUNT = 'COUNT { (c)<-[:MENTIONS]-() }';
const CONCEPT = `c {.id, .name, .type, .aliases, .broader, paperCount: ${PAPER_COUNT}}`;
/** `compareConceptRank` in Cypher, so every concept ranking agrees with the embedded store; needs `c` bound. */
const RANK_CONCEPTS = `WITH c, ${PAPER_COUNT} AS paperCount ORDER BY paperCount DESC, c.name, c.id`;
/** Lucene refuses queries with more than 1 024 clauses; the exact check in Cypher covers the rest. */
const MAX_INDEX_TERMS = 1_000;

const ORDER_BY: Record<PaperSort, string> = {
  TITLE: 'ORDER BY p.title, p.id',
  NEWEST: 'ORDER BY p.published IS NULL, p.published DESC, p.id',
  OLDEST: 'ORDER BY p.published IS NULL, p.published, p.id',
  MOST_CONCEPTS: 'ORDER BY COUNT { (p)-[:MENTIONS]->() } DESC, p.id',
};

function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'number') return value;
  throw new TypeError(`expected an integer from Neo4j, got ${String(value)}`);
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function toPaper(value: unknown): StoredPaper {
  const p = value as Record<string, unknown>;
  const date = p.published;
  return {
    id: p.id as string,
    title: p.title as string,
    abstract: p.abstract as string,
    url: (p.url as string | null | undefined) ?? null,
    published: neo4j.isDate(date)
      ? `${pad(toNumber(date.year), 4)}-${pad(toNumber(date.month), 2)}-${pad(toNumber(date.day), 2)}`
      : null,
    authors: (p.authors as string[] | null | undefined) ?? [],
    codeLinks: (p.codeLinks as string[] | null | undefined) ?? [],
  };
}

function toConcept(value: unknown): StoredConcept {
  const c = value as Record<string, unknown>;
  return {
    id: c.id as string,
    name: c.name as string,
    type: c.type as ConceptType,
    aliases: (c.aliases as string[] | null | undefined) ?? [],
    broader: (c.broader as string | null | undefined) ?? null,
    paperCount: toNumber(c.paperCount),
  };
}

function toLink(paperId: string, conceptId: string, value: unknown): PaperConceptLink {
  const r = value as Record<string, unknown>;
  const fields = r.mentionFields as Field[];
  const starts = r.mentionStarts as unknown[];
  const ends = r.mentionEnds as unknown[];
  const texts = r.mentionTexts as string[];
  return {
    paperId,
    conceptId,
    role: r.role as Role,
    confidence: r.confidence as number,
    mentions: fields.map((field, i) => ({
      field,
      start: toNumber(starts[i]),
      end: toNumber(ends[i]),
      text: texts[i] as string,
    })),
    evidence: r.evidence as string,
  };
}

/**
 * For a hub-only source (`selectExpansion` gave a `limit`): reading all the hub's papers and keeping the
 * first `limit` by id costs the hub's whole degree; walking the Paper id index in order and keeping hub papers
 * stops after about `limit × totalPapers / hubPapers` papers, which is flat however large a common hub grows,
 * but worse for a hub just over the bound in a large corpus. Each step of the walk costs about twice a read
 * (bench/related-hub.bench.ts), hence the 2: walk when `2 · limit · totalPapers < hubPapers²`.
 */
function walksIndex(limit: number, totalPapers: number, hubPapers: number): boolean {
  return 2 * limit * totalPapers < hubPapers * hubPapers;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** A Lucene query requiring every term as a whole token; each term is quoted so no term is syntax. */
function luceneQuery(terms: readonly string[]): string {
  return terms
    .slice(0, MAX_INDEX_TERMS)
    .map((term) => `"${term.replace(/[\\"]/g, '\\$&')}"`)
    .join(' AND ');
}

async function rows(tx: ManagedTransaction, cypher: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
  return (await tx.run(cypher, params)).records;
}

/** Removes the listed concepts that no paper mentions any more, with name keys left naming nothing. */
async function removeOrphans(tx: ManagedTransaction, conceptIds: readonly string[]): Promise<void> {
  if (conceptIds.length === 0) return;
  await tx.run(
    `UNWIND $ids AS id
     MATCH (c:Concept {id: id}) WHERE NOT EXISTS { (c)<-[:MENTIONS]-() }
     OPTIONAL MATCH (k:ConceptKey)-[:NAMES]->(c)
     WITH c, collect(k) AS keys
     DETACH DELETE c
     WITH keys UNWIND keys AS k
     WITH DISTINCT k WHERE NOT EXISTS { (k)-[:NAMES]->() }
     DELETE k`,
    { ids: conceptIds },
  );
}

/**
 * The Neo4j store; the model is in schema/graph-model.md. Writes are one `executeWrite` transaction of
 * `UNWIND` batches; reads run in `executeRead` (routed to readers in a cluster). Every value is a
 * parameter; only the shape of a query (which filters apply, which sort) is chosen in code. Validation and
 * scoring are the same functions the memory store uses, so the two answer alike.
 *
 * Batch reads look their ids up with `USING INDEX SEEK`: a plan compiled right after a bulk load, before
 * Neo4j has sampled the new index entries, otherwise can scan a whole index for every id, and Neo4j keeps
 * that plan (seen on 5.26 with 5,000 papers: a full scan of the Paper index per related-papers source).
 */
export function createNeo4jStore(options: Neo4jStoreOptions): GraphStore {
  const { config, logger } = options;
  const maxConceptFanout = options.maxConceptFanout ?? DEFAULT_MAX_CONCEPT_FANOUT;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1_000));
  const driver: Driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    maxTransactionRetryTime: options.maxTransactionRetryTime ?? 30_000,
    userAgent: 'papergraph',
    logging: {
      level: 'warn',
      logger: (level, message) => (level === 'error' ? logger.error(message) : logger.warn(message)),
    },
  });

  async function read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw translateError(error, config.uri);
    } finally {
      await session.close();
    }
  }

  /**
   * One read transaction for a batch of ids (a loader's batch): `work` gets the distinct ids and answers
   * each id at most once. Answers come in the order asked, `missing` where `work` gave none.
   */
  async function answerPerId<T>(
    ids: readonly string[],
    missing: T,
    work: (tx: ManagedTransaction, distinctIds: string[]) => Promise<ReadonlyMap<string, T>>,
  ): Promise<T[]> {
    if (ids.length === 0) return [];
    const answers = await read((tx) => work(tx, [...new Set(ids)]));
    // Each position gets its own object, so a caller mutating one answer cannot change another.
    return ids.map((id) => structuredClone(answers.get(id) ?? missing));
  }

  /**
   * One query for a batch of ids: it gets the distinct ids as `$ids` and returns at most one record per id,
   * which `entry` turns into the id and its answer.
   */
  function readPerId<T>(
    ids: readonly string[],
    cypher: string,
    params: Record<string, unknown>,
    entry: (record: Neo4jRecord) => readonly [string, T],
    missing: T,
  ): Promise<T[]> {
    return answerPerId(ids, missing, async (tx, distinctIds) =>
      new Map((await rows(tx, cypher, { ...params, ids: distinctIds })).map(entry)),
    );
  }

  const byItemId =
    <T extends { id: string }>(toItem: (value: unknown) => T) =>
    (record: Neo4jRecord): readonly [string, T] => {
      const item = toItem(record.get('item'));
      return [item.id, item];
    };

  async function write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw translateError(error, config.uri);
    } finally {
      await session.close();
    }
  }

  async function pageOf<T>(
    match: string,
    params: Record<string, unknown>,
    orderAndReturn: string,
    request: { first: number; offset: number },
    map: (value: unknown) => T,
  ): Promise<Page<T>> {
    return read(async (tx) => {
      const [count] = await rows(tx, `${match} RETURN count(*) AS total`, params);
      const items = await rows(tx, `${match} ${orderAndReturn} SKIP $skip LIMIT $limit`, {
        ...params,
        skip: neo4j.int(request.offset),
        limit: neo4j.int(request.first),
      });
      return { items: items.map((r) => map(r.get('item'))), totalCount: toNumber(count?.get('total') ?? 0) };
    });
  }

  function paperMatch(options: ListPapersOptions): { match: string; params: Record<string, unknown> } {
    const filter = options.filter ?? {};
    const types = checkTypes(filter.conceptTypes);
    const terms = [...new Set(searchTerms(filter.query ?? ''))];
    const all = filter.allConcepts ?? [];
    const conditions: string[] = [];
    let start: string;
    if (terms.length > 0) {
      // The index finds candidates fast; the CONTAINS check keeps the contract exact whatever Lucene does.
      start = "CALL db.index.fulltext.queryNodes('paper_search', $lucene) YIELD node AS p";
      conditions.push("all(t IN $terms WHERE (' ' + p.searchText + ' ') CONTAINS (' ' + t + ' '))");
    } else if (all.length > 0) {
      start = 'MATCH (:Concept {id: $firstConcept})<-[:MENTIONS]-(p:Paper)';
    } else {
      start = 'MATCH (p:Paper)';
    }
    if (all.length > 0) conditions.push('all(cid IN $all WHERE EXISTS { (p)-[:MENTIONS]->(:Concept {id: cid}) })');
    if (filter.anyConcepts !== undefined) conditions.push('EXISTS { (p)-[:MENTIONS]->(c:Concept) WHERE c.id IN $any }');
    if (types !== undefined) conditions.push('EXISTS { (p)-[:MENTIONS]->(c:Concept) WHERE c.type IN $types }');
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    return {
      match: `${start}${where} WITH p`,
      params: {
        lucene: luceneQuery(terms),
        terms,
        all,
        firstConcept: all[0] ?? null,
        any: filter.anyConcepts ?? [],
        types: types ?? [],
      },
    };
  }

  async function topConceptIds(tx: ManagedTransaction, type: ConceptType, first: number): Promise<string[]> {
    const records = await rows(
      tx,
      `MATCH (c:Concept {type: $type}) ${RANK_CONCEPTS} LIMIT $first RETURN c.id AS id`,
      { type, first: neo4j.int(first) },
    );
    return records.map((r) => r.get('id') as string);
  }

  return {
    kind: 'neo4j',

    async init() {
      for (const statement of SCHEMA_STATEMENTS) await write((tx) => tx.run(statement));
      const seconds = options.indexWaitSeconds ?? 300;
      const session = driver.session({ database: config.database });
      try {
        await session.run('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(seconds) });
      } catch (error) {
        throw translateError(error, config.uri);
      } finally {
        await session.close();
      }
      logger.debug({ uri: config.uri, database: config.database }, 'neo4j schema ready');
    },

    async ping() {
      try {
        await read((tx) => tx.run('RETURN 1'));
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      await driver.close();
    },

    async upsertPapers(input) {
      const batch = preparePapers(input);
      if (batch.papers.length === 0) return { papers: 0, concepts: 0 };
      const paperRows = batch.papers.map(({ paper, searchText, links }) => ({
        ...paper,
        searchText,
        conceptIds: links.map((link) => link.conceptId),
      }));
      // Mirrors mergeConcept (shared with the memory store) in Cypher, so concurrent writers merge under the
      // node lock instead of overwriting each other's aliases.
      const conceptRows = batch.concepts.map((concept) => ({
        id: concept.id,
        name: concept.name,
        type: concept.type,
        aliases: concept.aliases,
        broader: concept.broader,
        nameKey: canonicalKey(concept.name),
        aliasKeys: [...new Set(concept.aliases.map(canonicalKey))],
      }));
      const linkRows = batch.papers.flatMap(({ links }) =>
        links.map((link) => ({
          paperId: link.paperId,
          conceptId: link.conceptId,
          role: link.role,
          confidence: link.confidence,
          evidence: link.evidence,
          fields: link.mentions.map((m) => m.field),
          starts: link.mentions.map((m) => neo4j.int(m.start)),
          ends: link.mentions.map((m) => neo4j.int(m.end)),
          texts: link.mentions.map((m) => m.text),
        })),
      );
      await write(async (tx) => {
        const stale = new Set<string>();
        for (const chunk of chunks(paperRows, batchSize)) {
          const records = await rows(
            tx,
            `UNWIND $rows AS row
             MERGE (p:Paper {id: row.id})
             SET p.title = row.title, p.abstract = row.abstract, p.url = row.url,
                 p.published = CASE WHEN row.published IS NULL THEN null ELSE date(row.published) END,
                 p.authors = row.authors, p.codeLinks = row.codeLinks, p.searchText = row.searchText
             WITH p, row
             OPTIONAL MATCH (p)-[r:MENTIONS]->(old:Concept) WHERE NOT old.id IN row.conceptIds
             DELETE r
             RETURN collect(DISTINCT old.id) AS stale`,
            { rows: chunk },
          );
          for (const id of (records[0]?.get('stale') as string[] | undefined) ?? []) stale.add(id);
        }
        for (const chunk of chunks(conceptRows, batchSize)) {
          await tx.run(
            `UNWIND $rows AS row
             MERGE (c:Concept {id: row.id})
             ON CREATE SET c.name = row.name, c.type = row.type, c.aliases = []
             SET c.aliases = c.aliases + [a IN row.aliases WHERE a <> c.name AND NOT a IN c.aliases],
                 c.broader = coalesce(c.broader, row.broader)
             WITH c, row
             UNWIND row.aliasKeys + CASE WHEN c.name = row.name THEN [row.nameKey] ELSE [] END AS key
             WITH DISTINCT c, key
             MERGE (k:ConceptKey {key: key})
             MERGE (k)-[:NAMES]->(c)`,
            { rows: chunk },
          );
        }
        for (const chunk of chunks(linkRows, batchSize)) {
          await tx.run(
            `UNWIND $rows AS row
             MATCH (p:Paper {id: row.paperId})
             MATCH (c:Concept {id: row.conceptId})
             MERGE (p)-[r:MENTIONS]->(c)
             SET r.role = row.role, r.confidence = row.confidence, r.evidence = row.evidence,
                 r.mentionFields = row.fields, r.mentionStarts = row.starts, r.mentionEnds = row.ends,
                 r.mentionTexts = row.texts`,
            { rows: chunk },
          );
        }
        await removeOrphans(tx, [...stale]);
      });
      return { papers: batch.papers.length, concepts: batch.concepts.length };
    },

    async deletePaper(id) {
      return write(async (tx) => {
        const records = await rows(
          tx,
          `MATCH (p:Paper {id: $id})
           OPTIONAL MATCH (p)-[:MENTIONS]->(c:Concept)
           WITH p, collect(c.id) AS conceptIds
           DETACH DELETE p
           RETURN conceptIds`,
          { id },
        );
        const record = records[0];
        if (record === undefined) return false;
        await removeOrphans(tx, record.get('conceptIds') as string[]);
        return true;
      });
    },

    getPapers: (ids) =>
      readPerId<StoredPaper | null>(
        ids,
        `UNWIND $ids AS id MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id) RETURN ${PAPER} AS item`,
        {},
        byItemId(toPaper),
        null,
      ),

    getConcepts: (ids) =>
      readPerId<StoredConcept | null>(
        ids,
        `UNWIND $ids AS id MATCH (c:Concept {id: id}) USING INDEX SEEK c:Concept(id) RETURN ${CONCEPT} AS item`,
        {},
        byItemId(toConcept),
        null,
      ),

    async getPaperConcepts(paperIds, types) {
      checkTypes(types);
      if (paperIds.length === 0) return [];
      const grouped = await read(async (tx) => {
        const records = await rows(
          tx,
          `UNWIND $ids AS id
           MATCH (p:Paper {id: id})-[r:MENTIONS]->(c:Concept) USING INDEX SEEK p:Paper(id)
           WHERE $types IS NULL OR c.type IN $types
           RETURN id, c.id AS conceptId, c.type AS type, properties(r) AS link`,
          { ids: [...new Set(paperIds)], types: types ?? null },
        );
        const result = new Map<string, { link: PaperConceptLink; type: ConceptType }[]>();
        for (const r of records) {
          const paperId = r.get('id') as string;
          const list = result.get(paperId) ?? [];
          list.push({ link: toLink(paperId, r.get('conceptId') as string, r.get('link')), type: r.get('type') as ConceptType });
          result.set(paperId, list);
        }
        return result;
      });
      return paperIds.map((id) => structuredClone(sortPaperLinks(grouped.get(id) ?? [])));
    },

    async findConceptByName(name) {
      const key = canonicalKey(name);
      return read(async (tx) => {
        const [record] = await rows(
          tx,
          `MATCH (:ConceptKey {key: $key})-[:NAMES]->(c:Concept)
           WITH c, ${PAPER_COUNT} AS paperCount
           ORDER BY paperCount DESC, c.id LIMIT 1
           RETURN ${CONCEPT} AS item`,
          { key },
        );
        return record === undefined ? null : toConcept(record.get('item'));
      });
    },

    async listPapers(options) {
      const sort = checkSort(options.sort);
      const request = checkPage(options);
      const { match, params } = paperMatch(options);
      return pageOf(match, params, `${ORDER_BY[sort]} RETURN ${PAPER} AS item`, request, toPaper);
    },

    async listConcepts(options) {
      const type = checkType(options.type);
      const request = checkPage(options);
      return pageOf(
        `MATCH (c:Concept)
         WHERE ($type IS NULL OR c.type = $type)
           AND ($query IS NULL OR toLower(c.name) CONTAINS $query OR any(a IN c.aliases WHERE toLower(a) CONTAINS $query))
         WITH c`,
        { type: type ?? null, query: options.query?.toLowerCase() ?? null },
        `${RANK_CONCEPTS} RETURN ${CONCEPT} AS item`,
        request,
        toConcept,
      );
    },

    async getConceptPapers(conceptIds, page) {
      const request = checkPage(page);
      return readPerId<Page<StoredPaper>>(
        conceptIds,
        `UNWIND $ids AS id
         MATCH (c:Concept {id: id}) USING INDEX SEEK c:Concept(id)
         CALL (c) {
           MATCH (c)<-[:MENTIONS]-(p:Paper)
           WITH p ORDER BY p.title, p.id SKIP $skip LIMIT $limit
           RETURN collect(${PAPER}) AS items
         }
         RETURN id, ${PAPER_COUNT} AS total, items`,
        { skip: neo4j.int(request.offset), limit: neo4j.int(request.first) },
        (r) => [
          r.get('id') as string,
          { items: (r.get('items') as unknown[]).map(toPaper), totalCount: toNumber(r.get('total')) },
        ],
        { items: [], totalCount: 0 },
      );
    },

    async getRelatedPapers(paperIds, options) {
      const first = checkCount('first', options.first);
      const types = checkTypes(options.types) ?? null;
      if (first === 0) return paperIds.map(() => []);
      const frequencies = (pairs: unknown): ConceptFrequency[] =>
        (pairs as [string, unknown][]).map(([conceptId, count]) => ({ conceptId, paperCount: toNumber(count) }));
      // Two queries in one transaction, whatever the batch size: the sources' concepts, so that
      // selectExpansion (the memory store's rule too) plans each source in TypeScript, then every source's
      // candidates by its plan. Planner traps (Neo4j 5.26): the walk sits in COLLECT because as a plain MATCH
      // its guard was applied after the index scan, so every source walked the index; candidates are told from
      // the source as nodes (`q <> paper`) because a predicate on q.id let the planner scan the Paper index in
      // the other branches. LIMIT cannot read a row's variable, so it takes the largest plan's limit as a
      // parameter and each plan slices its own.
      return answerPerId<RelatedPaperResult[]>(paperIds, [], async (tx, ids) => {
        const sourceRecords = await rows(
          tx,
          `MATCH (p:Paper) WITH count(p) AS totalPapers
           UNWIND $ids AS id
           CALL (id) {
             MATCH (paper:Paper {id: id})-[:MENTIONS]->(c:Concept) USING INDEX SEEK paper:Paper(id)
             WHERE $types IS NULL OR c.type IN $types
             RETURN collect([c.id, ${PAPER_COUNT}]) AS source
           }
           RETURN id, totalPapers, source`,
          { ids, types },
        );
        const totalPapers = toNumber(sourceRecords[0]?.get('totalPapers') ?? 0);
        const sources = new Map(sourceRecords.map((r) => [r.get('id') as string, frequencies(r.get('source'))]));
        const plans = [...sources].flatMap(([id, source]) => {
          const { conceptIds, limit } = selectExpansion(source, maxConceptFanout);
          if (conceptIds.length === 0) return [];
          const hubPapers = source.find((c) => c.conceptId === conceptIds[0])?.paperCount ?? 0;
          return [{ id, conceptIds, limit, walk: limit !== null && walksIndex(limit, totalPapers, hubPapers) }];
        });
        const related = new Map<string, RelatedPaperResult[]>();
        if (plans.length === 0) return related;
        const candidateRows = tx.run(
          `UNWIND $plans AS plan
           MATCH (paper:Paper {id: plan.id}) USING INDEX SEEK paper:Paper(id)
           CALL (paper, plan) {
             CALL (paper, plan) {
               WITH * WHERE plan.limit IS NULL
               MATCH (paper)-[:MENTIONS]->(concept:Concept)<-[:MENTIONS]-(q:Paper) USING INDEX SEEK concept:Concept(id)
               WHERE concept.id IN plan.conceptIds AND q <> paper
               RETURN DISTINCT q
               UNION ALL
               WITH * WHERE plan.walk
               MATCH (paper)-[:MENTIONS]->(hub:Concept) USING INDEX SEEK hub:Concept(id) WHERE hub.id = plan.conceptIds[0]
               WITH COLLECT {
                 MATCH (q:Paper) WHERE q.id IS NOT NULL AND q <> paper AND EXISTS { (q)-[:MENTIONS]->(hub) }
                 WITH q ORDER BY q.id LIMIT $limit
                 RETURN q
               }[..plan.limit] AS walked
               UNWIND walked AS q
               RETURN q
               UNION ALL
               WITH * WHERE plan.limit IS NOT NULL AND NOT plan.walk
               MATCH (paper)-[:MENTIONS]->(hub:Concept)<-[:MENTIONS]-(q:Paper) USING INDEX SEEK hub:Concept(id)
               WHERE hub.id = plan.conceptIds[0] AND q <> paper
               WITH plan, q ORDER BY q.id LIMIT $limit
               WITH plan, collect(q) AS read
               UNWIND read[..plan.limit] AS q
               RETURN q
             }
             CALL (q) {
               MATCH (q)-[:MENTIONS]->(c:Concept) WHERE $types IS NULL OR c.type IN $types
               RETURN collect([c.id, ${PAPER_COUNT}]) AS concepts
             }
             RETURN collect([q.id, concepts]) AS candidates
           }
           RETURN plan.id AS id, candidates`,
          {
            types,
            plans: plans.map((plan) => ({ ...plan, limit: plan.limit === null ? null : neo4j.int(plan.limit) })),
            limit: neo4j.int(Math.max(0, ...plans.map((plan) => plan.limit ?? 0))),
          },
        );
        // Scored as each source's row arrives, so this process holds one source's candidates at a time, not the
        // batch's: a hub-only source's 10,000 candidates take about 24 MB of heap here.
        for await (const record of candidateRows) {
          const id = record.get('id') as string;
          related.set(
            id,
            scoreRelated({
              totalPapers,
              source: sources.get(id) ?? [],
              candidates: (record.get('candidates') as [string, unknown][]).map(([paperId, concepts]) => ({
                paperId,
                concepts: frequencies(concepts),
              })),
              minShared: options.minShared,
              first,
            }),
          );
        }
        return related;
      });
    },

    async getRelatedConcepts(conceptIds, options) {
      const first = checkCount('first', options.first);
      const type = checkType(options.type) ?? null;
      return readPerId<ConceptCount[]>(
        conceptIds,
        `UNWIND $ids AS id
         CALL (id) {
           MATCH (c:Concept {id: id})<-[:MENTIONS]-(:Paper)-[:MENTIONS]->(o:Concept) USING INDEX SEEK c:Concept(id)
           WHERE $type IS NULL OR o.type = $type
           WITH o.id AS conceptId, count(*) AS count
           ORDER BY count DESC, conceptId LIMIT $first
           RETURN collect([conceptId, count]) AS related
         }
         RETURN id, related`,
        { type, first: neo4j.int(first) },
        (r) => [
          r.get('id') as string,
          (r.get('related') as [string, unknown][]).map(([conceptId, count]) => ({ conceptId, count: toNumber(count) })),
        ],
        [],
      );
    },

    async getNarrowerConcepts(conceptIds) {
      return readPerId<StoredConcept[]>(
        conceptIds,
        `UNWIND $ids AS id
         CALL (id) {
           MATCH (c:Concept) USING INDEX SEEK c:Concept(broader) WHERE c.broader = id
           WITH c ORDER BY c.name, c.id
           RETURN collect(${CONCEPT}) AS items
         }
         RETURN id, items`,
        {},
        (r) => [r.get('id') as string, (r.get('items') as unknown[]).map(toConcept)],
        [],
      );
    },

    async stats() {
      return read(async (tx) => {
        const [papers] = await rows(tx, 'MATCH (p:Paper) RETURN count(p) AS n');
        const byTypeRecords = await rows(tx, 'MATCH (c:Concept) RETURN c.type AS type, count(c) AS n');
        const [mentions] = await rows(
          tx,
          'MATCH (:Paper)-[r:MENTIONS]->(:Concept) RETURN coalesce(sum(size(r.mentionStarts)), 0) AS n',
        );
        const counts = new Map(byTypeRecords.map((r) => [r.get('type') as string, toNumber(r.get('n'))]));
        const byType = CONCEPT_TYPES.map((type) => ({ type, count: counts.get(type) ?? 0 }));
        return {
          papers: toNumber(papers?.get('n') ?? 0),
          concepts: byType.reduce((sum, t) => sum + t.count, 0),
          mentions: toNumber(mentions?.get('n') ?? 0),
          byType,
        };
      });
    },

    async topConcepts(options) {
      const type = checkType(options.type) ?? null;
      const first = checkCount('first', options.first);
      return read(async (tx) => {
        const records = await rows(
          tx,
          `MATCH (c:Concept) WHERE $type IS NULL OR c.type = $type
           ${RANK_CONCEPTS} LIMIT $first
           RETURN ${CONCEPT} AS item`,
          { type, first: neo4j.int(first) },
        );
        return records.map((r) => toConcept(r.get('item')));
      });
    },

    async cooccurrence(options): Promise<Cooccurrence> {
      const first = checkCount('first', options.first);
      const rowType = checkType(options.rowType) as ConceptType;
      const columnType = checkType(options.columnType) as ConceptType;
      return read(async (tx) => {
        const rowIds = await topConceptIds(tx, rowType, first);
        const columnIds = await topConceptIds(tx, columnType, first);
        // Two MATCH clauses (not one pattern) so a concept pairs with itself when row and column types agree.
        const records = await rows(
          tx,
          `UNWIND $rows AS row
           MATCH (:Concept {id: row})<-[:MENTIONS]-(p:Paper)
           MATCH (p)-[:MENTIONS]->(b:Concept) WHERE b.id IN $columns
           RETURN row, b.id AS column, count(*) AS count`,
          { rows: rowIds, columns: columnIds },
        );
        const rowIndex = new Map(rowIds.map((id, i) => [id, i]));
        const columnIndex = new Map(columnIds.map((id, i) => [id, i]));
        const cells = records
          .map((r) => ({ row: r.get('row') as string, column: r.get('column') as string, count: toNumber(r.get('count')) }))
          .sort(
            (a, b) =>
              (rowIndex.get(a.row) ?? 0) - (rowIndex.get(b.row) ?? 0) ||
              (columnIndex.get(a.column) ?? 0) - (columnIndex.get(b.column) ?? 0),
          );
        return { rows: rowIds, columns: columnIds, cells };
      });
    },

    async conceptTimeline(conceptIds, granularity) {
      checkGranularity(granularity);
      // The date is tested after the projection: as a MATCH predicate it lets the planner scan the whole
      // paper_published index for each concept.
      return readPerId<TimeBucket[]>(
        conceptIds,
        `UNWIND $ids AS id
         CALL (id) {
           MATCH (c:Concept {id: id})<-[:MENTIONS]-(p:Paper) USING INDEX SEEK c:Concept(id)
           WITH p.published AS published WHERE published IS NOT NULL
           WITH published.year AS year, CASE WHEN $byMonth THEN published.month ELSE 0 END AS month, count(*) AS count
           RETURN collect([year, month, count]) AS buckets
         }
         RETURN id, buckets`,
        { byMonth: granularity === 'MONTH' },
        (r) => [
          r.get('id') as string,
          (r.get('buckets') as [unknown, unknown, unknown][])
            .map(([year, month, count]) => {
              const yyyy = pad(toNumber(year), 4);
              return { period: granularity === 'YEAR' ? yyyy : `${yyyy}-${pad(toNumber(month), 2)}`, count: toNumber(count) };
            })
            .sort((a, b) => compareStrings(a.period, b.period)),
        ],
        [],
      );
    },
  };
}
