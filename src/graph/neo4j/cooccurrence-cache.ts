import type { ConceptType } from '../../nlp/index.js';
import type { Cooccurrence } from '../types.js';

/** A concept in a matrix's rows or columns, with what its rank depends on. */
export interface RankedConcept {
  id: string;
  name: string;
  paperCount: number;
}

/** What a `cooccurrence` answer is computed from, kept so that later writes can be applied to it. */
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

/** One paper a write changed: all its concept ids before the write and after it (none when deleted). */
export interface PaperChange {
  paperId: string;
  before: readonly string[];
  after: readonly string[];
}

/**
 * The changes of consecutive writes as one: each paper's links before the first write that changed it and after
 * the last. `writes` in the order they committed.
 */
export function mergeChanges(writes: readonly (readonly PaperChange[])[]): PaperChange[] {
  const merged = new Map<string, PaperChange>();
  for (const changes of writes) {
    for (const change of changes) {
      const earlier = merged.get(change.paperId);
      merged.set(change.paperId, { paperId: change.paperId, before: earlier?.before ?? change.before, after: change.after });
    }
  }
  return [...merged.values()];
}

const sameIds = (a: readonly RankedConcept[], b: readonly RankedConcept[]) => {
  const ids = new Set(a.map((c) => c.id));
  return a.length === b.length && b.every((c) => ids.has(c.id));
};

/**
 * A matrix brought forward by `changes` (every paper changed since it was computed), given the rows and columns
 * as they rank now; null when those are not the same concepts as before (a concept that joined has pair counts
 * the changes do not tell), so the matrix has to be computed again. Pair counts move by each changed paper's
 * links before and after; rows and columns take their new order and paper counts.
 */
export function applyChanges(
  state: MatrixState,
  changes: readonly PaperChange[],
  rows: readonly RankedConcept[],
  columns: readonly RankedConcept[],
): MatrixState | null {
  if (!sameIds(state.rows, rows) || !sameIds(state.columns, columns)) return null;
  const rowIds = new Set(rows.map((c) => c.id));
  const columnIds = new Set(columns.map((c) => c.id));
  const pairs = new Map(state.pairs);
  const add = (ids: readonly string[], step: number) => {
    const unique = [...new Set(ids)];
    const inRows = unique.filter((id) => rowIds.has(id));
    const inColumns = unique.filter((id) => columnIds.has(id));
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
  for (const change of changes) {
    add(change.before, -1);
    add(change.after, +1);
  }
  return { ...state, rows: [...rows], columns: [...columns], pairs };
}

/** A graph version: GraphStats `epoch` (new when the graph is rebuilt) and `writes` (+1 per write transaction). */
export interface GraphVersion {
  epoch: string;
  writes: number;
}

/** Most matrices kept. */
const MAX_CACHED_MATRICES = 64;

/** `cooccurrence` matrices by arguments, each with the graph version it was computed at (or brought to). */
export interface CooccurrenceCache {
  get(key: string): { version: GraphVersion; state: MatrixState } | undefined;
  set(key: string, version: GraphVersion, state: MatrixState): void;
}

export function createCooccurrenceCache(): CooccurrenceCache {
  const matrices = new Map<string, { version: GraphVersion; state: MatrixState }>();
  return {
    get: (key) => matrices.get(key),
    set(key, version, state) {
      if (!matrices.has(key) && matrices.size >= MAX_CACHED_MATRICES) matrices.clear();
      matrices.set(key, { version, state });
    },
  };
}
