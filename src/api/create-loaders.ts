import DataLoader from 'dataloader';
import type { GraphStore, PaperConceptLink, StoredConcept, StoredPaper } from '../graph/index.js';

/** Per-request loaders: every lookup made while resolving one operation is batched into one store call. */
export interface Loaders {
  paper: DataLoader<string, StoredPaper | null>;
  concept: DataLoader<string, StoredConcept | null>;
  /** All concept links of a paper; resolvers filter by type, so one batch serves every `type` argument. */
  paperConcepts: DataLoader<string, PaperConceptLink[]>;
}

export function createLoaders(store: GraphStore): Loaders {
  return {
    paper: new DataLoader((ids) => store.getPapers(ids)),
    concept: new DataLoader((ids) => store.getConcepts(ids)),
    paperConcepts: new DataLoader((ids) => store.getPaperConcepts(ids)),
  };
}
