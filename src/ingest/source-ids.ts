/**
 * Ids of papers read from public sources, so that re-ingesting a dump finds the same papers and the same paper
 * from two sources becomes one node when both give its DOI. The rule, in order:
 * 1. a DOI of arXiv's own (`10.48550/arXiv.<id>`, what OpenAlex and Semantic Scholar give preprints) → `arxiv:<id>`;
 * 2. any other DOI → `doi:<doi>`, lower-cased (DOIs are case-insensitive);
 * 3. otherwise the source's own id: `arxiv:<id>`, `openalex:W…`, `s2:<corpusid>`, `bibtex:<key>`.
 */
export function sourcePaperId(doi: string | null, fallback: string): string {
  if (doi !== null) {
    const arxiv = /^10\.48550\/arxiv\.(.+)$/i.exec(doi);
    return arxiv ? `arxiv:${arxiv[1]!}` : `doi:${doi.toLowerCase().replace(/[^\p{L}\p{N}._:/-]/gu, '-')}`;
  }
  return fallback;
}

/** A bare DOI (`10.…/…`) from a DOI, a `doi:` form or a doi.org URL; null when there is none. */
export function bareDoi(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /(10\.\d{4,9}\/\S+)$/.exec(value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, ''));
  return match ? match[1]! : null;
}

/** Runs of white space (line wraps in arXiv titles and abstracts, TeX sources) as one space, ends trimmed. */
export function collapseSpace(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
