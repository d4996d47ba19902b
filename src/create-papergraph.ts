import { createGraphQLExecutor, type GraphQLOperation, type GraphQLResponse } from './api/index.js';
import { createSilentLogger, type Config, type Logger } from './config/index.js';
import {
  createGraphStore,
  createMemoryStore,
  ingestPapers,
  textQueryTerms,
  type GraphStore,
  type RelatedOptions,
  type RelatedPaperResult,
  type WriteResult,
} from './graph/index.js';
import {
  readPaperSources,
  validatePaperInputs,
  type ReadPapersOptions,
  type RecordError,
} from './ingest/index.js';
import { extractConcepts, type Extraction } from './nlp/index.js';

export interface PapergraphOptions {
  /** The store to use. Default: from `config` (Neo4j when `config.neo4j` is set), else a new in-process store. */
  store?: GraphStore;
  /** Default: none, so the in-process store, and mutations through `execute` are refused (no API key). */
  config?: Config;
  /** Default: a logger that drops everything. */
  logger?: Logger;
}

export interface IngestReport extends WriteResult {
  /** The records that were refused, each with its position (1-based) or file and line. */
  errors: RecordError[];
}

/** papergraph in-process: ingest, extract and GraphQL without HTTP. */
export interface Papergraph {
  readonly store: GraphStore;
  /** Validates raw records (`PaperInput` shape); the good ones are extracted and written, the bad reported. */
  ingest(papers: readonly unknown[]): Promise<IngestReport>;
  /** Reads files or directories (page format or JSON Lines) and ingests them like `ingest`. */
  ingestFiles(paths: readonly string[], options?: ReadPapersOptions): Promise<IngestReport>;
  /** Runs the NLP pass on one text; stores nothing. */
  extract(input: { abstract: string; title?: string }): Extraction;
  /**
   * Papers related to a text that is not in the graph, as `Query.relatedToText`: the text's concepts are
   * extracted, then candidates are found and scored as `Paper.related` does. Default 10 results, HYBRID.
   */
  relatedToText(
    input: { text: string; title?: string },
    options?: Partial<RelatedOptions>,
  ): Promise<RelatedPaperResult[]>;
  /** Runs a GraphQL operation against the store, with the HTTP server's schema, limits and auth. */
  execute(operation: GraphQLOperation): Promise<GraphQLResponse>;
  /** Stops the executor and closes the store. */
  close(): Promise<void>;
}

export async function createPapergraph(options: PapergraphOptions = {}): Promise<Papergraph> {
  const logger = options.logger ?? createSilentLogger();
  const store =
    options.store ?? (options.config ? createGraphStore({ config: options.config, logger }) : createMemoryStore());
  await store.init();
  const executor = createGraphQLExecutor({
    store,
    logger,
    ...(options.config ? { config: { apiKey: options.config.apiKey } } : {}),
  });
  const write = async (papers: Parameters<typeof ingestPapers>[1], errors: RecordError[]) => ({
    ...(await ingestPapers(store, papers)),
    errors,
  });
  return {
    store,
    async ingest(papers) {
      const { papers: valid, errors } = validatePaperInputs(papers);
      return write(valid, errors);
    },
    async ingestFiles(paths, readOptions = {}) {
      const { papers, errors } = await readPaperSources(paths, readOptions);
      return write(papers, errors);
    },
    extract: ({ abstract, title }) => extractConcepts({ title: title ?? '', abstract }),
    relatedToText: ({ text, title }, relatedOptions = {}) =>
      store.getRelatedToText(
        {
          query: textQueryTerms(title ?? '', text),
          conceptIds: extractConcepts({ title: title ?? '', abstract: text }).concepts.map((c) => c.id),
        },
        { first: 10, ...relatedOptions },
      ),
    execute: (operation) => executor.execute(operation),
    async close() {
      await executor.stop();
      await store.close();
    },
  };
}
