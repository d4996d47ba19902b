import type { ConceptType } from '../../nlp/index.js';
import { compareConceptRank } from '../compare.js';
import type { Cooccurrence } from '../types.js';

/** A concept in a matrix's rows or columns, with what its rank depends on. */
export interface RankedConcept {
  id: string;
  name: string;
  paperCount: number;
}

/** What a `cooccurrence` answer is computed from, kept so that a write can be applied to it. */
export interface MatrixState {
  rowType: ConceptType;
  columnType: ConceptType;
  first: number;
  /** The top `first` concepts of each type in `compareConceptRank` order (fewer when the type has fewer). */
  rows: RankedConcept[];
  columns: RankedConcept[];
  /** Papers mentioning both, by `pairKey(row, column)`, for distinct concepts; only counts > 0. */
  pairs: Map<string, number>;
}

export const pairKey = (row: string, column: string) => `${row}\u0000${column}`;

/** The answer: cells in row then column order; a concept paired with itself counts all its papers. */
export function matrixAnswer(state: MatrixState): Cooccurrence {
  const cells: Cooccurrence['cells'] = [];
  for (const row of state.rows) {
    for (const column of state.columns) {
      const count = row.id === column.id ? row.paperCount : (state.pairs.get(pairKey(row.id, column.id)) ?? 0);
      if (count > 0) cells.push({ row: row.id, column: column.id, count });
    }
  }
  return { rows: state.rows.map((c) => c.id), columns: state.columns.map((c) => c.id), cells };
}

/** One paper written or deleted: its concept ids before (only those in the write's `watched` set) and after (all). */
export interface PaperChange {
  before: readonly string[];
  after: readonly string[];
}

/** A committed write, as the writer saw it inside its transaction. */
export interface WriteDelta {
  /** The graph's version just before this write and right after it (GraphStats `epoch:writes`). */
  versionBefore: string | null;
  versionAfter: string;
  /** Concepts whose links the write collected for `PaperChange.before` (the cached matrices' concepts then). */
  watched: ReadonlySet<string>;
  papers: readonly PaperChange[];
  /** The concepts whose paper count the write refreshed: their type, name and new count; null when removed. */
  touched: ReadonlyMap<string, (RankedConcept & { type: ConceptType }) | null>;
}

/**
 * The new top `first` of one side after a write, or null when it cannot be known from the write alone. The
 * side is exact when nothing ranked below it could have overtaken it: no concept of it lost papers or was
 * removed (an unseen concept just below could then pass it), and every touched concept outside it still ranks
 * below its last. When the side held fewer than `first` (every concept of the type), concepts the write created
 * join it.
 */
function updateSide(
  side: readonly RankedConcept[],
  type: ConceptType,
  first: number,
  touched: WriteDelta['touched'],
): RankedConcept[] | null {
  const inSide = new Set(side.map((c) => c.id));
  const updated: RankedConcept[] = [];
  for (const concept of side) {
    if (!touched.has(concept.id)) {
      updated.push(concept);
      continue;
    }
    const now = touched.get(concept.id);
    if (now === null || now === undefined || now.paperCount < concept.paperCount) return null;
    updated.push({ id: concept.id, name: concept.name, paperCount: now.paperCount });
  }
  const complete = side.length < first;
  const outside = [...touched.values()].filter(
    (c): c is RankedConcept & { type: ConceptType } => c !== null && c.type === type && !inSide.has(c.id) && c.paperCount > 0,
  );
  updated.sort(compareConceptRank);
  if (complete) {
    // Every concept of the type was in the side before the write, so these are new: their pairs start at 0.
    return [...updated, ...outside.map(({ id, name, paperCount }) => ({ id, name, paperCount }))]
      .sort(compareConceptRank)
      .slice(0, first);
  }
  const last = updated[updated.length - 1];
  if (last !== undefined && outside.some((c) => compareConceptRank(c, last) <= 0)) return null;
  return updated;
}

/**
 * A cached matrix brought up to the graph after `delta`, or null when it has to be computed again. Pair
 * counts move by each changed paper's links before and after; a paper's earlier links are known only for
 * `delta.watched`, so every concept of the matrix must have been watched, except concepts the write created.
 */
export function applyWriteToMatrix(state: MatrixState, delta: WriteDelta): MatrixState | null {
  const rows = updateSide(state.rows, state.rowType, state.first, delta.touched);
  const columns = state.rowType === state.columnType ? rows : updateSide(state.columns, state.columnType, state.first, delta.touched);
  if (rows === null || columns === null) return null;
  const created = (id: string) => {
    const before = [...state.rows, ...state.columns].some((c) => c.id === id);
    return !before;
  };
  for (const concept of [...rows, ...columns]) {
    if (!delta.watched.has(concept.id) && !created(concept.id)) return null;
  }
  const rowIds = new Set(rows.map((c) => c.id));
  const columnIds = new Set(columns.map((c) => c.id));
  const pairs = new Map<string, number>();
  // Pairs of concepts no longer in the matrix are dropped.
  for (const [key, count] of state.pairs) {
    const [row, column] = key.split('\u0000') as [string, string];
    if (rowIds.has(row) && columnIds.has(column)) pairs.set(key, count);
  }
  const add = (ids: readonly string[], step: number) => {
    const inRows = ids.filter((id) => rowIds.has(id));
    const inColumns = ids.filter((id) => columnIds.has(id));
    for (const row of inRows) {
      for (const column of inColumns) {
        if (row === column) continue;
        const key = pairKey(row, column);
        const count = (pairs.get(key) ?? 0) + step;
        if (count > 0) pairs.set(key, count);
        else pairs.delete(key);
      }
    }
  };
  for (const paper of delta.papers) {
    add([...new Set(paper.before)], -1);
    add([...new Set(paper.after)], +1);
  }
  return { ...state, rows, columns: state.rowType === state.columnType ? rows : columns, pairs };
}

/** Most matrices kept between writes. */
const MAX_CACHED_MATRICES = 64;

/**
 * `cooccurrence` answers kept per graph version (GraphStats `epoch:writes`, which every write moves). A write
 * through this store brings the cached matrices forward by its own delta when the version it replaced is the one
 * they were computed at (no other writer in between); any other version change empties the cache.
 */
export interface CooccurrenceCache {
  /** The cached matrix for `key` at `version`, or undefined (and the cache emptied when the version moved). */
  get(version: string | null, key: string): MatrixState | undefined;
  /** Keeps a matrix computed at `version`, unless the cache has since moved to another version. */
  set(version: string | null, key: string, state: MatrixState): void;
  /** The concepts of every cached matrix: what a write should collect paper links for. */
  watched(): Set<string>;
  /** Applies a committed write (see `WriteDelta`). */
  applyWrite(delta: WriteDelta): void;
}

export function createCooccurrenceCache(): CooccurrenceCache {
  const matrices = new Map<string, MatrixState>();
  let cachedVersion: string | null = null;
  return {
    get(version, key) {
      if (version !== cachedVersion) {
        matrices.clear();
        cachedVersion = version;
      }
      return version === null ? undefined : matrices.get(key);
    },
    set(version, key, state) {
      if (version === null || version !== cachedVersion) return;
      if (matrices.size >= MAX_CACHED_MATRICES) matrices.clear();
      matrices.set(key, state);
    },
    watched() {
      const ids = new Set<string>();
      for (const state of matrices.values()) for (const c of [...state.rows, ...state.columns]) ids.add(c.id);
      return ids;
    },
    applyWrite(delta) {
      if (delta.versionBefore === null || delta.versionBefore !== cachedVersion) {
        matrices.clear();
        cachedVersion = null;
        return;
      }
      for (const [key, state] of [...matrices]) {
        const next = applyWriteToMatrix(state, delta);
        if (next === null) matrices.delete(key);
        else matrices.set(key, next);
      }
      cachedVersion = delta.versionAfter;
    },
  };
}
