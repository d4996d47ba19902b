/** A paper as read from a file or the API, before extraction. */
export interface PaperRecord {
  /** The given id, else derived from the title (see `paperIdFromTitle`), so re-ingesting finds the same paper. */
  id: string;
  title: string;
  abstract: string;
  url: string | null;
  /** ISO date `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  authors: string[];
  /** arXiv categories (`cs.CL`, …) in the source's order; empty when the source gives none. */
  categories: string[];
  /** The DOI, bare (`10.…/…`, no `https://doi.org/`) and lower-cased (DOIs are case-insensitive); null when unknown. */
  doi: string | null;
}

/** The shape accepted on input (JSON Lines, GraphQL `PaperInput`): only title and abstract are required. */
export interface PaperInput {
  id?: string | null;
  title: string;
  abstract: string;
  url?: string | null;
  published?: string | null;
  authors?: string[] | null;
  categories?: string[] | null;
  doi?: string | null;
}

/** One bad record, located so a person can fix it. */
export interface RecordError {
  /** File path, or `"input"` for records given through the API. */
  source: string;
  /** 1-based line in the file (JSON Lines, page format), or 1-based index in an API batch. */
  line: number;
  message: string;
}

export interface ReadResult {
  papers: PaperRecord[];
  errors: RecordError[];
}
