/**
 * The tokens full-text search works on (`PaperFilter.query`): runs of letters and digits, lowercased.
 * Both stores tokenize papers and queries with this one function, so "GPT-4" is `gpt 4` and "OAT's" is
 * `oat s` everywhere.
 */
export function searchTerms(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((token) => token.toLowerCase());
}

/**
 * Every term of a paper's title then abstract, repeats kept, space-joined: what the Neo4j full-text index
 * reads, so that its BM25 counts each occurrence (see `bm25.ts`).
 */
export function paperSearchText(title: string, abstract: string): string {
  return [...searchTerms(title), ...searchTerms(abstract)].join(' ');
}
