/** The four concept types papergraph keeps. */
export const CONCEPT_TYPES = ['METHOD', 'TASK', 'DATASET', 'METRIC'] as const;
export type ConceptType = (typeof CONCEPT_TYPES)[number];

/** Whether the paper introduces the concept or builds on an existing one. */
export const ROLES = ['PROPOSED', 'USED'] as const;
export type Role = (typeof ROLES)[number];

export const FIELDS = ['title', 'abstract'] as const;
export type Field = (typeof FIELDS)[number];

/** One occurrence of a concept: `source[field].slice(start, end) === text`. */
export interface Mention {
  field: Field;
  /** Inclusive start offset (UTF-16 code units) into the field. */
  start: number;
  /** Exclusive end offset. */
  end: number;
  text: string;
}

export interface ExtractedConcept {
  /**
   * Stable id shared across papers: `${type.toLowerCase()}:${canonicalKey}`, e.g. `method:flashattention-2`.
   * Two papers naming the same real concept (any alias, case, plural, hyphen/space variant) get the same id.
   */
  id: string;
  /** Canonical display name, e.g. "FlashAttention-2", "Long Range Arena". */
  name: string;
  type: ConceptType;
  /** Other names for the concept seen or known (acronym ↔ expansion, variants); never includes `name`. */
  aliases: string[];
  role: Role;
  /** In [0, 1]. */
  confidence: number;
  /** Every occurrence, sorted by field (title first) then start. Never empty. */
  mentions: Mention[];
  /** The sentence that best supports the concept (usually the first mention's sentence). */
  evidence: string;
  /** Id of the broader family concept, e.g. `method:flashattention` for FlashAttention-2; absent if none. */
  broader?: string;
}

export interface Extraction {
  /** Sorted by id. */
  concepts: ExtractedConcept[];
  /** URLs of code repositories named in the abstract (e.g. "Code is available at https://github.com/…"). */
  codeLinks: string[];
}

export interface ExtractInput {
  /** May be empty. */
  title: string;
  abstract: string;
}
