import { PapergraphError } from '../errors/index.js';
import { isExtractionRefusedError } from '../nlp/index.js';
import type { ConceptType } from '../nlp/index.js';
import { getArgumentValues } from 'graphql';
import type { FieldNode, FragmentDefinitionNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import type {
  ListPapersOptions,
  Page,
  PaperFilter,
  PaperPageRequest,
  QueryTerm,
  RelatedBy,
  RelatedOptions,
  RelatedPaperResult,
  StoredConcept,
  StoredPaper,
} from '../graph/index.js';
import { ingestPapers, textQueryTerms } from '../graph/index.js';
import { PAPER_LIMITS, isWellFormedText, validatePaperInputs } from '../ingest/index.js';
import type { ApiContext } from './api-context.js';
import { clearLoaders } from './create-loaders.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { ConnectionModel, EdgeModel, RelatedPaperModel } from './models.js';
import { encodeCursor } from './page-cursor.js';
import { checkFirst, pageArguments } from './page-arguments.js';
import { paperFieldsOfConnection, selectedFields } from './selected-paper-fields.js';

/** Most papers one `ingestPapers` call accepts: one atomic store write must stay bounded. */
export const MAX_INGEST_BATCH = 1000;

function connection<T>(page: Page<T>, offset: number): ConnectionModel<T> {
  return { items: page.items, totalCount: page.totalCount, offset, ...(page.keys === undefined ? {} : { keys: page.keys }) };
}

function edges<T>(model: ConnectionModel<T>): EdgeModel<T>[] {
  return model.items.map((node, index) => {
    const key = model.keys?.[index];
    return { node, position: model.offset + index, ...(key === undefined ? {} : { key }) };
  });
}

const cursorAt = <T>(model: ConnectionModel<T>, index: number) => encodeCursor(model.offset + index, model.keys?.[index]);

function pageInfo<T>(model: ConnectionModel<T>) {
  const count = model.items.length;
  return {
    hasNextPage: model.offset + count < model.totalCount,
    hasPreviousPage: model.offset > 0,
    startCursor: count === 0 ? null : cursorAt(model, 0),
    endCursor: count === 0 ? null : cursorAt(model, count - 1),
  };
}

/**
 * The store request for `Concept.papers` with these arguments and this selection: built in one place so the
 * one-trip read of `conceptByName` primes the same loader key that `Concept.papers` then asks for.
 */
function conceptPapersRequest(
  args: { first: number; after?: string | null },
  selection: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): PaperPageRequest {
  const fields = paperFieldsOfConnection(selection, fragments);
  return { ...pageArguments(args.first, args.after), ...(fields === undefined ? {} : { fields }) };
}

/** The first `papers(…)` selection under a `Concept` field, with its argument values; null when none. */
function conceptPapersSelection(info: GraphQLResolveInfo): { args: { first: number; after?: string | null }; node: FieldNode } | null {
  const node = selectedFields(info.fieldNodes, info.fragments).get('papers')?.[0];
  const definition = (info.schema.getType('Concept') as GraphQLObjectType).getFields().papers;
  if (node === undefined || definition === undefined) return null;
  return { args: getArgumentValues(definition, node, info.variableValues) as { first: number; after?: string | null }, node };
}

/** Links and results name their concepts and papers by id; the loader batches those lookups per request. */
async function loadConcept(context: ApiContext, id: string): Promise<StoredConcept> {
  const concept = await context.loaders.concept.load(id);
  if (concept === null) throw new PapergraphError('NOT_FOUND', `concept "${id}" no longer exists`);
  return concept;
}

async function loadPaper(context: ApiContext, id: string): Promise<StoredPaper> {
  const paper = await context.loaders.paper.load(id);
  if (paper === null) throw new PapergraphError('NOT_FOUND', `paper "${id}" no longer exists`);
  return paper;
}

function primePapers(context: ApiContext, papers: readonly StoredPaper[]): void {
  for (const paper of papers) context.loaders.paper.prime(paper.id, paper);
}

function primeConcepts(context: ApiContext, concepts: readonly StoredConcept[]): void {
  for (const concept of concepts) context.loaders.concept.prime(concept.id, concept);
}

function checkText(argument: string, value: string, max: number): string {
  if (value.length > max) {
    throw new PapergraphError('BAD_USER_INPUT', `${argument} is longer than ${max} characters`, {
      details: { argument, max },
    });
  }
  if (!isWellFormedText(value)) {
    throw new PapergraphError('BAD_USER_INPUT', `${argument} contains an unpaired surrogate (not valid Unicode)`, {
      details: { argument },
    });
  }
  return value;
}

/**
 * A refused extraction: a text that ran out of time is the request's cost (shorter text passes); a full queue is
 * the server's load, which a retry can outlast. A worker that failed is a bug, masked as internal.
 */
function extractionError(error: unknown): unknown {
  if (!isExtractionRefusedError(error)) return error;
  if (error.reason === 'TIMEOUT') {
    return new PapergraphError('BAD_USER_INPUT', `extract took longer than ${error.limitMillis} ms; send a shorter text`, {
      details: { limit: 'extractTime', maxMillis: error.limitMillis },
    });
  }
  if (error.reason === 'BUSY') {
    return new PapergraphError('GRAPH_UNAVAILABLE', 'The server is busy extracting other texts; retry later.', {
      details: { reason: 'BUSY' },
    });
  }
  return new PapergraphError('INTERNAL_SERVER_ERROR', error.message, { cause: error });
}

function relatedOptions(args: {
  first?: number | null;
  by?: RelatedBy | null;
  types?: ConceptType[] | null;
  minShared?: number | null;
}): RelatedOptions {
  const minShared = args.minShared ?? 0;
  if (!Number.isInteger(minShared) || minShared < 0) {
    throw new PapergraphError('BAD_USER_INPUT', `minShared must be 0 or more, got ${minShared}`, {
      details: { argument: 'minShared' },
    });
  }
  return {
    first: checkFirst(args.first ?? 10),
    by: args.by ?? 'HYBRID',
    minShared,
    ...(args.types == null ? {} : { types: args.types }),
  };
}

const withSource = (results: readonly RelatedPaperResult[], source: RelatedPaperModel['source']): RelatedPaperModel[] =>
  results.map((result) => ({ ...result, source }));

/** The query terms `sharedTerms` explains a text score against: the source text's, or the source paper's. */
async function sourceQuery(context: ApiContext, source: RelatedPaperModel['source']): Promise<QueryTerm[]> {
  if ('query' in source) return source.query;
  const paper = await loadPaper(context, source.paperId);
  return textQueryTerms(paper.title, paper.abstract);
}

export const resolvers: Resolvers = {
  Query: {
    paper: (_parent, { id }, context) => context.loaders.paper.load(id),

    papers: async (_parent, args, context, info) => {
      const page = pageArguments(args.first, args.after);
      const filter: PaperFilter = {};
      if (args.query != null) filter.query = args.query;
      if (args.allConcepts != null) filter.allConcepts = args.allConcepts;
      if (args.anyConcepts != null) filter.anyConcepts = args.anyConcepts;
      if (args.conceptTypes != null) filter.conceptTypes = args.conceptTypes;
      const fields = paperFieldsOfConnection(info.fieldNodes, info.fragments);
      const options: ListPapersOptions = { ...page, filter, sort: args.sort ?? 'TITLE', ...(fields === undefined ? {} : { fields }) };
      const result = await context.store.listPapers(options);
      // Only whole papers may answer later lookups by id.
      if (fields === undefined) primePapers(context, result.items);
      return connection(result, page.offset);
    },

    concept: (_parent, { id }, context) => context.loaders.concept.load(id),

    conceptByName: async (_parent, { name }, context, info) => {
      // A concept page asks for the concept and its first papers: both in one store call when it does.
      const selection = conceptPapersSelection(info);
      const request = selection === null ? undefined : conceptPapersRequest(selection.args, [selection.node], info.fragments);
      const found = await context.store.findConceptByName(name, request === undefined ? {} : { papers: request });
      if (found === null) return null;
      const { papers, ...concept } = found;
      if (request !== undefined && papers !== undefined) context.loaders.conceptPapers.prime(concept.id, request, papers);
      primeConcepts(context, [concept]);
      return concept;
    },

    concepts: async (_parent, args, context) => {
      const page = pageArguments(args.first, args.after);
      const result = await context.store.listConcepts({
        ...page,
        ...(args.type == null ? {} : { type: args.type }),
        ...(args.query == null ? {} : { query: args.query }),
      });
      primeConcepts(context, result.items);
      return connection(result, page.offset);
    },

    stats: (_parent, _args, context) => context.store.stats(),

    topConcepts: async (_parent, args, context) => {
      const concepts = await context.store.topConcepts({
        first: checkFirst(args.first),
        ...(args.type == null ? {} : { type: args.type }),
      });
      primeConcepts(context, concepts);
      return concepts;
    },

    cooccurrence: (_parent, args, context) =>
      context.store.cooccurrence({ rowType: args.rowType, columnType: args.columnType, first: checkFirst(args.first) }),

    relatedToText: async (_parent, args, context) => {
      const title = checkText('title', args.title ?? '', PAPER_LIMITS.titleLength);
      const text = checkText('text', args.text, PAPER_LIMITS.abstractLength);
      const options = relatedOptions(args);
      let extraction;
      try {
        extraction = await context.extractor.extract({ title, abstract: text });
      } catch (error) {
        throw extractionError(error);
      }
      const query = textQueryTerms(title, text);
      const conceptIds = extraction.concepts.map((c) => c.id);
      return withSource(await context.store.getRelatedToText({ query, conceptIds }, options), { query });
    },

    extract: async (_parent, { text, title }, context) => {
      const input = {
        title: checkText('title', title ?? '', PAPER_LIMITS.titleLength),
        abstract: checkText('text', text, PAPER_LIMITS.abstractLength),
      };
      try {
        return await context.extractor.extract(input);
      } catch (error) {
        throw extractionError(error);
      }
    },
  },

  Mutation: {
    ingestPapers: async (_parent, { papers }, context) => {
      if (papers.length > MAX_INGEST_BATCH) {
        throw new PapergraphError(
          'BAD_USER_INPUT',
          `papers: at most ${MAX_INGEST_BATCH} papers per call, got ${papers.length}; split the batch`,
          { details: { argument: 'papers', max: MAX_INGEST_BATCH } },
        );
      }
      const { papers: records, errors } = validatePaperInputs(papers, 'input');
      // One store batch for the whole call, so the valid papers land together or not at all.
      const written =
        records.length === 0
          ? { papers: 0, concepts: 0 }
          : await ingestPapers(context.store, records, { batchSize: records.length });
      clearLoaders(context.loaders);
      return {
        ingested: written.papers,
        concepts: written.concepts,
        paperIds: records.map((record) => record.id),
        errors: errors.map((error) => ({ index: error.line - 1, message: error.message })),
      };
    },

    deletePaper: async (_parent, { id }, context) => {
      const deleted = await context.store.deletePaper(id);
      clearLoaders(context.loaders);
      return deleted;
    },
  },

  IngestResult: {
    papers: (parent, _args, context) => Promise.all(parent.paperIds.map((id) => loadPaper(context, id))),
  },

  Paper: {
    concepts: async (parent, { type }, context) => {
      const links = await context.loaders.paperConcepts.load(parent.id);
      return type == null ? links : links.filter((link) => link.conceptId.startsWith(`${type.toLowerCase()}:`));
    },
    related: async (parent, args, context) =>
      withSource(await context.loaders.relatedPapers.load(parent.id, relatedOptions(args)), { paperId: parent.id }),
  },

  PaperConcept: {
    concept: (parent, _args, context) => loadConcept(context, parent.conceptId),
  },

  Stats: {
    timeline: (_parent, { granularity }, context) => context.store.papersTimeline(granularity ?? 'YEAR'),
  },

  Concept: {
    papers: async (parent, args, context, info) => {
      const request = conceptPapersRequest(args, info.fieldNodes, info.fragments);
      const result = await context.loaders.conceptPapers.load(parent.id, request);
      if (request.fields === undefined) primePapers(context, result.items);
      return connection(result, request.offset ?? 0);
    },
    related: (parent, args, context) =>
      context.loaders.relatedConcepts.load(parent.id, {
        first: checkFirst(args.first),
        ...(args.type == null ? {} : { type: args.type }),
      }),
    broader: (parent, _args, context) => (parent.broader === null ? null : context.loaders.concept.load(parent.broader)),
    narrower: async (parent, _args, context) => {
      const concepts = await context.loaders.narrowerConcepts.load(parent.id);
      primeConcepts(context, concepts);
      return concepts;
    },
    timeline: (parent, { granularity }, context) =>
      context.loaders.conceptTimeline.load(parent.id, { granularity: granularity ?? 'YEAR' }),
  },

  RelatedConcept: {
    concept: (parent, _args, context) => loadConcept(context, parent.conceptId),
  },

  RelatedPaper: {
    paper: (parent, _args, context) => loadPaper(context, parent.paperId),
    shared: (parent, _args, context) => Promise.all(parent.shared.map((shared) => loadConcept(context, shared.conceptId))),
    sharedConcepts: (parent) => parent.shared,
    sharedTerms: async (parent, _args, context) => {
      if (parent.textScore <= 0) return [];
      const query = await sourceQuery(context, parent.source);
      return context.loaders.sharedTerms.load({ query, paperId: parent.paperId, textScore: parent.textScore });
    },
  },

  SharedConcept: {
    concept: (parent, _args, context) => loadConcept(context, parent.conceptId),
  },

  Cooccurrence: {
    rows: (parent, _args, context) => Promise.all(parent.rows.map((id) => loadConcept(context, id))),
    columns: (parent, _args, context) => Promise.all(parent.columns.map((id) => loadConcept(context, id))),
    counts: (parent) => {
      const rowIndex = new Map(parent.rows.map((id, index) => [id, index]));
      const columnIndex = new Map(parent.columns.map((id, index) => [id, index]));
      const counts = parent.rows.map(() => parent.columns.map(() => 0));
      for (const cell of parent.cells) {
        const row = counts[rowIndex.get(cell.row) ?? -1];
        const column = columnIndex.get(cell.column);
        if (row !== undefined && column !== undefined) row[column] = cell.count;
      }
      return counts;
    },
  },

  CooccurrenceCell: {
    row: (parent, _args, context) => loadConcept(context, parent.row),
    column: (parent, _args, context) => loadConcept(context, parent.column),
  },

  PaperConnection: {
    edges: (parent) => edges(parent),
    nodes: (parent) => parent.items,
    pageInfo: (parent) => pageInfo(parent),
  },

  ConceptConnection: {
    edges: (parent) => edges(parent),
    nodes: (parent) => parent.items,
    pageInfo: (parent) => pageInfo(parent),
  },

  PaperEdge: {
    cursor: (parent) => encodeCursor(parent.position, parent.key),
  },

  ConceptEdge: {
    cursor: (parent) => encodeCursor(parent.position, parent.key),
  },

  ExtractedConcept: {
    broader: (parent) => parent.broader ?? null,
  },
};
