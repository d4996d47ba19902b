/**
 * The baseline that concept-based relatedness must beat: TF-IDF cosine over title and abstract, with
 * sublinear term frequency and English stop words dropped, the usual strong text-similarity baseline.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do does for from has have how in into is it its may more most ' +
    'not of on or our over such than that the their them these they this those through to under up was we ' +
    'were what when where which while who will with without you your also both each however than then there ' +
    'thus via well yet'
  ).split(' '),
);

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((token) => !STOP_WORDS.has(token) && token.length > 1);
}

export interface Document {
  id: string;
  text: string;
}

/** A document as its terms (words, phrases or concept ids), repeated as often as they occur. */
export interface TermDocument {
  id: string;
  terms: readonly string[];
}

/** For each document, the other documents ranked by TF-IDF cosine similarity, best first (ties by id). */
export function createTfidfRanking(documents: readonly Document[]): (id: string) => string[] {
  return createTermRanking(documents.map((doc) => ({ id: doc.id, terms: tokenize(doc.text) })));
}

/** Unit-length TF-IDF vectors (sublinear tf, smoothed idf) of term documents, by id. */
export function tfidfVectors(documents: readonly TermDocument[]): Map<string, Map<string, number>> {
  const termCounts = documents.map((doc) => {
    const counts = new Map<string, number>();
    for (const term of doc.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  return new Map(
    termCounts.map((counts, index) => {
      const vector = new Map<string, number>();
      let norm = 0;
      for (const [term, count] of counts) {
        const weight = (1 + Math.log(count)) * Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0)) + 1);
        vector.set(term, weight);
        norm += weight * weight;
      }
      norm = Math.sqrt(norm);
      for (const [term, weight] of vector) vector.set(term, weight / norm);
      return [documents[index]!.id, vector];
    }),
  );
}

export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  return dot;
}

/** `createTfidfRanking` over given terms; `candidates` (default: every other document) limits who may rank. */
export function createTermRanking(
  documents: readonly TermDocument[],
  candidates?: (id: string, other: string) => boolean,
): (id: string) => string[] {
  const vectors = tfidfVectors(documents);
  return (id) => {
    const source = vectors.get(id);
    if (source === undefined) throw new Error(`unknown document ${id}`);
    return documents
      .filter((doc) => doc.id !== id && (candidates === undefined || candidates(id, doc.id)))
      .map((doc) => ({ id: doc.id, score: cosine(source, vectors.get(doc.id)!) }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((entry) => entry.id);
  };
}
