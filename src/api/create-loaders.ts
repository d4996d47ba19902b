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

function loaderFamily<A extends object, V>(batch: (ids: readonly string[], args: A) => Promise<V[]>): LoaderFamily<A, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return {
    load(id, args) {
      // Sorted property names, so the same arguments built in another order share a loader; undefined
      // properties drop out, as they mean the default.
      const key = JSON.stringify(args, Object.keys(args).sort());
      let loader = loaders.get(key);
      if (loader === undefined) {
        loader = new DataLoader((ids) => batch(ids, args));
        loaders.set(key, loader);
      }
      return loader.load(id);
    },
    clearAll: () => loaders.clear(),
  };
}

export function createLoaders(store: GraphStore): Loaders {
  return {
    paper: new DataLoader((ids) => store.getPapers(ids)),
    concept: new DataLoader((ids) => store.getConcepts(ids)),
    paperConcepts: new DataLoader((ids) => store.getPaperConcepts(ids)),
    relatedPapers: loaderFamily((ids, options) => store.getRelatedPapers(ids, options)),
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
