import { CONCEPT_TYPES, canonicalKey } from '../../nlp/index.js';
import type { ConceptType } from '../../nlp/index.js';
import {
  checkAfter,
  checkCount,
  checkGranularity,
  checkPage,
  checkRelatedBy,
  checkSort,
  checkType,
  checkTypes,
  periodOf,
} from '../check-arguments.js';
import { compareConceptRank, compareStrings, sortPaperLinks } from '../compare.js';
import type { GraphStore } from '../graph-store.js';
import { CONCEPT_KEY_SHAPE, CONCEPT_PAPERS_KEY_SHAPE, PAPER_KEY_SHAPES } from '../page-keys.js';
import { conceptKeys, mergeConcept, preparePapers } from '../prepare-papers.js';
import type { PreparedPaper } from '../prepare-papers.js';
import { QUERY_TERM_MAX_SHARE, isTooCommon, queryTerms, withoutTerms } from '../bm25.js';
import { DEFAULT_CONCEPT_BUDGET, textSourceConcepts } from '../rank-related.js';
import type { ConceptFrequency } from '../rank-related.js';
import { searchTerms } from '../search-terms.js';
import { checkScan, scanMemoryIds } from '../scan-ids.js';
import type {
  ConceptCount,
  Cooccurrence,
  GraphStats,
  ListPapersOptions,
  Page,
  PageKey,
  PaperConceptLink,
  PaperField,
  PaperPageRequest,
  PaperSort,
  RelatedOptions,
  StoredConcept,
  StoredPaper,
  TimeBucket,
  TimeGranularity,
} from '../types.js';
import { createLinkArena } from './packed-links.js';
import type { LinkOutput, LinkRange } from './packed-links.js';
import { explainMatches, findRelatedPapers, paperTokens } from './related-papers.js';
import type { RelatedCorpus } from './related-papers.js';
import { insertSorted, removeSorted } from './sorted-numbers.js';
import { createTextIndex } from './text-index.js';

export interface MemoryStoreOptions {
  /** Papers one related-papers source may reach through its concepts (see `selectConceptExpansion`). */
  conceptBudget?: number;
  /**
   * Related-papers text queries leave out the terms in more than this share of the papers (see `isTooCommon`).
   * Default `QUERY_TERM_MAX_SHARE`; 1 queries every term but the stop words.
   */
  queryTermMaxShare?: number;
  /**
   * Related-papers text searches run in two stages (the rarest terms find the candidates, the whole query scores
   * them) in graphs of more than this many papers. Default `TWO_STAGE_TEXT_MIN_PAPERS`; 0 always.
   */
  twoStageTextMinPapers?: number;
}

/**
 * A paper as the store keeps it: its own strings, and its links as a range of the shared `LinkArena` rather
 * than an object per link and per mention (what keeps 10k papers under 60 MB; bench/synthetic-corpus.ts
 * measures it).
 */
interface PaperRow {
  /** Position in `paperRows`, stable for the paper's life; indexes refer to papers by it. */
  slot: number;
  id: string;
  title: string;
  abstract: string;
  url: string | null;
  published: string | null;
  authors: string[];
  categories: string[];
  doi: string | null;
  codeLinks: string[];
  links: LinkRange;
  /** Mention occurrences over all links (for `stats`). */
  mentionCount: number;
}

interface ConceptRow {
  slot: number;
  id: string;
  name: string;
  type: ConceptType;
  aliases: string[];
  broader: string | null;
  /** Slots of the papers that mention it, ascending. */
  papers: number[];
  keys: string[];
}

/** Shared by papers without code links, so they hold no array of their own. */
const NO_STRINGS: string[] = [];

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (set === undefined) index.set(key, new Set([value]));
  else set.add(value);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  set?.delete(value);
  if (set?.size === 0) index.delete(key);
}

/** Strings many papers repeat (author names, dates), kept once. */
function createInterner(): (value: string) => string {
  const strings = new Map<string, string>();
  return (value) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
}

/** Compares two keys of one order (`PageKey`s): strings and numbers by `directions`, null after any value. */
function keyComparator(directions: readonly (1 | -1)[]): (a: PageKey, b: PageKey) => number {
  return (a, b) => {
    for (let i = 0; i < directions.length; i++) {
      const x = a[i] ?? null;
      const y = b[i] ?? null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareStrings(String(x), String(y));
      if (order !== 0) return (directions[i] as 1 | -1) * order;
    }
    return 0;
  };
}

const PAPER_KEY_ORDER: Record<PaperSort, (a: PageKey, b: PageKey) => number> = {
  TITLE: keyComparator([1, 1]),
  NEWEST: keyComparator([-1, 1]),
  OLDEST: keyComparator([1, 1]),
  MOST_CONCEPTS: keyComparator([-1, 1]),
};
const CONCEPT_KEY_ORDER = keyComparator([-1, 1, 1]);

/**
 * One page of `items`, already in order: from `offset`, or strictly after `after` (found by binary search on
 * the items' keys, so a deep page costs the same as the first).
 */
function pageOf<T>(
  items: readonly T[],
  request: { first: number; offset: number },
  after: PageKey | undefined,
  keyOf: (item: T) => PageKey,
  order: (a: PageKey, b: PageKey) => number,
): { items: T[]; keys: PageKey[] } {
  let start = request.offset;
  if (after !== undefined) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(keyOf(items[mid] as T), after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const slice = items.slice(start, start + request.first);
  return { items: slice, keys: slice.map(keyOf) };
}

/**
 * The in-process store: papers and concepts in arrays indexed by slot, with the indexes that keep reads off
 * full scans (concept → paper slots, name key → concepts, broader → narrower, search term → paper slots), and
 * sorted orders cached until the next write. Writes validate the whole batch first and cannot fail after that,
 * which is what makes them all-or-nothing.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): GraphStore {
  const conceptBudget = options.conceptBudget ?? DEFAULT_CONCEPT_BUDGET;
  const queryTermMaxShare = options.queryTermMaxShare ?? QUERY_TERM_MAX_SHARE;
  const paperRows: (PaperRow | undefined)[] = [];
  const paperSlots = new Map<string, number>();
  const conceptRows: (ConceptRow | undefined)[] = [];
  const conceptSlots = new Map<string, number>();
  const byKey = new Map<string, Set<string>>();
  const byBroader = new Map<string, Set<string>>();
  /**
   * Search term → the papers (slots) whose title or abstract has it, with its counts: for `papers(query)` and for
   * related papers' BM25 (see text-index.ts).
   */
  const text = createTextIndex();
  const intern = createInterner();
  const arena = createLinkArena();
  const conceptSlotsOf = (row: PaperRow) => arena.concepts(row.links);
  let mentionTotal = 0;
  const conceptsByType = new Map<ConceptType, number>(CONCEPT_TYPES.map((type) => [type, 0]));
  /** Sorted orders, valid until the next write changes anything. */
  const orders = new Map<string, readonly unknown[]>();

  function cached<T>(name: string, build: () => T[]): readonly T[] {
    let order = orders.get(name) as T[] | undefined;
    if (order === undefined) {
      order = build();
      orders.set(name, order);
    }
    return order;
  }

  const paperAt = (slot: number) => paperRows[slot] as PaperRow;
  const conceptAt = (slot: number) => conceptRows[slot] as ConceptRow;
  const paperById = (id: string): PaperRow | undefined => {
    const slot = paperSlots.get(id);
    return slot === undefined ? undefined : paperRows[slot];
  };
  const conceptById = (id: string): ConceptRow | undefined => {
    const slot = conceptSlots.get(id);
    return slot === undefined ? undefined : conceptRows[slot];
  };

  const toConcept = (c: ConceptRow): StoredConcept => ({
    id: c.id,
    name: c.name,
    type: c.type,
    aliases: [...c.aliases],
    broader: c.broader,
    paperCount: c.papers.length,
  });

  function toPaper(row: PaperRow, fields?: readonly PaperField[]): StoredPaper {
    const has = (field: PaperField) => fields === undefined || fields.includes(field);
    return {
      id: row.id,
      title: has('title') ? row.title : '',
      abstract: has('abstract') ? row.abstract : '',
      url: has('url') ? row.url : null,
      published: has('published') ? row.published : null,
      authors: has('authors') ? [...row.authors] : [],
      categories: has('categories') ? [...row.categories] : [],
      doi: has('doi') ? row.doi : null,
      codeLinks: has('codeLinks') ? [...row.codeLinks] : [],
    };
  }

  function toLink(row: PaperRow, link: LinkOutput): PaperConceptLink {
    return {
      paperId: row.id,
      conceptId: conceptAt(link.concept).id,
      role: link.role,
      confidence: link.confidence,
      mentions: link.mentions,
      evidence: link.evidence,
    };
  }

  function unlinkPaper(row: PaperRow, touched: Set<number>): void {
    for (const concept of conceptSlotsOf(row)) {
      removeSorted(conceptAt(concept).papers, row.slot);
      touched.add(concept);
    }
    text.remove(row.slot, paperTokens(row));
    mentionTotal -= row.mentionCount;
    arena.release(row.links);
  }

  function removeOrphans(slots: Iterable<number>): void {
    for (const slot of slots) {
      const concept = conceptRows[slot];
      if (concept === undefined || concept.papers.length > 0) continue;
      conceptRows[slot] = undefined;
      conceptSlots.delete(concept.id);
      conceptsByType.set(concept.type, (conceptsByType.get(concept.type) ?? 0) - 1);
      for (const key of concept.keys) removeFrom(byKey, key, concept.id);
      if (concept.broader !== null) removeFrom(byBroader, concept.broader, concept.id);
    }
  }

  function writePaper(prepared: PreparedPaper, touched: Set<number>): void {
    const { paper } = prepared;
    const previous = paperById(paper.id);
    if (previous !== undefined) unlinkPaper(previous, touched);
    const slot = previous?.slot ?? paperRows.length;
    let mentionCount = 0;
    const links = prepared.links.map((link) => {
      const concept = conceptSlots.get(link.conceptId) as number;
      insertSorted(conceptAt(concept).papers, slot);
      touched.add(concept);
      mentionCount += link.mentions.length;
      return { concept, role: link.role, confidence: link.confidence, evidence: link.evidence, mentions: link.mentions };
    });
    const row: PaperRow = {
      slot,
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      url: paper.url,
      published: paper.published === null ? null : intern(paper.published),
      authors: paper.authors.map(intern),
      // Few distinct categories over many papers: interned, and one shared empty list.
      categories: paper.categories.length === 0 ? NO_STRINGS : paper.categories.map(intern),
      doi: paper.doi,
      codeLinks: paper.codeLinks.length === 0 ? NO_STRINGS : [...paper.codeLinks],
      links: arena.append(paper, links),
      mentionCount,
    };
    paperRows[slot] = row;
    paperSlots.set(paper.id, slot);
    text.add(slot, paper.id, prepared.searchText.split(' ').filter((term) => term !== ''));
    mentionTotal += mentionCount;
  }

  function compactIfWorthIt(): void {
    if (arena.wantsCompaction()) arena.compact(paperRows.flatMap((row) => (row === undefined ? [] : [row.links])));
  }

  function matchingPapers(options: ListPapersOptions): PaperRow[] {
    const filter = options.filter ?? {};
    const types = checkTypes(filter.conceptTypes);
    const terms = [...new Set(searchTerms(filter.query ?? ''))];
    const all = (filter.allConcepts ?? []).map((id) => conceptById(id));
    const any = filter.anyConcepts?.map((id) => conceptSlots.get(id));
    if (terms.length === 0 && all.length === 0 && any === undefined && types === undefined) {
      return paperRows.filter((row): row is PaperRow => row !== undefined);
    }
    // Start from the narrowest index, then check every condition on each survivor.
    const sets: ArrayLike<number>[] = [
      ...terms.map((term) => text.documents(term)),
      ...all.map((concept) => concept?.papers ?? []),
    ];
    const candidates =
      sets.length > 0 ? sets.reduce((a, b) => (b.length < a.length ? b : a)) : paperRows.map((_row, slot) => slot);
    const result: PaperRow[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const row = paperRows[candidates[i] as number];
      if (row === undefined) continue;
      const concepts = conceptSlotsOf(row);
      const ok =
        terms.every((term) => text.contains(term, row.slot)) &&
        all.every((concept) => concept !== undefined && concepts.includes(concept.slot)) &&
        (any === undefined || any.some((c) => c !== undefined && concepts.includes(c))) &&
        (types === undefined || concepts.some((c) => types.includes(conceptAt(c).type)));
      if (ok) result.push(row);
    }
    return result;
  }

  function paperKey(sort: PaperSort): (row: PaperRow) => PageKey {
    switch (sort) {
      case 'TITLE':
        return (row) => [row.title, row.id];
      case 'NEWEST':
      case 'OLDEST':
        return (row) => [row.published, row.id];
      case 'MOST_CONCEPTS':
        return (row) => [row.links.count, row.id];
    }
  }

  /** Rows sorted by a paper order (keys computed once, not in the comparator). */
  function sortPapers(rows: PaperRow[], sort: PaperSort): PaperRow[] {
    const keyOf = paperKey(sort);
    const order = PAPER_KEY_ORDER[sort];
    return rows
      .map((row) => ({ row, key: keyOf(row) }))
      .sort((a, b) => order(a.key, b.key))
      .map(({ row }) => row);
  }

  function rankConcepts(type: ConceptType | undefined): readonly ConceptRow[] {
    return cached(`concepts:${type ?? ''}`, () =>
      conceptRows
        .filter((c): c is ConceptRow => c !== undefined && (type === undefined || c.type === type))
        .map((entry) => ({ entry, paperCount: entry.papers.length, name: entry.name, id: entry.id }))
        .sort(compareConceptRank)
        .map(({ entry }) => entry),
    );
  }

  const conceptKey = (c: ConceptRow): PageKey => [c.papers.length, c.name, c.id];

  function conceptPapers(concept: ConceptRow | undefined, page: PaperPageRequest): Page<StoredPaper> {
    const request = checkPage(page);
    const after = checkAfter(page.after, CONCEPT_PAPERS_KEY_SHAPE);
    if (concept === undefined) return { items: [], totalCount: 0, keys: [] };
    const sorted = cached(`concept-papers:${concept.slot}`, () => sortPapers(concept.papers.map(paperAt), 'TITLE'));
    const result = pageOf(sorted, request, after, paperKey('TITLE'), PAPER_KEY_ORDER.TITLE);
    return { items: result.items.map((row) => toPaper(row, page.fields)), totalCount: sorted.length, keys: result.keys };
  }

  function frequenciesOf(row: PaperRow, types: ConceptType[] | undefined): ConceptFrequency[] {
    const result: ConceptFrequency[] = [];
    for (const slot of conceptSlotsOf(row)) {
      const concept = conceptAt(slot);
      if (types === undefined || types.includes(concept.type)) result.push({ conceptId: concept.id, paperCount: concept.papers.length });
    }
    return result;
  }

  function relatedCorpus(types: ConceptType[] | undefined): RelatedCorpus {
    return {
      totalPapers: paperSlots.size,
      conceptsOf: (paperId) => {
        const row = paperById(paperId);
        return row === undefined ? null : frequenciesOf(row, types);
      },
      papersOf: (conceptId) => (conceptById(conceptId)?.papers ?? []).map((slot) => paperAt(slot).id),
      text,
      tokensOf: (paperId) => {
        const row = paperById(paperId);
        return row === undefined ? [] : paperTokens(row);
      },
      tooCommon: (term) => isTooCommon(text.documentFrequency(term), paperSlots.size, queryTermMaxShare),
      twoStageTextMinPapers: options.twoStageTextMinPapers,
    };
  }

  const relatedSearch = (options: RelatedOptions) => ({
    by: checkRelatedBy(options.by),
    minShared: options.minShared,
    first: checkCount('first', options.first),
    conceptBudget,
  });

  function relatedConcepts(conceptId: string, first: number, type: ConceptType | undefined): ConceptCount[] {
    const concept = conceptById(conceptId);
    const counts = new Map<number, number>();
    for (const paper of concept?.papers ?? []) {
      for (const other of conceptSlotsOf(paperAt(paper))) {
        if (other === concept?.slot || (type !== undefined && conceptAt(other).type !== type)) continue;
        counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    return [...counts]
      .map(([slot, count]) => ({ conceptId: conceptAt(slot).id, count }))
      .sort((a, b) => b.count - a.count || compareStrings(a.conceptId, b.conceptId))
      .slice(0, first);
  }

  function timeline(conceptId: string, granularity: TimeGranularity): TimeBucket[] {
    return countPeriods(conceptById(conceptId)?.papers ?? [], granularity);
  }

  function countPeriods(slots: Iterable<number>, granularity: TimeGranularity): TimeBucket[] {
    const counts = new Map<string, number>();
    for (const slot of slots) {
      const published = paperAt(slot).published;
      if (published === null) continue;
      const period = periodOf(published, granularity);
      counts.set(period, (counts.get(period) ?? 0) + 1);
    }
    return [...counts]
      .map(([period, count]) => ({ period, count }))
      .sort((a, b) => compareStrings(a.period, b.period));
  }

  function cooccurrence(rowType: ConceptType | undefined, columnType: ConceptType | undefined, first: number): Cooccurrence {
    const rowConcepts = rankConcepts(rowType).slice(0, first);
    const columnConcepts = rankConcepts(columnType).slice(0, first);
    const columnIndex = new Map(columnConcepts.map((c, i) => [c.slot, i]));
    const cells: Cooccurrence['cells'] = [];
    for (const row of rowConcepts) {
      const counts = new Array<number>(columnConcepts.length).fill(0);
      for (const paper of row.papers) {
        for (const concept of conceptSlotsOf(paperAt(paper))) {
          const i = columnIndex.get(concept);
          if (i !== undefined) counts[i] = (counts[i] as number) + 1;
        }
      }
      counts.forEach((count, i) => {
        if (count > 0) cells.push({ row: row.id, column: (columnConcepts[i] as ConceptRow).id, count });
      });
    }
    return { rows: rowConcepts.map((c) => c.id), columns: columnConcepts.map((c) => c.id), cells };
  }

  return {
    kind: 'memory',

    async init() {},
    async ping() {
      return true;
    },
    async close() {},

    async upsertPapers(input) {
      const batch = preparePapers(input);
      if (batch.papers.length === 0) return { papers: 0, concepts: 0 };
      orders.clear();
      for (const incoming of batch.concepts) {
        const existing = conceptById(incoming.id);
        const merged = mergeConcept(existing ?? null, incoming);
        const keys = conceptKeys(merged);
        for (const key of keys) addTo(byKey, key, incoming.id);
        // The first broader id sticks (mergeConcept), so only a concept that had none gains an index entry.
        if ((existing?.broader ?? null) === null && merged.broader !== null) addTo(byBroader, merged.broader, incoming.id);
        if (existing === undefined) {
          const slot = conceptRows.length;
          conceptRows.push({ ...merged, slot, id: incoming.id, papers: [], keys });
          conceptSlots.set(incoming.id, slot);
          conceptsByType.set(merged.type, (conceptsByType.get(merged.type) ?? 0) + 1);
        } else {
          Object.assign(existing, { aliases: merged.aliases, broader: merged.broader, keys });
        }
      }
      const touched = new Set<number>();
      for (const prepared of batch.papers) writePaper(prepared, touched);
      removeOrphans(touched);
      compactIfWorthIt();
      return { papers: batch.papers.length, concepts: batch.concepts.length };
    },

    async deletePaper(id) {
      const row = paperById(id);
      if (row === undefined) return false;
      orders.clear();
      const touched = new Set<number>();
      unlinkPaper(row, touched);
      paperRows[row.slot] = undefined;
      paperSlots.delete(id);
      removeOrphans(touched);
      compactIfWorthIt();
      return true;
    },

    async getPapers(ids) {
      return ids.map((id) => {
        const row = paperById(id);
        return row === undefined ? null : toPaper(row);
      });
    },

    async getConcepts(ids) {
      return ids.map((id) => {
        const concept = conceptById(id);
        return concept === undefined ? null : toConcept(concept);
      });
    },

    async getPaperConcepts(paperIds, types) {
      checkTypes(types);
      return paperIds.map((id) => {
        const row = paperById(id);
        if (row === undefined) return [];
        const links = [];
        for (const link of arena.read(row, row.links)) {
          const type = conceptAt(link.concept).type;
          if (types === undefined || types.includes(type)) links.push({ link: toLink(row, link), type });
        }
        return sortPaperLinks(links);
      });
    },

    async findConceptByName(name, options = {}) {
      const ids = byKey.get(canonicalKey(name));
      const best = [...(ids ?? [])]
        .map((id) => conceptById(id) as ConceptRow)
        .sort((a, b) => b.papers.length - a.papers.length || compareStrings(a.id, b.id))[0];
      const papers = options.papers === undefined ? undefined : conceptPapers(best, options.papers);
      if (best === undefined) return null;
      return papers === undefined ? toConcept(best) : { ...toConcept(best), papers };
    },

    async listPapers(options) {
      const sort = checkSort(options.sort);
      const request = checkPage(options);
      const after = checkAfter(options.after, PAPER_KEY_SHAPES[sort]);
      const filtered = options.filter !== undefined && Object.values(options.filter).some((value) => value !== undefined);
      const sorted = filtered
        ? sortPapers(matchingPapers(options), sort)
        : cached(`papers:${sort}`, () => sortPapers(matchingPapers(options), sort));
      const result = pageOf(sorted, request, after, paperKey(sort), PAPER_KEY_ORDER[sort]);
      return { items: result.items.map((row) => toPaper(row, options.fields)), totalCount: sorted.length, keys: result.keys };
    },

    async listConcepts(options) {
      const type = checkType(options.type);
      const request = checkPage(options);
      const after = checkAfter(options.after, CONCEPT_KEY_SHAPE);
      const query = options.query?.toLowerCase();
      const ranked = rankConcepts(type);
      const matches =
        query === undefined
          ? ranked
          : ranked.filter(
              (c) => c.name.toLowerCase().includes(query) || c.aliases.some((alias) => alias.toLowerCase().includes(query)),
            );
      const result = pageOf(matches, request, after, conceptKey, CONCEPT_KEY_ORDER);
      return { items: result.items.map(toConcept), totalCount: matches.length, keys: result.keys };
    },

    async getConceptPapers(conceptIds, page) {
      checkPage(page);
      checkAfter(page.after, CONCEPT_PAPERS_KEY_SHAPE);
      return conceptIds.map((conceptId) => conceptPapers(conceptById(conceptId), page));
    },

    async getRelatedPapers(paperIds, options) {
      const search = relatedSearch(options);
      const corpus = relatedCorpus(checkTypes(options.types));
      return paperIds.map((paperId) => {
        const row = paperById(paperId);
        if (row === undefined) return [];
        return findRelatedPapers(corpus, {
          ...search,
          paperId,
          concepts: frequenciesOf(row, checkTypes(options.types)),
          query: queryTerms(paperTokens(row), corpus.tooCommon),
        });
      });
    },

    async getRelatedToText(source, options) {
      const search = relatedSearch(options);
      const types = checkTypes(options.types);
      const concepts = textSourceConcepts(source, types, (id) => conceptById(id)?.papers.length ?? 0);
      const corpus = relatedCorpus(types);
      return findRelatedPapers(corpus, { ...search, concepts, query: withoutTerms(source.query, corpus.tooCommon) });
    },

    async explainTextMatches(matches) {
      return explainMatches(relatedCorpus(undefined), matches);
    },

    async getRelatedConcepts(conceptIds, options) {
      const first = checkCount('first', options.first);
      const type = checkType(options.type);
      return conceptIds.map((conceptId) => relatedConcepts(conceptId, first, type));
    },

    async getNarrowerConcepts(conceptIds) {
      return conceptIds.map((conceptId) =>
        [...(byBroader.get(conceptId) ?? [])]
          .map((id) => conceptById(id) as ConceptRow)
          .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id))
          .map(toConcept),
      );
    },

    async scanIds(kind, after, first) {
      checkScan(kind, first);
      return scanMemoryIds(kind === 'paper' ? paperSlots.keys() : conceptSlots.keys(), after, first);
    },

    async stats(): Promise<GraphStats> {
      const byType = CONCEPT_TYPES.map((type) => ({ type, count: conceptsByType.get(type) ?? 0 }));
      return { papers: paperSlots.size, concepts: conceptSlots.size, mentions: mentionTotal, byType };
    },

    async papersTimeline(granularity) {
      checkGranularity(granularity);
      return countPeriods(paperSlots.values(), granularity);
    },

    async topConcepts(options) {
      const type = checkType(options.type);
      return rankConcepts(type).slice(0, checkCount('first', options.first)).map(toConcept);
    },

    async cooccurrence(options): Promise<Cooccurrence> {
      const first = checkCount('first', options.first);
      const rowType = checkType(options.rowType);
      const columnType = checkType(options.columnType);
      // Kept until the next write, like the sorted orders.
      const [matrix] = cached(`cooccurrence:${rowType}:${columnType}:${first}`, () => [cooccurrence(rowType, columnType, first)]);
      return structuredClone(matrix as Cooccurrence);
    },

    async conceptTimeline(conceptIds, granularity) {
      checkGranularity(granularity);
      return conceptIds.map((conceptId) => timeline(conceptId, granularity));
    },
  };
}
