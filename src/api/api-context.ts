import type { Logger } from '../config/index.js';
import type { GraphStore } from '../graph/index.js';
import type { ExtractionPool } from '../nlp/index.js';
import { createLoaders, type Loaders } from './create-loaders.js';

/** What every resolver receives: built fresh for each operation, so loader caches never outlive it. */
export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  logger: Logger;
  /** The API key the caller presented (`Authorization: Bearer …`), or null. Checked before mutations run. */
  presentedApiKey: string | null;
  /** Runs `extract` off the event loop, bounded in time. */
  extractor: Pick<ExtractionPool, 'extract'>;
}

export function createApiContext(options: Omit<ApiContext, 'loaders'>): ApiContext {
  return { ...options, loaders: createLoaders(options.store) };
}
