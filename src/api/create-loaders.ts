import DataLoader from 'dataloader';
import type {
  ConceptCount,
  GraphStore,
  Page,
  PageRequest,
  PaperConceptLink,
  RelatedConceptsOptions,
  RelatedOptions,
  RelatedPaperResult,
  StoredConcept,
  StoredPaper,
  TimeBucket,
  TimeGranularity,
} from '../graph/index.js';

/**
 * Loaders for a field with arguments: the store answers one argument set for many ids, so each distinct
 * argument set gets its own DataLoader (its own batch and cache).
 */
export interface LoaderFamily<A extends object, V> {
  load(id: string, args: A): Promise<V>;
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
  conceptPapers: LoaderFamily<PageRequest, Page<StoredPaper>>;
  conceptTimeline: LoaderFamily<{ granularity: TimeGranularity }, TimeBucket[]>;
  narrowerConcepts: DataLoader<string, StoredConcept[]>;
}

export function loaderFamily<A extends object, V>(
  batch: (ids: readonly string[], args: A) => Promise<V[]>,
  options: DataLoader.Options<string, V> = {},
): LoaderFamily<A, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return {
    load(id, args) {
      const key = JSON.stringify(args);
      let loader = loaders.get(key);
      if (loader === undefined) {
        loader = new DataLoader((ids) => batch(ids, args), options);
        loaders.set(key, loader);
      }
      return loader.load(id);
    },
    clearAll: () => loaders.clear(),
  };
}

/**
 * Most sources one related-papers store call, one Neo4j read transaction, takes. A source whose concepts are
 * all hubs scores up to `maxConceptFanout` (10,000) candidates, so a page of 100 of them in one call is a
 * transaction of a million candidate rows: 21 s on the bench corpus (50,000 papers, 2 CPUs), against 5.6 s for
 * 20; mixed sources cost about 15 ms each either way. A page's batches run at once, so smaller batches trade
 * shorter transactions for more of them open together: 100 hub-only sources took 24 s and 470 MB of this
 * process's heap in batches of 20, 20 s and 240 MB in one, 26 s and 815 MB in batches of 10.
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
  };
}

/** After a write every cached answer may be stale: counts, rankings and neighbourhoods all move. */
export function clearLoaders(loaders: Loaders): void {
  for (const loader of Object.values(loaders)) loader.clearAll();
}
