import DataLoader from 'dataloader';
import type {
  ConceptCount,
  GraphStore,
  Page,
  PaperConceptLink,
  PaperPageRequest,
  RelatedConceptsOptions,
  RelatedOptions,
  RelatedPaperResult,
  SharedTerm,
  StoredConcept,
  StoredPaper,
  TextMatch,
  TimeBucket,
  TimeGranularity,
} from '../graph/index.js';

/**
 * Loaders for a field with arguments: the store answers one argument set for many ids, so each distinct
 * argument set gets its own DataLoader (its own batch and cache).
 */
export interface LoaderFamily<A extends object, V> {
  load(id: string, args: A): Promise<V>;
  /** Caches an answer read another way (e.g. with its parent), so `load` with the same arguments reuses it. */
  prime(id: string, args: A, value: V): void;
  clearAll(): void;
}

/** Per-request loaders: every lookup made while resolving one operation is batched into one store call. */
export interface Loaders {
  paper: DataLoader<string, StoredPaper | null>;
  concept: DataLoader<string, StoredConcept | null>;
  /** All concept links of a paper; resolvers filter by type, so one batch serves every `type` argument. */
  paperConcepts: DataLoader<string, PaperConceptLink[]>;
  relatedPapers: LoaderFamily<RelatedOptions, RelatedPaperResult[]>;
  relatedConcepts: LoaderFamily<RelatedConceptsOptions, ConceptCount[]>;
  conceptPapers: LoaderFamily<PaperPageRequest, Page<StoredPaper>>;
  conceptTimeline: LoaderFamily<{ granularity: TimeGranularity }, TimeBucket[]>;
  narrowerConcepts: DataLoader<string, StoredConcept[]>;
  /** `RelatedPaper.sharedTerms`: every explanation asked for in a request, in one store call. */
  sharedTerms: DataLoader<TextMatch, SharedTerm[], string>;
}

export function loaderFamily<A extends object, V>(
  batch: (ids: readonly string[], args: A) => Promise<V[]>,
  options: DataLoader.Options<string, V> = {},
): LoaderFamily<A, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  const loaderFor = (args: A) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (loader === undefined) {
      loader = new DataLoader((ids) => batch(ids, args), options);
      loaders.set(key, loader);
    }
    return loader;
  };
  return {
    load: (id, args) => loaderFor(args).load(id),
    prime(id, args, value) {
      loaderFor(args).prime(id, value);
    },
    clearAll: () => loaders.clear(),
  };
}

/**
 * Most sources one related-papers store call, one Neo4j read transaction, takes: each source scores up to
 * `TEXT_CANDIDATES` + `conceptBudget` candidates in the database, so a batch stays a bounded transaction.
 */
export const MAX_RELATED_PAPERS_BATCH = 20;

export function createLoaders(store: GraphStore): Loaders {
  return {
    paper: new DataLoader((ids) => store.getPapers(ids)),
    concept: new DataLoader((ids) => store.getConcepts(ids)),
    paperConcepts: new DataLoader((ids) => store.getPaperConcepts(ids)),
    relatedPapers: loaderFamily((ids, options) => store.getRelatedPapers(ids, options), {
      maxBatchSize: MAX_RELATED_PAPERS_BATCH,
    }),
    relatedConcepts: loaderFamily((ids, options) => store.getRelatedConcepts(ids, options)),
    conceptPapers: loaderFamily((ids, page) => store.getConceptPapers(ids, page)),
    conceptTimeline: loaderFamily((ids, { granularity }) => store.conceptTimeline(ids, granularity)),
    narrowerConcepts: new DataLoader((ids) => store.getNarrowerConcepts(ids)),
    sharedTerms: new DataLoader((matches) => store.explainTextMatches(matches), {
      cacheKeyFn: (match) =>
        `${match.paperId}\u0000${match.textScore}\u0000${match.query.map((t) => `${t.term}:${t.count}`).join(' ')}`,
    }),
  };
}

/** After a write every cached answer may be stale: counts, rankings and neighbourhoods all move. */
export function clearLoaders(loaders: Loaders): void {
  for (const loader of Object.values(loaders)) loader.clearAll();
}
