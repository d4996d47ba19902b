import { CONCEPT_TYPES, canonicalKey } from '../../nlp/index.js';
import type { ConceptType } from '../../nlp/index.js';
import {
  checkCount,
  checkGranularity,
  checkPage,
  checkSort,
  checkType,
  checkTypes,
  periodOf,
} from '../check-arguments.js';
import { compareConceptRank, compareStrings, sortPaperLinks } from '../compare.js';
import type { GraphStore } from '../graph-store.js';
import { conceptKeys, mergeConcept, preparePapers } from '../prepare-papers.js';
import type { ConceptState, PreparedPaper } from '../prepare-papers.js';
import { DEFAULT_MAX_CONCEPT_FANOUT, scoreRelated, selectExpansion } from '../score-related.js';
import type { ConceptFrequency } from '../score-related.js';
import { searchTerms } from '../search-terms.js';
import type {
  ConceptCount,
  Cooccurrence,
  GraphStats,
  ListPapersOptions,
  Page,
  PageRequest,
  PaperConceptLink,
  PaperSort,
  RelatedPaperResult,
  StoredConcept,
  StoredPaper,
  TimeBucket,
  TimeGranularity,
} from '../types.js';

export interface MemoryStoreOptions {
  /** Concepts in more papers than this are not traversed to find related papers (see `selectExpansion`). Default 10 000. */
  maxConceptFanout?: number;
}

type Link = PaperConceptLink & { type: ConceptType };

interface PaperEntry {
  paper: StoredPaper;
  terms: Set<string>;
  /** By concept id. */
  links: Map<string, Link>;
}

interface ConceptEntry extends ConceptState {
  id: string;
  papers: Set<string>;
  keys: string[];
}

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

function paperComparator(sort: PaperSort): (a: PaperEntry, b: PaperEntry) => number {
  const byId = (a: PaperEntry, b: PaperEntry) => compareStrings(a.paper.id, b.paper.id);
  const byDate = (direction: 1 | -1) => (a: PaperEntry, b: PaperEntry) => {
    const x = a.paper.published;
    const y = b.paper.published;
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || byId(a, b);
    return direction * compareStrings(x, y) || byId(a, b);
  };
  switch (sort) {
    case 'TITLE':
      return (a, b) => compareStrings(a.paper.title, b.paper.title) || byId(a, b);
    case 'NEWEST':
      return byDate(-1);
    case 'OLDEST':
      return byDate(1);
    case 'MOST_CONCEPTS':
      return (a, b) => b.links.size - a.links.size || byId(a, b);
  }
}

/**
 * The `limit` smallest ids of `ids` (without `skip`), sorted. A bounded max-heap, so a hub-only source costs
 * one cheap comparison per hub paper instead of sorting all of them (bench/related-hub.bench.ts: sorting
 * 180 000 hub ids was most of a hub-only query).
 */
function smallestIds(ids: Iterable<string>, skip: string, limit: number): string[] {
  const heap: string[] = [];
  if (limit <= 0) return heap;
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j] as string, heap[i] as string];
  };
  for (const id of ids) {
    if (id === skip) continue;
    let i: number;
    if (heap.length < limit) {
      heap.push(id);
      for (i = heap.length - 1; i > 0 && (heap[(i - 1) >> 1] as string) < (heap[i] as string); i = (i - 1) >> 1) {
        swap(i, (i - 1) >> 1);
      }
    } else if (id < (heap[0] as string)) {
      heap[0] = id;
      for (i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let largest = i;
        if (l < heap.length && (heap[l] as string) > (heap[largest] as string)) largest = l;
        if (r < heap.length && (heap[r] as string) > (heap[largest] as string)) largest = r;
        if (largest === i) break;
        swap(i, largest);
        i = largest;
      }
    }
  }
  return heap.sort(compareStrings);
}

function page<T>(items: T[], request: PageRequest): Page<T> {
  const { first, offset } = checkPage(request);
  return { items: items.slice(offset, offset + first), totalCount: items.length };
}

/**
 * The in-process store: plain Maps with the indexes that keep reads off full scans (concept → papers,
 * paper → links, name key → concepts, broader → narrower, search term → papers). Writes validate the whole
 * batch first and cannot fail after that, which is what makes them all-or-nothing.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): GraphStore {
  const maxConceptFanout = options.maxConceptFanout ?? DEFAULT_MAX_CONCEPT_FANOUT;
  const papers = new Map<string, PaperEntry>();
  const concepts = new Map<string, ConceptEntry>();
  const byKey = new Map<string, Set<string>>();
  const byBroader = new Map<string, Set<string>>();
  const byTerm = new Map<string, Set<string>>();

  const toConcept = (c: ConceptEntry): StoredConcept => ({
    id: c.id,
    name: c.name,
    type: c.type,
    aliases: [...c.aliases],
    broader: c.broader,
    paperCount: c.papers.size,
  });
  const toPaper = (p: PaperEntry): StoredPaper => structuredClone(p.paper);
  // Keys built before sorting, not in the comparator, which runs about log n times per entry.
  const byRank = (entries: ConceptEntry[]): ConceptEntry[] =>
    entries
      .map((entry) => ({ entry, paperCount: entry.papers.size, name: entry.name, id: entry.id }))
      .sort(compareConceptRank)
      .map(({ entry }) => entry);

  function unlink(paperId: string, conceptId: string, touched: Set<string>): void {
    concepts.get(conceptId)?.papers.delete(paperId);
    touched.add(conceptId);
  }

  function removeOrphans(conceptIds: Iterable<string>): void {
    for (const id of conceptIds) {
      const concept = concepts.get(id);
      if (concept === undefined || concept.papers.size > 0) continue;
      concepts.delete(id);
      for (const key of concept.keys) removeFrom(byKey, key, id);
      if (concept.broader !== null) removeFrom(byBroader, concept.broader, id);
    }
  }

  function writePaper(prepared: PreparedPaper, touched: Set<string>): void {
    const { paper } = prepared;
    const previous = papers.get(paper.id);
    const links = new Map(prepared.links.map((link) => [link.conceptId, structuredClone(link)]));
    if (previous !== undefined) {
      for (const conceptId of previous.links.keys()) {
        if (!links.has(conceptId)) unlink(paper.id, conceptId, touched);
      }
      for (const term of previous.terms) removeFrom(byTerm, term, paper.id);
    }
    const terms = new Set(prepared.searchText === '' ? [] : prepared.searchText.split(' '));
    for (const term of terms) addTo(byTerm, term, paper.id);
    for (const conceptId of links.keys()) concepts.get(conceptId)?.papers.add(paper.id);
    papers.set(paper.id, { paper: structuredClone(paper), terms, links });
  }

  function matchingPapers(options: ListPapersOptions): PaperEntry[] {
    const filter = options.filter ?? {};
    const types = checkTypes(filter.conceptTypes);
    const terms = [...new Set(searchTerms(filter.query ?? ''))];
    // Start from the narrowest index, then check every condition on each survivor.
    let ids: Iterable<string> = papers.keys();
    const sets = [
      ...terms.map((term) => byTerm.get(term) ?? new Set<string>()),
      ...(filter.allConcepts ?? []).map((id) => concepts.get(id)?.papers ?? new Set<string>()),
    ];
    if (sets.length > 0) ids = sets.reduce((a, b) => (b.size < a.size ? b : a));
    const result: PaperEntry[] = [];
    for (const id of ids) {
      const entry = papers.get(id) as PaperEntry;
      const ok =
        terms.every((term) => entry.terms.has(term)) &&
        (filter.allConcepts ?? []).every((c) => entry.links.has(c)) &&
        (filter.anyConcepts === undefined || filter.anyConcepts.some((c) => entry.links.has(c))) &&
        (types === undefined || [...entry.links.values()].some((link) => types.includes(link.type)));
      if (ok) result.push(entry);
    }
    return result;
  }

  function topConceptEntries(type: ConceptType | undefined, first: number): ConceptEntry[] {
    return byRank([...concepts.values()].filter((c) => type === undefined || c.type === type)).slice(0, first);
  }

  const frequency = (link: Link): ConceptFrequency => ({
    conceptId: link.conceptId,
    paperCount: concepts.get(link.conceptId)?.papers.size ?? 0,
  });

  function relatedPapers(
    paperId: string,
    first: number,
    types: ConceptType[] | undefined,
    minShared: number | undefined,
  ): RelatedPaperResult[] {
    const source = papers.get(paperId);
    if (source === undefined) return [];
    const ofTypes = (entry: PaperEntry) =>
      [...entry.links.values()].filter((link) => types === undefined || types.includes(link.type)).map(frequency);
    const sourceConcepts = ofTypes(source);
    const expansion = selectExpansion(sourceConcepts, maxConceptFanout);
    let candidateIds = new Set<string>();
    if (expansion.limit === null) {
      for (const conceptId of expansion.conceptIds) {
        for (const id of concepts.get(conceptId)?.papers ?? []) if (id !== paperId) candidateIds.add(id);
      }
    } else {
      const hub = concepts.get(expansion.conceptIds[0] as string)?.papers ?? new Set<string>();
      candidateIds = new Set(smallestIds(hub, paperId, expansion.limit));
    }
    return scoreRelated({
      totalPapers: papers.size,
      source: sourceConcepts,
      candidates: [...candidateIds].map((id) => ({ paperId: id, concepts: ofTypes(papers.get(id) as PaperEntry) })),
      minShared,
      first,
    });
  }

  function relatedConcepts(conceptId: string, first: number, type: ConceptType | undefined): ConceptCount[] {
    const counts = new Map<string, number>();
    for (const paperId of concepts.get(conceptId)?.papers ?? []) {
      for (const link of (papers.get(paperId) as PaperEntry).links.values()) {
        if (link.conceptId === conceptId || (type !== undefined && link.type !== type)) continue;
        counts.set(link.conceptId, (counts.get(link.conceptId) ?? 0) + 1);
      }
    }
    return [...counts]
      .map(([id, count]) => ({ conceptId: id, count }))
      .sort((a, b) => b.count - a.count || compareStrings(a.conceptId, b.conceptId))
      .slice(0, first);
  }

  function timeline(conceptId: string, granularity: TimeGranularity): TimeBucket[] {
    const counts = new Map<string, number>();
    for (const paperId of concepts.get(conceptId)?.papers ?? []) {
      const published = (papers.get(paperId) as PaperEntry).paper.published;
      if (published === null) continue;
      const period = periodOf(published, granularity);
      counts.set(period, (counts.get(period) ?? 0) + 1);
    }
    return [...counts]
      .map(([period, count]) => ({ period, count }))
      .sort((a, b) => compareStrings(a.period, b.period));
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
      for (const incoming of batch.concepts) {
        const existing = concepts.get(incoming.id);
        const merged = mergeConcept(existing ?? null, incoming);
        const keys = conceptKeys(merged);
        for (const key of keys) addTo(byKey, key, incoming.id);
        // The first broader id sticks (mergeConcept), so only a concept that had none gains an index entry.
        if ((existing?.broader ?? null) === null && merged.broader !== null) addTo(byBroader, merged.broader, incoming.id);
        concepts.set(incoming.id, { ...merged, id: incoming.id, papers: existing?.papers ?? new Set(), keys });
      }
      const touched = new Set<string>();
      for (const prepared of batch.papers) writePaper(prepared, touched);
      removeOrphans(touched);
      return { papers: batch.papers.length, concepts: batch.concepts.length };
    },

    async deletePaper(id) {
      const entry = papers.get(id);
      if (entry === undefined) return false;
      const touched = new Set<string>();
      for (const conceptId of entry.links.keys()) unlink(id, conceptId, touched);
      for (const term of entry.terms) removeFrom(byTerm, term, id);
      papers.delete(id);
      removeOrphans(touched);
      return true;
    },

    async getPapers(ids) {
      return ids.map((id) => {
        const entry = papers.get(id);
        return entry === undefined ? null : toPaper(entry);
      });
    },

    async getConcepts(ids) {
      return ids.map((id) => {
        const concept = concepts.get(id);
        return concept === undefined ? null : toConcept(concept);
      });
    },

    async getPaperConcepts(paperIds, types) {
      checkTypes(types);
      return paperIds.map((id) => {
        const links = [...(papers.get(id)?.links.values() ?? [])].filter(
          (link) => types === undefined || types.includes(link.type),
        );
        return sortPaperLinks(
          links.map(({ type, ...link }) => ({ link: structuredClone(link), type })),
        );
      });
    },

    async findConceptByName(name) {
      const ids = byKey.get(canonicalKey(name));
      if (ids === undefined) return null;
      const best = [...ids]
        .map((id) => concepts.get(id) as ConceptEntry)
        .sort((a, b) => b.papers.size - a.papers.size || compareStrings(a.id, b.id))[0];
      return best === undefined ? null : toConcept(best);
    },

    async listPapers(options) {
      const sort = checkSort(options.sort);
      const result = page(matchingPapers(options).sort(paperComparator(sort)), options);
      return { items: result.items.map(toPaper), totalCount: result.totalCount };
    },

    async listConcepts(options) {
      const type = checkType(options.type);
      checkPage(options);
      const query = options.query?.toLowerCase();
      const matches = byRank(
        [...concepts.values()]
          .filter((c) => type === undefined || c.type === type)
          .filter(
            (c) =>
              query === undefined ||
              c.name.toLowerCase().includes(query) ||
              c.aliases.some((alias) => alias.toLowerCase().includes(query)),
          ),
      );
      const result = page(matches, options);
      return { items: result.items.map(toConcept), totalCount: result.totalCount };
    },

    async getConceptPapers(conceptIds, request) {
      checkPage(request);
      return conceptIds.map((conceptId) => {
        const entries = [...(concepts.get(conceptId)?.papers ?? [])]
          .map((id) => papers.get(id) as PaperEntry)
          .sort(paperComparator('TITLE'));
        const result = page(entries, request);
        return { items: result.items.map(toPaper), totalCount: result.totalCount };
      });
    },

    async getRelatedPapers(paperIds, options) {
      const first = checkCount('first', options.first);
      const types = checkTypes(options.types);
      return paperIds.map((paperId) => relatedPapers(paperId, first, types, options.minShared));
    },

    async getRelatedConcepts(conceptIds, options) {
      const first = checkCount('first', options.first);
      const type = checkType(options.type);
      return conceptIds.map((conceptId) => relatedConcepts(conceptId, first, type));
    },

    async getNarrowerConcepts(conceptIds) {
      return conceptIds.map((conceptId) =>
        [...(byBroader.get(conceptId) ?? [])]
          .map((id) => concepts.get(id) as ConceptEntry)
          .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id))
          .map(toConcept),
      );
    },

    async stats(): Promise<GraphStats> {
      let mentions = 0;
      for (const entry of papers.values()) for (const link of entry.links.values()) mentions += link.mentions.length;
      const byType = CONCEPT_TYPES.map((type) => ({ type, count: 0 }));
      for (const concept of concepts.values()) {
        const bucket = byType.find((b) => b.type === concept.type);
        if (bucket !== undefined) bucket.count += 1;
      }
      return { papers: papers.size, concepts: concepts.size, mentions, byType };
    },

    async topConcepts(options) {
      return topConceptEntries(checkType(options.type), checkCount('first', options.first)).map(toConcept);
    },

    async cooccurrence(options): Promise<Cooccurrence> {
      const first = checkCount('first', options.first);
      const rows = topConceptEntries(checkType(options.rowType), first).map((c) => c.id);
      const columns = topConceptEntries(checkType(options.columnType), first).map((c) => c.id);
      const cells: Cooccurrence['cells'] = [];
      for (const row of rows) {
        const counts = new Map<string, number>();
        for (const paperId of concepts.get(row)?.papers ?? []) {
          const links = (papers.get(paperId) as PaperEntry).links;
          for (const column of columns) if (links.has(column)) counts.set(column, (counts.get(column) ?? 0) + 1);
        }
        for (const column of columns) {
          const count = counts.get(column);
          if (count !== undefined) cells.push({ row, column, count });
        }
      }
      return { rows, columns, cells };
    },

    async conceptTimeline(conceptIds, granularity) {
      checkGranularity(granularity);
      return conceptIds.map((conceptId) => timeline(conceptId, granularity));
    },
  };
}
