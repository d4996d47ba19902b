import neo4j from 'neo4j-driver';
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { Logger, Neo4jConfig } from '../../config/index.js';
import { CONCEPT_TYPES, canonicalKey } from '../../nlp/index.js';
import type { ConceptType, Field, Role } from '../../nlp/index.js';
import {
  checkAfter,
  checkCount,
  checkGranularity,
  checkPage,
  checkRelatedBy,
  checkSort,
  checkType,
  checkTypes,
} from '../check-arguments.js';
import { compareStrings, sortPaperLinks } from '../compare.js';
import { CONCEPT_KEY_SHAPE, CONCEPT_PAPERS_KEY_SHAPE, PAPER_KEY_SHAPES } from '../page-keys.js';
import type { GraphStore } from '../graph-store.js';
import { PAPER_FIELDS } from '../types.js';
import { preparePapers } from '../prepare-papers.js';
import { TEXT_FIELD, luceneTextQuery, withoutTerms } from '../bm25.js';
import { DEFAULT_CONCEPT_BUDGET, TWO_STAGE_TEXT_MIN_PAPERS, rarestTerms, textSourceConcepts } from '../rank-related.js';
import {
  explainOnNeo4j,
  relatedParameters,
  relatedToTextCypher,
  runRelated,
  runRelatedPapers,
  twoStageFrom,
} from './related-papers.js';
import { createCommonTermsCache, sampleTerms } from './common-terms.js';
import type { RelatedQueryOptions } from './related-papers.js';
import { searchTerms } from '../search-terms.js';
import type {
  ConceptCount,
  Cooccurrence,
  ListPapersOptions,
  Page,
  PageKey,
  PaperConceptLink,
  PaperField,
  PaperSort,
  RelatedOptions,
  RelatedPaperResult,
  StoredConcept,
  StoredPaper,
  TimeBucket,
  TimeGranularity,
} from '../types.js';
import { scanNeo4jIds } from './scan-neo4j-ids.js';
import { completeBulkImport } from './complete-bulk-import.js';
import { checkScan } from '../scan-ids.js';
import { createNeo4jSessions, type Neo4jSessionOptions } from './neo4j-sessions.js';
import { translateError } from './translate-error.js';
import { applyChanges, createCooccurrenceCache, matrixAnswer, mergeChanges, pairKey } from './cooccurrence-cache.js';
import type { GraphVersion, MatrixState, PaperChange, RankedConcept } from './cooccurrence-cache.js';

export interface Neo4jStoreOptions extends Neo4jSessionOptions {
  config: Neo4jConfig;
  logger: Logger;
  /**
   * Papers one related-papers source may reach through its concepts, rarest concepts first (see
   * `selectConceptExpansion`). Default `DEFAULT_CONCEPT_BUDGET`.
   */
  conceptBudget?: number;
  /** Rows per `UNWIND` statement inside the one write transaction of `upsertPapers`. Default 1 000. */
  batchSize?: number;
  /** How long `init` waits for indexes to come online, in seconds. Default 300. */
  indexWaitSeconds?: number;
  /**
   * Related-papers text queries leave out the terms in more than this share of the papers (see `isTooCommon`;
   * here estimated from a sample, `TERM_SAMPLE_PAPERS`). Default `QUERY_TERM_MAX_SHARE`.
   */
  queryTermMaxShare?: number;
  /**
   * Related-papers text searches run in two stages (the rarest terms, by the sample's counts, find the candidates;
   * the whole query scores them) in graphs of more than this many papers. Default `TWO_STAGE_TEXT_MIN_PAPERS`; 0 always.
   */
  twoStageTextMinPapers?: number;
}

/** The id is indexed too, so a two-stage related-papers search can score the whole query at its candidates only. */
const PAPER_TEXT_INDEX =
  "CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.searchText, p.id] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }";

/** Applied by `init`; each statement is idempotent. Mirrored in schema/graph-model.md. */
export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE',
  'CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE',
  'CREATE CONSTRAINT concept_key IF NOT EXISTS FOR (k:ConceptKey) REQUIRE k.key IS UNIQUE',
  'CREATE INDEX concept_type IF NOT EXISTS FOR (c:Concept) ON (c.type)',
  'CREATE INDEX concept_broader IF NOT EXISTS FOR (c:Concept) ON (c.broader)',
  'CREATE INDEX paper_title IF NOT EXISTS FOR (p:Paper) ON (p.title)',
  'CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published)',
  PAPER_TEXT_INDEX,
  // Sort keys kept on write, so rankings and pages read an index in order instead of sorting everything.
  'CREATE INDEX paper_concept_count IF NOT EXISTS FOR (p:Paper) ON (p.conceptCount)',
  'CREATE INDEX undated_paper_id IF NOT EXISTS FOR (p:Undated) ON (p.id)',
  'CREATE INDEX concept_paper_count IF NOT EXISTS FOR (c:Concept) ON (c.paperCount)',
  'CREATE INDEX method_paper_count IF NOT EXISTS FOR (c:Method) ON (c.paperCount)',
  'CREATE INDEX task_paper_count IF NOT EXISTS FOR (c:Task) ON (c.paperCount)',
  'CREATE INDEX dataset_paper_count IF NOT EXISTS FOR (c:Dataset) ON (c.paperCount)',
  'CREATE INDEX metric_paper_count IF NOT EXISTS FOR (c:Metric) ON (c.paperCount)',
  'CREATE CONSTRAINT graph_stats_id IF NOT EXISTS FOR (s:GraphStats) REQUIRE s.id IS UNIQUE',
] as const;

/**
 * Version of what writes keep besides the papers and concepts themselves (counts, sort keys, type labels, the
 * `GraphStats` node). `init` brings an older graph up to it once.
 */
const MODEL_VERSION = 2;

/** A label per concept type, so Neo4j's count store answers concepts per type and each type has its rank index. */
const TYPE_LABEL: Record<ConceptType, string> = { METHOD: 'Method', TASK: 'Task', DATASET: 'Dataset', METRIC: 'Metric' };

const PAPER = 'p {.id, .title, .abstract, .url, .published, .authors, .categories, .doi, .codeLinks}';
/** A paper map with only the asked properties (`PaperProjection`); the default reads all. */
function paperMap(fields: readonly PaperField[] | undefined): string {
  if (fields === undefined) return PAPER;
  const asked = PAPER_FIELDS.filter((field) => fields.includes(field));
  return `p {${['.id', ...asked.map((field) => `.${field}`)].join(', ')}}`;
}
/** A concept's degree, read from the node's degree counters; `c.paperCount` is this, kept on write. */
const PAPER_COUNT = 'COUNT { (c)<-[:MENTIONS]-() }';
const CONCEPT = 'c {.id, .name, .type, .aliases, .broader, .paperCount}';
/** `compareConceptRank` in Cypher, so every concept ranking agrees with the embedded store; needs `c` bound. */
const RANK_CONCEPTS = 'ORDER BY c.paperCount DESC, c.name, c.id';
/** Keyset condition for `RANK_CONCEPTS` after `[paperCount, name, id]` in `$after`. */
const AFTER_CONCEPT =
  'c.paperCount <= $after[0] AND (c.paperCount < $after[0] OR c.name > $after[1] OR (c.name = $after[1] AND c.id > $after[2]))';
/** Lucene refuses queries with more than 1 024 clauses; the exact check in Cypher covers the rest. */
const MAX_INDEX_TERMS = 1_000;

const ORDER_BY: Record<PaperSort, string> = {
  TITLE: 'ORDER BY p.title, p.id',
  NEWEST: 'ORDER BY p.published IS NULL, p.published DESC, p.id',
  OLDEST: 'ORDER BY p.published IS NULL, p.published, p.id',
  MOST_CONCEPTS: 'ORDER BY p.conceptCount DESC, p.id',
};

/** A paper's `PageKey` in each order (see `PAPER_KEY_SHAPES`). */
const PAPER_KEY: Record<PaperSort, string> = {
  TITLE: '[p.title, p.id]',
  NEWEST: '[toString(p.published), p.id]',
  OLDEST: '[toString(p.published), p.id]',
  MOST_CONCEPTS: '[p.conceptCount, p.id]',
};

type PaperKey = readonly [string | number | null, string];

/** "After this key" in each order, for filtered lists (params `$k0`, `$k1`); see `ORDER_BY`. */
function afterPaper(sort: PaperSort, after: PaperKey): string {
  switch (sort) {
    case 'TITLE':
      return '(p.title > $k0 OR (p.title = $k0 AND p.id > $k1))';
    case 'MOST_CONCEPTS':
      return '(p.conceptCount < $k0 OR (p.conceptCount = $k0 AND p.id > $k1))';
    case 'NEWEST':
    case 'OLDEST':
      if (after[0] === null) return '(p.published IS NULL AND p.id > $k1)';
      return `(p.published IS NULL OR p.published ${sort === 'NEWEST' ? '<' : '>'} date($k0) OR (p.published = date($k0) AND p.id > $k1))`;
  }
}

/** A concept's papers by title then id, one page (needs `c` bound; parameters from `conceptPapersParams`). */
/**
 * Walk the title index rather than read a concept's papers when `paperCount² > WALK_FACTOR · page end · N`:
 * reading them all and sorting costs the concept's degree, the walk about `page end · N / paperCount` index
 * entries, each with a link check of a few relationships. At 100k papers the top concept's first page went from
 * 245 ms to TODO (bench:scale).
 */
const WALK_FACTOR = 8;

/**
 * A concept's papers by title then id, one page (needs `c` bound; parameters from `conceptPapersParams`). Either
 * branch runs, by the guard: the other gets no row. The walk sits in COLLECT so its guard applies before the
 * index scan (as a plain MATCH, Neo4j 5.26 scanned first).
 */
function conceptPapersQuery(fields: readonly PaperField[] | undefined, keyed: boolean): string {
  const after = '(p.title > $k0 OR (p.title = $k0 AND p.id > $k1))';
  const walk = `c.paperCount * c.paperCount > ${WALK_FACTOR} * ($skip + $limit) * total`;
  return `CALL () { MATCH (n:Paper) RETURN count(n) AS total }
  CALL (c, total) {
    CALL (c, total) {
      WITH * WHERE ${walk}
      RETURN COLLECT {
        MATCH (p:Paper) WHERE ${keyed ? `p.title >= $k0 AND ${after}` : 'p.title IS NOT NULL'} AND EXISTS { (p)-[:MENTIONS]->(c) }
        WITH p ORDER BY p.title, p.id SKIP $skip LIMIT $limit
        RETURN p
      } AS page
      UNION ALL
      WITH * WHERE NOT (${walk})
      RETURN COLLECT {
        MATCH (c)<-[:MENTIONS]-(p:Paper)${keyed ? ` WHERE ${after}` : ''}
        WITH p ORDER BY p.title, p.id SKIP $skip LIMIT $limit
        RETURN p
      } AS page
    }
    UNWIND page AS p
    RETURN collect(${paperMap(fields)}) AS items, collect([p.title, p.id]) AS keys
  }`;
}

function conceptPapersParams(
  request: { first: number; offset: number } | null,
  after: PaperKey | undefined,
): Record<string, unknown> {
  if (request === null) return {};
  return {
    k0: after?.[0] ?? null,
    k1: after?.[1] ?? null,
    skip: neo4j.int(after === undefined ? request.offset : 0),
    limit: neo4j.int(request.first),
  };
}

function conceptPapersPage(record: Neo4jRecord, total: number): Page<StoredPaper> {
  return {
    items: (record.get('items') as unknown[]).map(toPaper),
    totalCount: total,
    keys: (record.get('keys') as unknown[]).map(toKey),
  };
}

function toKey(value: unknown): PageKey {
  return (value as unknown[]).map((part) => (neo4j.isInt(part) ? part.toNumber() : (part as string | null)));
}

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
    title: (p.title as string | undefined) ?? '',
    abstract: (p.abstract as string | undefined) ?? '',
    url: (p.url as string | null | undefined) ?? null,
    published: neo4j.isDate(date)
      ? `${pad(toNumber(date.year), 4)}-${pad(toNumber(date.month), 2)}-${pad(toNumber(date.day), 2)}`
      : null,
    authors: (p.authors as string[] | null | undefined) ?? [],
    // Graphs written before papers had categories and DOIs lack both properties: read as none.
    categories: (p.categories as string[] | null | undefined) ?? [],
    doi: (p.doi as string | null | undefined) ?? null,
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
    paperCount: toNumber(c.paperCount ?? 0),
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

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** A Lucene query requiring every term as a whole token; each term is quoted so no term is syntax. */
function luceneQuery(terms: readonly string[]): string {
  return terms
    .slice(0, MAX_INDEX_TERMS)
    .map((term) => `${TEXT_FIELD}:"${term.replace(/[\\"]/g, '\\$&')}"`)
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

/** Sets `paperCount` of the listed concepts that still exist to their degree (under the write lock the links took). */
async function refreshPaperCounts(tx: ManagedTransaction, conceptIds: readonly string[], batchSize: number): Promise<void> {
  for (const chunk of chunks(conceptIds, batchSize)) {
    await tx.run(
      `UNWIND $ids AS id
       MATCH (c:Concept {id: id})
       SET c.paperCount = ${PAPER_COUNT}`,
      { ids: chunk },
    );
  }
}

/**
 * Adds to the graph's mention counter and counts the write (what tells readers their cached answers are
 * stale; `epoch` tells a graph emptied and rebuilt from the one a reader cached). Last in a write
 * transaction, as every writer locks this one node; the read-and-add in one SET is what keeps concurrent
 * writers from losing each other's updates.
 */
async function addMentions(tx: ManagedTransaction, delta: number): Promise<GraphVersion> {
  const [record] = await rows(
    tx,
    `MERGE (s:GraphStats {id: 'graph'})
     ON CREATE SET s.mentions = 0, s.writes = 0, s.epoch = randomUUID(), s.version = $version
     SET s.mentions = s.mentions + $delta, s.writes = coalesce(s.writes, 0) + 1, s.epoch = coalesce(s.epoch, randomUUID())
     RETURN s.epoch AS epoch, s.writes AS writes`,
    { delta: neo4j.int(delta), version: neo4j.int(MODEL_VERSION) },
  );
  return { epoch: record?.get('epoch') as string, writes: toNumber(record?.get('writes')) };
}

/** `GraphWrite` entries kept: a cached matrix more writes behind than this is computed again. */
const WRITE_LOG_LENGTH = 32;

/**
 * Records which papers a write changed and their concept ids before and after (as JSON), under the version the
 * write gave the graph, and drops entries older than the last `WRITE_LOG_LENGTH` (or of an earlier epoch): what
 * lets any process bring a cached `cooccurrence` matrix forward instead of computing it again. After
 * `addMentions`, so under its lock entries are numbered in commit order.
 */
async function logWrite(tx: ManagedTransaction, version: GraphVersion, changes: readonly PaperChange[]): Promise<void> {
  await tx.run(
    `CREATE (:GraphWrite {epoch: $epoch, writes: $writes, changes: $changes})
     WITH 1 AS created
     MATCH (g:GraphWrite) WHERE g.epoch <> $epoch OR g.writes <= $writes - $keep
     DELETE g`,
    {
      epoch: version.epoch,
      writes: neo4j.int(version.writes),
      changes: JSON.stringify(changes.map((c) => [c.paperId, c.before, c.after])),
      keep: neo4j.int(WRITE_LOG_LENGTH),
    },
  );
}

/** Identifies the graph's state for caches: changes with every write (null for a graph without a version yet). */
const GRAPH_VERSION = "OPTIONAL MATCH (s:GraphStats {id: 'graph'}) RETURN s.epoch AS epoch, s.writes AS writes";

async function graphVersion(tx: ManagedTransaction): Promise<GraphVersion | null> {
  const [record] = await rows(tx, GRAPH_VERSION);
  const epoch = record?.get('epoch') as string | null | undefined;
  const writes = record?.get('writes') as unknown;
  return epoch === null || epoch === undefined || writes === null || writes === undefined ? null : { epoch, writes: toNumber(writes) };
}

const sameVersion = (a: GraphVersion | null, b: GraphVersion | null) =>
  a !== null && b !== null && a.epoch === b.epoch && a.writes === b.writes;

/**
 * Brings a graph written before `MODEL_VERSION` up to it: concept paper counts and type labels, paper
 * concept and mention counts and the `Undated` label, the mention counter. Batched auto-commit transactions,
 * so it runs once on any size of graph.
 */
const MIGRATION = [
  `MATCH (c:Concept) CALL (c) {
     SET c.paperCount = ${PAPER_COUNT}
     SET c:$(CASE c.type WHEN 'METHOD' THEN 'Method' WHEN 'TASK' THEN 'Task' WHEN 'DATASET' THEN 'Dataset' ELSE 'Metric' END)
   } IN TRANSACTIONS OF 5000 ROWS`,
  `MATCH (p:Paper) CALL (p) {
     OPTIONAL MATCH (p)-[r:MENTIONS]->()
     WITH p, count(r) AS concepts, coalesce(sum(size(r.mentionStarts)), 0) AS mentions
     SET p.conceptCount = concepts, p.mentionCount = mentions
     FOREACH (_ IN CASE WHEN p.published IS NULL THEN [1] ELSE [] END | SET p:Undated)
   } IN TRANSACTIONS OF 2000 ROWS`,
  `OPTIONAL MATCH (p:Paper) WITH coalesce(sum(p.mentionCount), 0) AS mentions
   MERGE (s:GraphStats {id: 'graph'})
   SET s.mentions = mentions, s.version = $version, s.writes = coalesce(s.writes, 0) + 1, s.epoch = coalesce(s.epoch, randomUUID())`,
];

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
/** `[year, month, count]` rows (month 0 when counting by year) as periods, ascending. */
function toTimeBuckets(buckets: [unknown, unknown, unknown][], granularity: TimeGranularity): TimeBucket[] {
  return buckets
    .map(([year, month, count]) => {
      const yyyy = pad(toNumber(year), 4);
      return { period: granularity === 'YEAR' ? yyyy : `${yyyy}-${pad(toNumber(month), 2)}`, count: toNumber(count) };
    })
    .sort((a, b) => compareStrings(a.period, b.period));
}

export function createNeo4jStore(options: Neo4jStoreOptions): GraphStore {
  const { config, logger } = options;
  const conceptBudget = options.conceptBudget ?? DEFAULT_CONCEPT_BUDGET;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1_000));
  const { read, write, ...sessions } = createNeo4jSessions(config, logger, options);
  /**
   * `cooccurrence` matrices by arguments, each with its graph version: a matrix is a join over its hubs' papers
   * (~300k links at 100k papers) and dashboards ask for the same few. After writes (by any process) a matrix is
   * brought forward from the write log (`logWrite`) when its rows and columns are still the same concepts.
   */
  const matrices = createCooccurrenceCache();
  const twoStageTextMinPapers = options.twoStageTextMinPapers ?? TWO_STAGE_TEXT_MIN_PAPERS;
  /** The terms related-papers text queries leave out as too common, from a sample of the papers' texts. */
  const commonTerms = createCommonTermsCache(() => read((tx) => sampleTerms(tx)), options.queryTermMaxShare);

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

  /** Items and keys of a page query returning `item` and `key` per row. */
  function pageRows(records: Neo4jRecord[]): { items: StoredPaper[]; keys: PageKey[] } {
    return {
      items: records.map((r) => toPaper(r.get('item'))),
      keys: records.map((r) => toKey(r.get('key'))),
    };
  }

  async function relatedQuery(options: RelatedOptions): Promise<RelatedQueryOptions> {
    const query = {
      first: checkCount('first', options.first),
      by: checkRelatedBy(options.by),
      types: checkTypes(options.types) ?? null,
      minShared: options.minShared,
      conceptBudget,
    };
    if (query.first === 0) return { ...query, commonTerms: [], twoStage: null };
    return {
      ...query,
      commonTerms: await commonTerms.terms(),
      twoStage: twoStageFrom(await commonTerms.sample(), twoStageTextMinPapers),
    };
  }

  /**
   * The filters of `listPapers`, as a start clause and conditions on `p`; `filtered` false when there are
   * none, which is when the sort key indexes can answer a page alone.
   */
  function paperMatch(options: ListPapersOptions): { start: string; conditions: string[]; params: Record<string, unknown>; filtered: boolean } {
    const filter = options.filter ?? {};
    const types = checkTypes(filter.conceptTypes);
    const terms = [...new Set(searchTerms(filter.query ?? ''))];
    const all = filter.allConcepts ?? [];
    const conditions: string[] = [];
    let start: string;
    if (terms.length > 0) {
      // The index finds candidates fast; the CONTAINS check keeps the contract exact whatever Lucene does.
      start = "CALL db.index.fulltext.queryNodes('paper_text', $lucene) YIELD node AS p";
      conditions.push("all(t IN $terms WHERE (' ' + p.searchText + ' ') CONTAINS (' ' + t + ' '))");
    } else if (all.length > 0) {
      start = 'MATCH (:Concept {id: $firstConcept})<-[:MENTIONS]-(p:Paper)';
    } else {
      start = 'MATCH (p:Paper)';
    }
    if (all.length > 0) conditions.push('all(cid IN $all WHERE EXISTS { (p)-[:MENTIONS]->(:Concept {id: cid}) })');
    if (filter.anyConcepts !== undefined) conditions.push('EXISTS { (p)-[:MENTIONS]->(c:Concept) WHERE c.id IN $any }');
    if (types !== undefined) conditions.push('EXISTS { (p)-[:MENTIONS]->(c:Concept) WHERE c.type IN $types }');
    return {
      start,
      conditions,
      filtered: conditions.length > 0,
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

  /**
   * A page of all papers, read in order from the sort key's index: the first page and the thousandth cost
   * the same with a key (`after`), so a deep page never sorts the whole graph. Dated and undated papers are
   * read separately (undated last, by id, through the `Undated` label's index) because an index holds no nulls.
   */
  async function unfilteredPaperPage(
    tx: ManagedTransaction,
    sort: PaperSort,
    after: PaperKey | undefined,
    request: { first: number; offset: number },
    projection: string,
    total: number,
  ): Promise<{ items: StoredPaper[]; keys: PageKey[] }> {
    const returns = `RETURN ${projection} AS item, ${PAPER_KEY[sort]} AS key`;
    const params = { k0: after?.[0] ?? null, k1: after?.[1] ?? null, skip: neo4j.int(after === undefined ? request.offset : 0), limit: neo4j.int(request.first) };
    if (request.first === 0) return { items: [], keys: [] };
    if (sort === 'TITLE' || sort === 'MOST_CONCEPTS') {
      const [property, direction, op] = sort === 'TITLE' ? ['title', '', '>'] : ['conceptCount', ' DESC', '<'];
      const where =
        after === undefined
          ? `p.${property} IS NOT NULL`
          : `p.${property} ${op}= $k0 AND (p.${property} ${op} $k0 OR p.id > $k1)`;
      return pageRows(
        await rows(tx, `MATCH (p:Paper) WHERE ${where} WITH p ORDER BY p.${property}${direction}, p.id SKIP $skip LIMIT $limit ${returns}`, params),
      );
    }
    const [direction, op] = sort === 'NEWEST' ? [' DESC', '<'] : ['', '>'];
    const result: { items: StoredPaper[]; keys: PageKey[] } = { items: [], keys: [] };
    let skipUndated = 0;
    if (after === undefined || after[0] !== null) {
      const where =
        after === undefined
          ? 'p.published IS NOT NULL'
          : `p.published ${op}= date($k0) AND (p.published ${op} date($k0) OR p.id > $k1)`;
      const dated = pageRows(
        await rows(tx, `MATCH (p:Paper) WHERE ${where} WITH p ORDER BY p.published${direction}, p.id SKIP $skip LIMIT $limit ${returns}`, params),
      );
      result.items.push(...dated.items);
      result.keys.push(...dated.keys);
      if (result.items.length === request.first) return result;
      if (after === undefined) {
        const [undated] = await rows(tx, 'MATCH (p:Undated) RETURN count(p) AS n');
        skipUndated = Math.max(0, request.offset - (total - toNumber(undated?.get('n') ?? 0)));
      }
    }
    const undatedAfter = after !== undefined && after[0] === null ? after[1] : null;
    const undated = pageRows(
      await rows(
        tx,
        `MATCH (p:Undated) WHERE ${undatedAfter === null ? 'p.id IS NOT NULL' : 'p.id > $k1'}
         WITH p ORDER BY p.id SKIP $skip LIMIT $limit ${returns}`,
        { k1: undatedAfter, skip: neo4j.int(skipUndated), limit: neo4j.int(request.first - result.items.length) },
      ),
    );
    result.items.push(...undated.items);
    result.keys.push(...undated.keys);
    return result;
  }

  /** Concepts (of one type's label, or all) in `RANK_CONCEPTS` order, through that label's paper-count index. */
  const rankedConcepts = (type: ConceptType | null) =>
    `MATCH (c:${type === null ? 'Concept' : TYPE_LABEL[type]}) WHERE c.paperCount IS NOT NULL`;

  async function topConceptRanks(tx: ManagedTransaction, type: ConceptType, first: number): Promise<RankedConcept[]> {
    const records = await rows(
      tx,
      `${rankedConcepts(type)} WITH c ${RANK_CONCEPTS} LIMIT $first RETURN c.id AS id, c.name AS name, c.paperCount AS n`,
      { first: neo4j.int(first) },
    );
    return records.map((r) => ({ id: r.get('id') as string, name: r.get('name') as string, paperCount: toNumber(r.get('n')) }));
  }

  return {
    kind: 'neo4j',

    async init() {
      for (const statement of SCHEMA_STATEMENTS) await write((tx) => tx.run(statement));
      const seconds = options.indexWaitSeconds ?? 300;
      await sessions.run('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(seconds) });
      // The full-text index of graphs from before the paper id was in it, dropped once its successor (paper_text)
      // is online, so no search of this or another process finds no index. An old index already holding the id
      // makes CREATE … IF NOT EXISTS a no-op (same schema): paper_text is then built after the drop.
      const names = (await sessions.run('SHOW FULLTEXT INDEXES YIELD name RETURN name')).map((r) => r.get('name') as string);
      if (names.includes('paper_search')) {
        await write((tx) => tx.run('DROP INDEX paper_search IF EXISTS'));
        if (!names.includes('paper_text')) {
          await write((tx) => tx.run(PAPER_TEXT_INDEX));
          await sessions.run('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(seconds) });
        }
      }
      const records = await sessions.run("OPTIONAL MATCH (s:GraphStats {id: 'graph'}) RETURN s.version AS version");
      const version = records[0]?.get('version');
      if (version === null || version === undefined || toNumber(version) < MODEL_VERSION) {
        logger.info({ uri: config.uri }, 'bringing the graph up to the current model (counts, sort keys)');
        for (const statement of MIGRATION) await sessions.run(statement, { version: neo4j.int(MODEL_VERSION) });
      }
      try {
        if (await completeBulkImport(sessions.writeDriver, config.database)) logger.info('completed a neo4j-admin import of papergraph CSV');
      } catch (error) {
        throw translateError(error, config.uri);
      }
      logger.debug({ uri: config.uri, database: config.database }, 'neo4j schema ready');
    },

    ping: () => sessions.ping(),

    close: () => sessions.close(),

    async upsertPapers(input) {
      const batch = preparePapers(input);
      if (batch.papers.length === 0) return { papers: 0, concepts: 0 };
      const paperRows = batch.papers.map(({ paper, searchText, links }) => ({
        ...paper,
        searchText,
        conceptIds: links.map((link) => link.conceptId),
        mentionCount: neo4j.int(links.reduce((sum, link) => sum + link.mentions.length, 0)),
      }));
      const newMentions = batch.papers.reduce(
        (sum, { links }) => sum + links.reduce((n, link) => n + link.mentions.length, 0),
        0,
      );
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
        label: TYPE_LABEL[concept.type],
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
      // Whatever the outcome, the too common terms may have changed (`createCommonTermsCache`).
      await write(async (tx) => {
        const changes: PaperChange[] = [];
        const stale = new Set<string>();
        let oldMentions = 0;
        for (const chunk of chunks(paperRows, batchSize)) {
          // The title is set first so the paper is write-locked before its previous mention count is read.
          const records = await rows(
            tx,
            `UNWIND $rows AS row
             MERGE (p:Paper {id: row.id})
             SET p.title = row.title
             WITH p, row, coalesce(p.mentionCount, 0) AS oldMentions
             SET p.abstract = row.abstract, p.url = row.url,
                 p.published = CASE WHEN row.published IS NULL THEN null ELSE date(row.published) END,
                 p.authors = row.authors, p.categories = row.categories, p.doi = row.doi,
                 p.codeLinks = row.codeLinks, p.searchText = row.searchText,
                 p.conceptCount = size(row.conceptIds), p.mentionCount = row.mentionCount
             FOREACH (_ IN CASE WHEN row.published IS NULL THEN [1] ELSE [] END | SET p:Undated)
             FOREACH (_ IN CASE WHEN row.published IS NULL THEN [] ELSE [1] END | REMOVE p:Undated)
             WITH p, row, oldMentions
             CALL (p, row) {
               // One walk over the paper's links: each is read, and deleted when the new concepts leave it out.
               OPTIONAL MATCH (p)-[r:MENTIONS]->(c:Concept)
               FOREACH (_ IN CASE WHEN c IS NOT NULL AND NOT c.id IN row.conceptIds THEN [1] ELSE [] END | DELETE r)
               RETURN collect(c.id) AS before
             }
             RETURN sum(oldMentions) AS oldMentions, collect([row.id, before]) AS before`,
            { rows: chunk },
          );
          oldMentions += toNumber(records[0]?.get('oldMentions') ?? 0);
          const before = new Map((records[0]?.get('before') as [string, string[]][] | undefined) ?? []);
          for (const row of chunk) {
            const was = before.get(row.id) ?? [];
            const now = new Set(row.conceptIds);
            // The concepts this paper no longer mentions: their counts change, and they may be left orphans.
            for (const id of was) if (!now.has(id)) stale.add(id);
            changes.push({ paperId: row.id, before: was, after: row.conceptIds });
          }
        }
        for (const chunk of chunks(conceptRows, batchSize)) {
          await tx.run(
            `UNWIND $rows AS row
             MERGE (c:Concept {id: row.id})
             ON CREATE SET c.name = row.name, c.type = row.type, c.aliases = [], c:$(row.label)
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
        await refreshPaperCounts(tx, [...new Set([...batch.concepts.map((c) => c.id), ...stale])], batchSize);
        await logWrite(tx, await addMentions(tx, newMentions - oldMentions), changes);
      }).finally(() => commonTerms.wrote(batch.papers.length));
      return { papers: batch.papers.length, concepts: batch.concepts.length };
    },

    async deletePaper(id) {
      return write(async (tx) => {
        const records = await rows(
          tx,
          `MATCH (p:Paper {id: $id})
           SET p.deleting = true
           WITH p
           OPTIONAL MATCH (p)-[:MENTIONS]->(c:Concept)
           WITH p, collect(c.id) AS conceptIds, coalesce(p.mentionCount, 0) AS mentions
           DETACH DELETE p
           RETURN conceptIds, mentions`,
          { id },
        );
        const record = records[0];
        if (record === undefined) return false;
        const conceptIds = record.get('conceptIds') as string[];
        await removeOrphans(tx, conceptIds);
        await refreshPaperCounts(tx, conceptIds, batchSize);
        await logWrite(tx, await addMentions(tx, -toNumber(record.get('mentions'))), [{ paperId: id, before: conceptIds, after: [] }]);
        return true;
      }).finally(() => commonTerms.wrote(1));
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

    async findConceptByName(name, options = {}) {
      const key = canonicalKey(name);
      const page = options.papers;
      const request = page === undefined ? null : checkPage(page);
      const after = page === undefined ? undefined : checkAfter<PaperKey>(page.after, CONCEPT_PAPERS_KEY_SHAPE);
      return read(async (tx) => {
        // The concept and, when asked, its first papers in one round trip.
        const [record] = await rows(
          tx,
          `MATCH (:ConceptKey {key: $key})-[:NAMES]->(c:Concept)
           WITH c ORDER BY c.paperCount DESC, c.id LIMIT 1
           ${request === null ? '' : conceptPapersQuery(page?.fields, after !== undefined)}
           RETURN ${CONCEPT} AS item${request === null ? '' : ', items, keys'}`,
          { key, ...conceptPapersParams(request, after) },
        );
        if (record === undefined) return null;
        const concept = toConcept(record.get('item'));
        if (request === null) return concept;
        return { ...concept, papers: conceptPapersPage(record, concept.paperCount) };
      });
    },

    async listPapers(options) {
      const sort = checkSort(options.sort);
      const request = checkPage(options);
      const after = checkAfter<PaperKey>(options.after, PAPER_KEY_SHAPES[sort]);
      const { start, conditions, params, filtered } = paperMatch(options);
      const projection = paperMap(options.fields);
      return read(async (tx) => {
        if (!filtered) {
          // The count store answers the total in constant time.
          const [count] = await rows(tx, 'MATCH (p:Paper) RETURN count(p) AS total');
          const totalCount = toNumber(count?.get('total') ?? 0);
          return { ...(await unfilteredPaperPage(tx, sort, after, request, projection, totalCount)), totalCount };
        }
        const where = (extra: string[]) => {
          const all = [...conditions, ...extra];
          return all.length > 0 ? ` WHERE ${all.join(' AND ')}` : '';
        };
        const [count] = await rows(tx, `${start}${where([])} RETURN count(*) AS total`, params);
        const page = pageRows(
          await rows(
            tx,
            `${start}${where(after === undefined ? [] : [afterPaper(sort, after)])}
             WITH p ${ORDER_BY[sort]} SKIP $skip LIMIT $limit
             RETURN ${projection} AS item, ${PAPER_KEY[sort]} AS key`,
            {
              ...params,
              k0: after?.[0] ?? null,
              k1: after?.[1] ?? null,
              skip: neo4j.int(after === undefined ? request.offset : 0),
              limit: neo4j.int(request.first),
            },
          ),
        );
        return { ...page, totalCount: toNumber(count?.get('total') ?? 0) };
      });
    },

    async listConcepts(options) {
      const type = checkType(options.type) ?? null;
      const request = checkPage(options);
      const after = checkAfter<[number, string, string]>(options.after, CONCEPT_KEY_SHAPE);
      const query = options.query?.toLowerCase() ?? null;
      const match = query === null
        ? ''
        : ' AND (toLower(c.name) CONTAINS $query OR any(a IN c.aliases WHERE toLower(a) CONTAINS $query))';
      return read(async (tx) => {
        const [count] = await rows(
          tx,
          // Without a query, the count store answers in constant time (a label per type).
          query === null
            ? `MATCH (c:${type === null ? 'Concept' : TYPE_LABEL[type]}) RETURN count(c) AS total`
            : `${rankedConcepts(type)}${match} RETURN count(c) AS total`,
          { query },
        );
        const records = await rows(
          tx,
          `${rankedConcepts(type)}${match}${after === undefined ? '' : ` AND ${AFTER_CONCEPT}`}
           WITH c ${RANK_CONCEPTS} SKIP $skip LIMIT $limit
           RETURN ${CONCEPT} AS item`,
          {
            query,
            after: after ?? null,
            skip: neo4j.int(after === undefined ? request.offset : 0),
            limit: neo4j.int(request.first),
          },
        );
        const items = records.map((r) => toConcept(r.get('item')));
        return { items, totalCount: toNumber(count?.get('total') ?? 0), keys: items.map((c) => [c.paperCount, c.name, c.id]) };
      });
    },

    async getConceptPapers(conceptIds, page) {
      const request = checkPage(page);
      const after = checkAfter<PaperKey>(page.after, CONCEPT_PAPERS_KEY_SHAPE);
      return readPerId<Page<StoredPaper>>(
        conceptIds,
        `UNWIND $ids AS id
         MATCH (c:Concept {id: id}) USING INDEX SEEK c:Concept(id)
         ${conceptPapersQuery(page.fields, after !== undefined)}
         RETURN id, c.paperCount AS total, items, keys`,
        conceptPapersParams(request, after),
        (r) => [r.get('id') as string, conceptPapersPage(r, toNumber(r.get('total')))],
        { items: [], totalCount: 0, keys: [] },
      );
    },

    async getRelatedPapers(paperIds, options) {
      const query = await relatedQuery(options);
      if (query.first === 0) return paperIds.map(() => []);
      // One statement per batch (candidates found, scored and cut to the best few in the database); the rows'
      // few candidates are then ranked exactly by the memory store's function.
      return answerPerId<RelatedPaperResult[]>(paperIds, [], async (tx, ids) => {
        const related = await runRelatedPapers(tx, ids, query, commonTerms.observe);
        return related as Map<string, RelatedPaperResult[]>;
      });
    },

    async getRelatedToText(source, options) {
      const query = await relatedQuery(options);
      if (query.first === 0) return [];
      const conceptIds = textSourceConcepts(source, query.types ?? undefined, () => 1).map((c) => c.conceptId);
      const common = new Set(query.commonTerms);
      const textQuery = withoutTerms(source.query, (term) => common.has(term));
      const lucene = luceneTextQuery(textQuery);
      const rareTerms = query.twoStage === null ? null : rarestTerms(textQuery, query.twoStage);
      const rare = rareTerms === null ? null : luceneTextQuery(rareTerms);
      return read(async (tx) => {
        const related = await runRelated(
          tx,
          relatedToTextCypher(query.by),
          { ...relatedParameters(query), conceptIds, lucene, rare },
          query,
          commonTerms.observe,
        );
        return related.get(null) ?? [];
      });
    },

    async explainTextMatches(matches) {
      if (matches.length === 0) return [];
      const common = await commonTerms.terms();
      return read((tx) => explainOnNeo4j(tx, matches, common));
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

    async scanIds(kind, after, first) {
      checkScan(kind, first);
      return read((tx) => scanNeo4jIds(tx, kind, after, first));
    },

    async stats() {
      // Constant time: node counts from Neo4j's count store (a label per concept type), mentions from the
      // counter every write transaction keeps.
      const counts = CONCEPT_TYPES.map(
        (type) => `CALL () { MATCH (c:${TYPE_LABEL[type]}) RETURN count(c) AS ${TYPE_LABEL[type]} }`,
      );
      return read(async (tx) => {
        const [record] = await rows(
          tx,
          `CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
           ${counts.join('\n')}
           OPTIONAL MATCH (s:GraphStats {id: 'graph'})
           RETURN papers, coalesce(s.mentions, 0) AS mentions, ${CONCEPT_TYPES.map((type) => TYPE_LABEL[type]).join(', ')}`,
        );
        const byType = CONCEPT_TYPES.map((type) => ({ type, count: toNumber(record?.get(TYPE_LABEL[type]) ?? 0) }));
        return {
          papers: toNumber(record?.get('papers') ?? 0),
          concepts: byType.reduce((sum, t) => sum + t.count, 0),
          mentions: toNumber(record?.get('mentions') ?? 0),
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
          `${rankedConcepts(type)} WITH c ${RANK_CONCEPTS} LIMIT $first RETURN ${CONCEPT} AS item`,
          { first: neo4j.int(first) },
        );
        return records.map((r) => toConcept(r.get('item')));
      });
    },

    async cooccurrence(options): Promise<Cooccurrence> {
      const first = checkCount('first', options.first);
      const rowType = checkType(options.rowType) as ConceptType;
      const columnType = checkType(options.columnType) as ConceptType;
      const key = JSON.stringify([rowType, columnType, first]);
      return read(async (tx) => {
        const version = await graphVersion(tx);
        const cached = matrices.get(key);
        if (cached !== undefined && sameVersion(cached.version, version)) return matrixAnswer(cached.state);
        const ranks = async () => {
          const rowRanks = await topConceptRanks(tx, rowType, first);
          return { rowRanks, columnRanks: rowType === columnType ? rowRanks : await topConceptRanks(tx, columnType, first) };
        };
        // Reads in this transaction may see writes committed meanwhile: a matrix is kept only when the version
        // read after it is the one read before.
        const keep = async (state: MatrixState) => {
          if (version !== null && sameVersion(version, await graphVersion(tx))) matrices.set(key, version, state);
          return matrixAnswer(state);
        };
        const behind = cached === undefined || version === null ? 0 : version.writes - cached.version.writes;
        if (cached !== undefined && version !== null && cached.version.epoch === version.epoch && behind > 0 && behind <= WRITE_LOG_LENGTH) {
          const log = await rows(
            tx,
            `MATCH (g:GraphWrite) WHERE g.epoch = $epoch AND g.writes > $from AND g.writes <= $to
             RETURN g.changes AS changes ORDER BY g.writes`,
            { epoch: version.epoch, from: neo4j.int(cached.version.writes), to: neo4j.int(version.writes) },
          );
          if (log.length === behind) {
            const changes = mergeChanges(
              log.map((r) =>
                (JSON.parse(r.get('changes') as string) as [string, string[], string[]][]).map(([paperId, before, after]) => ({
                  paperId,
                  before,
                  after,
                })),
              ),
            );
            const { rowRanks, columnRanks } = await ranks();
            const next = applyChanges(cached.state, changes, rowRanks, columnRanks);
            if (next !== null) {
              logger.debug({ rowType, columnType, first, writes: behind, papers: changes.length }, 'cooccurrence brought forward from the write log');
              return keep(next);
            }
          }
        }
        logger.debug({ rowType, columnType, first, writes: behind }, 'cooccurrence computed');
        const { rowRanks, columnRanks } = await ranks();
        // Each side's papers read once and joined on the paper (a hash join), instead of every paper of every
        // row expanded to all its concepts: at 100k papers the rows' hubs alone have ~2.7M links.
        const records = await rows(
          tx,
          `MATCH (r:Concept)<-[:MENTIONS]-(p)-[:MENTIONS]->(b:Concept) USING JOIN ON p
           WHERE r.id IN $rows AND b.id IN $columns
           RETURN r.id AS row, b.id AS column, count(*) AS count`,
          { rows: rowRanks.map((c) => c.id), columns: columnRanks.map((c) => c.id) },
        );
        // One pattern never uses a link twice, so no pair of a concept with itself comes back (see `matrixAnswer`).
        const pairs = new Map<string, number>();
        for (const r of records) pairs.set(pairKey(r.get('row') as string, r.get('column') as string), toNumber(r.get('count')));
        return keep({ rowType, columnType, first, rows: rowRanks, columns: columnRanks, pairs });
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
        (r) => [r.get('id') as string, toTimeBuckets(r.get('buckets') as [unknown, unknown, unknown][], granularity)],
        [],
      );
    },

    async papersTimeline(granularity) {
      checkGranularity(granularity);
      return read(async (tx) => {
        const records = await rows(
          tx,
          `MATCH (p:Paper) WHERE p.published IS NOT NULL
           WITH p.published.year AS year, CASE WHEN $byMonth THEN p.published.month ELSE 0 END AS month, count(*) AS count
           RETURN collect([year, month, count]) AS buckets`,
          { byMonth: granularity === 'MONTH' },
        );
        return toTimeBuckets((records[0]?.get('buckets') ?? []) as [unknown, unknown, unknown][], granularity);
      });
    },
  };
}
